package org.imrflow.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.imrflow.events.CaseIneligible;
import org.imrflow.events.CaseReceived;
import org.imrflow.events.EventType;
import org.imrflow.events.testing.SampleDispute;
import org.imrflow.local.ImrService;
import org.imrflow.local.LocalSystem;
import org.imrflow.local.StackOptions;
import org.imrflow.local.SystemOptions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;

/**
 * Measures the operations view on a fresh local system:
 * <ol>
 *   <li>a burst of N cases (default 10,000) put on the stream at once as case-received events, which assignment,
 *   review and intake then act on too: the live page's update rate (one page open) and notification-service's CPU
 *   until the view has counted them all;</li>
 *   <li>a rebuild of the view from M events (default 100,000: the burst's events and the rest made up of
 *   case-ineligible events, which only the view reads): the time from the request to the end.</li>
 * </ol>
 * <pre>./mvnw -q -DskipTests install && ./mvnw -q -pl system-tests test-compile exec:java \
 *     -Dbenchmark=org.imrflow.system.OperationsViewBenchmark -Dexec.args="10000 100000"</pre>
 */
public final class OperationsViewBenchmark {
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final long CLOCK_TICKS = 100; // USER_HZ on Linux

    private OperationsViewBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int burst = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rebuildEvents = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path root = Path.of(System.getProperty("imrflow.repository-root", ".")).toAbsolutePath().normalize();
        Path dataDir = Files.createTempDirectory(Files.createDirectories(root.resolve("system-tests/target")), "bench-ops-");
        System.out.println("Starting the local system (fresh, free ports)...");
        try (LocalSystem system = LocalSystem.start(new SystemOptions(root, StackOptions.ephemeral(dataDir), false, true, "256m"));
             KafkaProducer<String, String> producer = producer(system.kafkaBootstrapServers())) {
            // Ctrl-C or a kill stops the stack too, not only the benchmark
            Runtime.getRuntime().addShutdownHook(new Thread(system::close, "benchmark-stop"));
            String notification = system.url(ImrService.NOTIFICATION);
            long pid = system.process(ImrService.NOTIFICATION).pid();
            List<Instant> updates = new CopyOnWriteArrayList<>();
            WebSocket page = HttpClient.newHttpClient().newWebSocketBuilder()
                    .header("Authorization", "Bearer " + system.tokens().accessToken("ops"))
                    .buildAsync(URI.create(notification.replace("http://", "ws://") + "/api/operations/live"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                            if (last) {
                                updates.add(Instant.now());
                            }
                            socket.request(1);
                            return null;
                        }
                    }).join();

            // 1. the burst
            long before = received(system);
            System.out.printf("Burst: %,d cases on the stream at once (the view has %,d)%n", burst, before);
            Instant idleFrom = Instant.now();
            double idleCpuFrom = cpuSeconds(pid);
            Thread.sleep(10_000); // the idle baseline: what the page and the spine checks cost with nothing happening
            double idleCpu = (cpuSeconds(pid) - idleCpuFrom) / Duration.between(idleFrom, Instant.now()).toMillis() * 1000;
            int updatesBefore = updates.size();
            Instant start = Instant.now();
            double cpuStart = cpuSeconds(pid);
            for (int i = 0; i < burst; i++) {
                String caseNumber = String.format("CM27-%07d", i + 1);
                CaseReceived sample = SampleDispute.caseReceived(caseNumber, "acme-claims");
                send(producer, EventType.CASE_RECEIVED, caseNumber, sample);
            }
            producer.flush();
            Instant published = Instant.now();
            List<Double> perSecond = new ArrayList<>();
            while (received(system) < before + burst) {
                Instant tick = Instant.now();
                int count = updates.size();
                Thread.sleep(1000);
                perSecond.add((updates.size() - count) * 1000.0 / Duration.between(tick, Instant.now()).toMillis());
                if (perSecond.size() % 10 == 0) {
                    System.out.printf("  %3d s: the view has %,d of %,d%n", perSecond.size(), received(system) - before, burst);
                }
            }
            Instant counted = Instant.now();
            double cpu = cpuSeconds(pid) - cpuStart;
            double seconds = Duration.between(start, counted).toMillis() / 1000.0;
            int sent = updates.size() - updatesBefore;
            System.out.printf("Published in %.1f s; the view counted all %,d cases %.1f s after the first%n",
                    Duration.between(start, published).toMillis() / 1000.0, burst, seconds);
            System.out.printf("Live page: %d updates in %.1f s = %.2f a second on average, %.1f at most in any second%n",
                    sent, seconds, sent / seconds, perSecond.stream().mapToDouble(Double::doubleValue).max().orElse(0));
            System.out.printf("notification-service CPU: %.1f s over %.1f s = %.0f%% of one core (idle: %.0f%%); %,.0f events a second into the view%n",
                    cpu, seconds, 100 * cpu / seconds, 100 * idleCpu, burst / seconds);

