package org.imrflow.local.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own end-to-end latency on the run's broker: {@code org.apache.kafka.tools.EndToEndLatency} from Kafka's
 * tools jar, in a JVM of its own (it ends its process when done), sending one message at a time with {@code acks=all}
 * and the size of a typical event, and timing each until its consumer has it. The floor every hop is compared with.
 */
record KafkaProbe(int messages, double averageMillis, long p50Millis, long p99Millis, long p999Millis) {
    static final String TOPIC = "imr-load.kafka-latency-probe";
    /** About the size of a case-received event with its CloudEvents headers. */
    static final int MESSAGE_BYTES = 1_500;
    private static final Pattern AVERAGE = Pattern.compile("Avg latency: ([0-9.]+) ms");
    private static final Pattern PERCENTILES = Pattern.compile("Percentiles: 50th = (\\d+), 99th = (\\d+), 99\\.9th = (\\d+)");

    static KafkaProbe run(String bootstrapServers, int messages, Path logDir) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.EndToEndLatency",
                bootstrapServers, TOPIC, Integer.toString(messages), "all", Integer.toString(MESSAGE_BYTES)));
        try {
            java.nio.file.Files.createDirectories(logDir);
            Path log = logDir.resolve("kafka-end-to-end-latency.log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("Kafka's EndToEndLatency did not finish within 10 minutes; see " + log);
            }
            String output = java.nio.file.Files.readString(log, StandardCharsets.UTF_8);
            return parse(messages, output)
                    .orElseThrow(() -> new IllegalStateException("Kafka's EndToEndLatency printed no percentiles (exit "
                            + process.exitValue() + "); see " + log));
        } catch (IOException e) {
            throw new IllegalStateException("Could not run Kafka's EndToEndLatency: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads the tool's summary lines ("Avg latency: 1.2345 ms", "Percentiles: 50th = 1, 99th = 3, 99.9th = 5"). */
    static java.util.Optional<KafkaProbe> parse(int messages, String output) {
        Matcher average = AVERAGE.matcher(output);
        Matcher percentiles = PERCENTILES.matcher(output);
        if (!average.find() || !percentiles.find()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new KafkaProbe(messages, Double.parseDouble(average.group(1)),
                Long.parseLong(percentiles.group(1)), Long.parseLong(percentiles.group(2)),
                Long.parseLong(percentiles.group(3))));
    }
}
