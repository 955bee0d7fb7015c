package org.imrflow.local.load;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.imrflow.local.ImrService;
import org.imrflow.local.LocalSystem.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a load run found: throughput, the latency histograms, errors, lost and duplicated cases, the Kafka floor, and
 * what each process took (CPU, memory, start-up). Printed at the end, and written with the histograms and a
 * self-contained HTML chart to the report folder.
 */
public record LoadReport(LoadOptions options, int submitted, int refused, int letters, int ineligible, List<String> lost,
                  List<String> duplicated, List<String> problems, long clientRetries, long intakeCasesAdded, PaperTrail paperTrail,
                  long surgeMillis, Latencies latencies, KafkaProbe kafka, Map<String, Double> surgeCpuSeconds,
                  long cpuWindowMillis,
                  Map<Component, Long> restRssMiB, Map<Component, Long> peakRssMiB, Duration stackStart,
                  Map<ImrService, Duration> readyInStack, Map<ImrService, Duration> readyAlone, int[] completionsPerSecond) {

    /**
     * Nothing lost, nothing duplicated, no request refused or failed, intake holds exactly the cases filed, and every
     * document was issued and mailed.
     */
    public boolean clean() {
        return lost.isEmpty() && duplicated.isEmpty() && problems.isEmpty() && refused == 0
                && intakeCasesAdded == submitted - refused && (paperTrail == null || paperTrail.caughtUp());
    }

    public double casesPerSecond() {
        return surgeMillis <= 0 ? 0 : (letters + ineligible) * 1000.0 / surgeMillis;
    }

    public void print(PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "Load run: %d cases, concurrency %d, seed %d%n", options.cases(), options.concurrency(), options.seed());
        out.printf(Locale.ROOT, "  submitted %d (refused %d), letters issued %d, ineligible %d; intake holds %d new cases%n",
                submitted, refused, letters, ineligible, intakeCasesAdded);
        out.printf(Locale.ROOT, "  %.1f cases/s: first submission to last completion %.1f s%n", casesPerSecond(), surgeMillis / 1000.0);
        out.printf(Locale.ROOT, "  lost %d, duplicated %d, errors %d, client retries (timeouts, 5xx) %d%n",
                lost.size(), duplicated.size(), problems.size(), clientRetries);
        if (paperTrail != null) {
            out.printf(Locale.ROOT, "  documents and mail: %s (%d of %d documents issued, %d deliveries queued, %d retrying)%n",
                    paperTrail.caughtUp() ? String.format(Locale.ROOT, "caught up %.1f s after the last letter",
                            paperTrail.caughtUpAfter().toMillis() / 1000.0) : "NOT caught up when the wait ended",
                    paperTrail.documents(), paperTrail.expectedDocuments(), paperTrail.queued(), paperTrail.retrying());
            paperTrail.missing().stream().limit(10).forEach(line -> out.println("    document not issued: " + line));
        }
        lost.stream().limit(10).forEach(line -> out.println("    lost: " + line));
        duplicated.stream().limit(10).forEach(line -> out.println("    duplicated: " + line));
        problems.stream().limit(10).forEach(line -> out.println("    error: " + line));
        out.println();
        out.printf(Locale.ROOT, "  %-66s %8s %8s %8s %8s %8s %9s%n", "latency (ms)", "count", "p50", "p90", "p99", "max",
                kafka == null ? "" : "p99/Kafka");
        latencies.all().forEach((name, histogram) -> out.printf(Locale.ROOT, "  %-66s %8d %8.1f %8.1f %8.1f %8.1f %9s%n", name,
                histogram.getTotalCount(), Latencies.millis(histogram, 50), Latencies.millis(histogram, 90),
                Latencies.millis(histogram, 99), histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMaxValue() / 1000.0,
                kafka == null || !Latencies.HOPS.contains(name) ? "" : String.format(Locale.ROOT, "%.1fx", ratioToKafka(histogram))));
        if (kafka != null) {
            out.printf(Locale.ROOT, "  Kafka's own end to end (EndToEndLatency, %d messages of %d bytes, acks=all): avg %.2f ms, p50 %d ms,"
                    + " p99 %d ms, p99.9 %d ms%n", kafka.messages(), KafkaProbe.MESSAGE_BYTES, kafka.averageMillis(),
                    kafka.p50Millis(), kafka.p99Millis(), kafka.p999Millis());
        }
        out.println();
        double cpuTotal = surgeCpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "  CPU from the first submission to the last completion: %.0f of %.0f core-seconds (%d cores x %.1f s)%n",
                cpuTotal, cpuWindowMillis / 1000.0 * cores, cores, cpuWindowMillis / 1000.0);
        surgeCpuSeconds.forEach((process, seconds) -> out.printf(Locale.ROOT, "    %-22s %8.1f s  %5.1f%%%n", process, seconds,
                cpuTotal == 0 ? 0 : 100 * seconds / cpuTotal));
        out.println();
        out.printf(Locale.ROOT, "  %-22s %14s %14s %16s %16s%n", "service", "ready in stack", "ready alone", "RSS at rest MiB",
                "RSS peak MiB");
        for (ImrService service : ImrService.values()) {
            Component component = component(service);
            out.printf(Locale.ROOT, "  %-22s %14s %14s %16s %16s%n", service.serviceName(), seconds(readyInStack.get(service)),
                    seconds(readyAlone.get(service)), orQuestion(restRssMiB.get(component)), orQuestion(peakRssMiB.get(component)));
        }
        if (stackStart != null) {
            out.printf(Locale.ROOT, "  whole stack (Kafka, PostgreSQL, mail, Keycloak, four services) ready in %.1f s%n",
                    stackStart.toMillis() / 1000.0);
        }
        out.println();
        out.println(clean() ? "CLEAN: every case reached its letter (or its notice of ineligibility) exactly once, its documents mailed."
                : "NOT CLEAN: see the lost, duplicated and error lines above.");
    }

    double ratioToKafka(Histogram hop) {
        return kafka == null || kafka.p99Millis() == 0 ? Double.NaN : Latencies.millis(hop, 99) / kafka.p99Millis();
    }

    /** Writes summary.txt, histograms.hgrm (percentile distributions), histograms.hlog and chart.html. */
    public Path write(Path dir) {
        try {
            Files.createDirectories(dir);
            ByteArrayOutputStream summary = new ByteArrayOutputStream();
            print(new PrintStream(summary, true, StandardCharsets.UTF_8));
            Files.writeString(dir.resolve("summary.txt"), summary.toString(StandardCharsets.UTF_8));
            ByteArrayOutputStream distributions = new ByteArrayOutputStream();
            try (PrintStream out = new PrintStream(distributions, true, StandardCharsets.UTF_8)) {
                latencies.all().forEach((name, histogram) -> {
                    out.println("# " + name + " (values in ms)");
                    if (histogram.getTotalCount() > 0) {
                        histogram.outputPercentileDistribution(out, 1000.0);
                    }
                    out.println();
                });
            }
            Files.write(dir.resolve("histograms.hgrm"), distributions.toByteArray());
            try (PrintStream log = new PrintStream(dir.resolve("histograms.hlog").toFile(), StandardCharsets.UTF_8)) {
                HistogramLogWriter writer = new HistogramLogWriter(log);
                writer.outputComment("IMR Flow load run: " + options.cases() + " cases, concurrency " + options.concurrency()
                        + "; values in microseconds; tags name the histograms");
                writer.outputLogFormatVersion();
                writer.outputLegend();
                latencies.all().forEach((name, histogram) -> {
                    Histogram tagged = histogram.copy();
                    tagged.setTag(name.replaceAll("[^A-Za-z0-9-]+", "_"));
                    tagged.setStartTimeStamp(0);
                    tagged.setEndTimeStamp(surgeMillis);
                    writer.outputIntervalHistogram(tagged);
                });
            }
            Files.writeString(dir.resolve("chart.html"), LoadChart.html(this));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the load report to " + dir, e);
        }
    }

    static Component component(ImrService service) {
        return java.util.Arrays.stream(Component.values()).filter(c -> c.isService() && c.service() == service).findFirst()
                .orElseThrow();
    }

    private static String seconds(Duration duration) {
        return duration == null ? "-" : String.format(Locale.ROOT, "%.2f s", duration.toMillis() / 1000.0);
    }

    private static String orQuestion(Long value) {
        return value == null ? "?" : value.toString();
    }
}
