package org.imrflow.system;

import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.imrflow.events.EventType;
import org.imrflow.events.testing.SampleDispute;
import org.imrflow.local.ImrService;
import org.imrflow.local.LocalSystem;
import org.imrflow.local.ServiceProcess;
import org.imrflow.local.StackOptions;
import org.imrflow.local.SystemOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;

/**
 * Measures, on a fresh local system, the time from submitting a case to its letter-issued event on Kafka, with the
 * determination posted as soon as the case is on the reviewer's worklist. Cases run one after another. Prints
 * percentiles, then each service's start-up time and resident memory.
 *
 * <pre>./mvnw -q -DskipTests install && ./mvnw -q -pl system-tests test-compile exec:java -Dexec.args="50"</pre>
 */
public final class CaseLatencyBenchmark {
    private static final int WARM_UP = 5;

    private CaseLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        Path root = Path.of(System.getProperty("imrflow.repository-root", ".")).toAbsolutePath().normalize();
        Path target = Files.createDirectories(root.resolve("system-tests/target"));
        Path dataDir = Files.createTempDirectory(target, "bench-");
        System.out.println("Starting the local system (fresh, free ports)...");
        try (LocalSystem system = LocalSystem.start(new SystemOptions(root, StackOptions.ephemeral(dataDir), false, true, "256m"))) {
            Map<String, Long> letterIssuedAt = new ConcurrentHashMap<>();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread listener = new Thread(() -> listen(system.kafkaBootstrapServers(), letterIssuedAt, running), "letter-issued-listener");
            listener.start();

            System.out.printf("Warm-up: %d cases%n", WARM_UP);
            for (int i = 0; i < WARM_UP; i++) {
                runCase(system, letterIssuedAt);
            }
            System.out.printf("Measuring: %d cases, one after another%n", cases);
            List<Long> millis = new ArrayList<>();
            for (int i = 1; i <= cases; i++) {
                millis.add(runCase(system, letterIssuedAt));
                if (i % 10 == 0) {
                    System.out.printf("  %d/%d done%n", i, cases);
                }
            }
            running.set(false);
            listener.join();
            report(millis);
            System.out.printf("%n%-22s %-18s %-14s %s%n", "service", "ready after (s)", "Quarkus (s)", "RSS after run (MiB)");
            for (ImrService service : ImrService.values()) {
                ServiceProcess process = system.process(service);
                System.out.printf("%-22s %-18.1f %-14s %s%n", service.serviceName(),
                        system.readyAfter(service).toMillis() / 1000.0,
                        process.quarkusStartupSeconds().map(s -> String.format("%.3f", s)).orElse("?"),
                        process.residentMemoryMiB().map(String::valueOf).orElse("?"));
            }
        }
    }

    /**
     * Submit, send the records and say they are complete, accept the offer, wait until the reviewer may decide, decide, wait for
     * letter-issued. Returns submit-to-letter-issued in ms.
     */
    private static long runCase(LocalSystem system, Map<String, Long> letterIssuedAt) throws InterruptedException {
        long submitted = System.currentTimeMillis();
        String caseNumber = given().auth().oauth2(system.tokens().accessToken("claims-admin-acme"))
                .baseUri(system.url(ImrService.INTAKE)).contentType(ContentType.JSON)
                .body(SampleDispute.application(LocalDate.now().minusDays(6)))
                .post("/api/cases").then().statusCode(201).extract().path("caseNumber");
        SampleCases.recordsSent(system, caseNumber);
        String review = system.url(ImrService.REVIEW);
        // the sample's condition goes to one of several specialties: whoever it is offered to accepts at once
        String operations = system.tokens().accessToken("ops");
        String reviewerId;
        while ((reviewerId = given().auth().oauth2(operations).baseUri(system.url(ImrService.ASSIGNMENT))
                .get("/api/assignments/" + caseNumber).then().extract().<String>path("reviewerId")) == null) {
            Thread.sleep(5);
        }
        String reviewer = system.tokens().accessToken(reviewerId);
        while (given().auth().oauth2(reviewer).baseUri(review).post("/api/reviews/" + caseNumber + "/acceptance")
                .then().extract().statusCode() != 200) {
            Thread.sleep(5); // the offer is not on the desk yet
        }
        while (!Boolean.TRUE.equals(given().auth().oauth2(reviewer).baseUri(review).get("/api/reviews/" + caseNumber)
                .then().extract().<Boolean>path("recordsComplete"))) {
            Thread.sleep(5);
        }
        given().auth().oauth2(reviewer).baseUri(review).contentType(ContentType.JSON).body(SampleDispute.determination())
                .post("/api/reviews/" + caseNumber + "/determination").then().statusCode(200);
        long deadline = System.currentTimeMillis() + 30_000;
        while (!letterIssuedAt.containsKey(caseNumber)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("No letter-issued for " + caseNumber + " within 30 s");
            }
            Thread.sleep(1);
        }
        return letterIssuedAt.get(caseNumber) - submitted;
    }

    private static void listen(String bootstrapServers, Map<String, Long> seen, AtomicBoolean running) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "latency-benchmark-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(EventType.LETTER_ISSUED.topic()));
            while (running.get()) {
                // arrival time at this consumer, the moment a downstream reader would see it
                consumer.poll(Duration.ofMillis(20)).forEach(r -> seen.putIfAbsent(r.key(), System.currentTimeMillis()));
            }
        }
    }

    private static void report(List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        double mean = sorted.stream().mapToLong(Long::longValue).average().orElse(0);
        System.out.printf("%nSubmit to letter-issued over %d cases: p50 %d ms, p90 %d ms, p99 %d ms, max %d ms, mean %.0f ms%n",
                sorted.size(), percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                sorted.get(sorted.size() - 1), mean);
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
