package org.imrflow.local.load;

import org.imrflow.local.StackOptions;
import org.imrflow.local.Launcher;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * {@code ./run-local.sh load --cases N --concurrency C ...}: one load run on a fresh stack of its own, its summary, and
 * its histograms and chart under {@code .imr-flow/reports/load/<time>/}. Exit code: 0 clean, 1 something lost, duplicated or
 * refused, 2 a bad option, 3 the run itself could not be done.
 */
public final class LoadCommand {
    private LoadCommand() {
    }

    public static void main(String[] args) {
        Launcher.quietLogging();
        LoadOptions options;
        try {
            options = LoadOptions.parse(args, Path.of("").toAbsolutePath());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(Launcher.usage("usage-load.txt"));
            System.exit(2);
            return;
        }
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!done.get()) {
                // Ctrl-C mid-run: stop what the run's pid file lists
                org.imrflow.local.PidFile.in(options.dataDir()).recover(java.time.Duration.ofSeconds(20));
            }
        }, "load-stop"));
        LoadReport report;
        try {
            report = LoadRun.run(options, System.out);
        } catch (RuntimeException e) {
            done.set(true);
            System.err.println("The load run could not be done: " + e.getMessage());
            System.exit(3);
            return;
        }
        done.set(true);
        report.print(System.out);
        // in the local data folder's reports, which a fresh start keeps
        Path written = report.write(options.repositoryRoot().resolve(".imr-flow").resolve(StackOptions.REPORTS)
                .resolve("load").resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        System.out.println("Histograms, chart and summary: " + written + " (chart.html, histograms.hgrm, histograms.hlog,"
                + " summary.txt)");
        System.exit(report.clean() ? 0 : 1);
    }
}