            // 2. the rebuild
            long streamEvents = eventsInTheView(system);
            int filler = (int) Math.max(0, rebuildEvents - streamEvents);
            System.out.printf("Rebuild: adding %,d case-ineligible events to the %,d in the view%n", filler, streamEvents);
            for (int i = 0; i < filler; i++) {
                String caseNumber = String.format("CM28-%07d", i + 1);
                send(producer, EventType.CASE_INELIGIBLE, caseNumber, new CaseIneligible(caseNumber, Instant.now(), false,
                        List.of("The application was filed after the deadline")));
            }
            producer.flush();
            while (eventsInTheView(system) < streamEvents + filler) {
                Thread.sleep(2000);
                System.out.printf("  the view has %,d of %,d events%n", eventsInTheView(system), streamEvents + filler);
            }
            long total = eventsInTheView(system);
            Instant rebuildStart = Instant.now();
            double rebuildCpuStart = cpuSeconds(pid);
            ops(system).contentType(ContentType.JSON).post(notification + "/api/operations/rebuild").then().statusCode(202);
            while (Boolean.TRUE.equals(ops(system).get(notification + "/api/operations/rebuild").then().extract().path("running"))) {
                Thread.sleep(1000);
                System.out.printf("  replayed %,d%n", ((Number) ops(system).get(notification + "/api/operations/rebuild")
                        .then().extract().path("eventsReplayed")).longValue());
            }
            double rebuildSeconds = Duration.between(rebuildStart, Instant.now()).toMillis() / 1000.0;
            // the server's own count: the stream may have grown meanwhile (assignment still working off the burst)
            long replayedEvents = ((Number) ops(system).get(notification + "/api/operations/rebuild").then().extract()
                    .path("eventsReplayed")).longValue();
            System.out.printf("Rebuilt the view from %,d events in %.1f s (%,.0f events a second; %.0f%% of one core; %,d were in the view before)%n",
                    replayedEvents, rebuildSeconds, replayedEvents / rebuildSeconds,
                    100 * (cpuSeconds(pid) - rebuildCpuStart) / rebuildSeconds, total);
            page.abort();
        }
    }

    private static long received(LocalSystem system) {
        return ((Number) ops(system).get(system.url(ImrService.NOTIFICATION) + "/api/operations/pipeline")
                .then().statusCode(200).extract().path("received.count")).longValue();
    }

    private static long eventsInTheView(LocalSystem system) {
        return ((Number) ops(system).queryParam("size", 1).get(system.url(ImrService.NOTIFICATION) + "/api/operations/events")
                .then().statusCode(200).extract().path("total")).longValue();
    }

    private static io.restassured.specification.RequestSpecification ops(LocalSystem system) {
        return given().auth().oauth2(system.tokens().accessToken("ops"));
    }

    /** utime + stime of the process, from /proc/<pid>/stat. */
    private static double cpuSeconds(long pid) throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS;
    }

    private static void send(KafkaProducer<String, String> producer, EventType type, String caseNumber, Object payload)
            throws java.io.IOException {
        ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), caseNumber, JSON.writeValueAsString(payload));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_type", type.cloudEventType());
        header(record, "ce_source", "/operations-view-benchmark");
        header(record, "ce_subject", caseNumber);
        header(record, "ce_time", Instant.now().toString());
        header(record, "content-type", "application/json");
        producer.send(record);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static KafkaProducer<String, String> producer(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(config);
    }
}
