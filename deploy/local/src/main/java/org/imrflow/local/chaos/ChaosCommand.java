package org.imrflow.local.chaos;

import org.imrflow.local.Launcher;

import java.nio.file.Path;

/**
 * {@code ./run-local.sh chaos --cases N [--seed S] [--kill-every SECONDS] ...}: one chaos run, its summary, and an exit
 * code for scripts: 0 clean, 1 something lost or duplicated (or a killed process never came back), 2 a bad option,
 * 3 the run itself could not be done.
 */
public final class ChaosCommand {
    private ChaosCommand() {
    }

    public static void main(String[] args) {
        Launcher.quietLogging();
        ChaosOptions options;
        try {
            options = ChaosOptions.parse(args, Path.of("").toAbsolutePath());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(Launcher.usage("usage-chaos.txt"));
            System.exit(2);
            return;
        }
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!done.get()) {
                // Ctrl-C mid-run: stop what the run's pid file lists (the run itself is skipped, it is this JVM)
                org.imrflow.local.PidFile.in(options.dataDir()).recover(java.time.Duration.ofSeconds(20));
            }
        }, "chaos-stop"));
        ChaosReport report;
        try {
            report = ChaosRun.run(options, System.out);
        } catch (RuntimeException e) {
            done.set(true);
            System.err.println("The chaos run could not be done: " + e.getMessage());
            System.exit(3);
            return;
        }
        done.set(true);
        report.print(System.out);
        System.exit(report.clean() ? 0 : 1);
    }
}
