package org.imrflow.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.imrflow.events.outbox.Outbox;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stream as business metrics: what the relay produced, and what a consumer took, by type and outcome. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "events"))
class EventMetricsTest {
    private static final AtomicInteger CASES = new AtomicInteger(8_600_000);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    MeterRegistry registry;

    @Inject
    Outbox outbox;

    private final EventStreamProbe probe = EventStreamProbe.ofTestConfig();

    @Test
    void eachEventTheConsumerTakesIsCountedByHowItEnded() {
        String caseNumber = "CM26-" + CASES.incrementAndGet();
        double processed = consumed("processed");
        double duplicate = consumed("duplicate");
        double deadLettered = consumed("dead-lettered");

        UUID id = UUID.randomUUID();
        String payload = "{\"caseNumber\":\"" + caseNumber + "\",\"screenedAt\":\"2026-11-01T10:00:00Z\","
                + "\"deferred\":false,\"reasons\":[\"late\"]}";
        probe.publishRaw(EventType.CASE_INELIGIBLE.topic(), caseNumber, payload, envelope(caseNumber, id));
        probe.publishRaw(EventType.CASE_INELIGIBLE.topic(), caseNumber, payload, envelope(caseNumber, id));
        probe.publishRaw(EventType.CASE_INELIGIBLE.topic(), caseNumber, "{\"caseNumber\":\"" + caseNumber + "\"}",
                envelope(caseNumber, UUID.randomUUID()));

        // at least: other tests of this JVM send case-ineligible events to the same consumer
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertTrue(consumed("processed") >= processed + 1, "processed");
            assertTrue(consumed("duplicate") >= duplicate + 1, "duplicate");
            assertTrue(consumed("dead-lettered") >= deadLettered + 1, "dead-lettered");
        });
        assertTrue(registry.find("imrflow.events.handling").tags("type", "case-ineligible", "consumer", "events-test")
                .timer().count() >= 1, "the handling time is recorded");
    }

    @Test
    void eachEventTheRelayPublishesIsCountedByType() throws Throwable {
        String caseNumber = "CM26-" + CASES.incrementAndGet();
        double before = produced();
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.append(EventType.CASE_INELIGIBLE,
                caseNumber, new CaseIneligible(caseNumber, Instant.now(), true, List.of("liability disputed")))));
        await().atMost(PATIENCE).untilAsserted(() -> assertTrue(produced() >= before + 1));
    }

    private double consumed(String outcome) {
        Counter counter = registry.find("imrflow.events.consumed")
                .tags("type", "case-ineligible", "consumer", "events-test", "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private double produced() {
        Counter counter = registry.find("imrflow.events.produced").tags("type", "case-ineligible").counter();
        return counter == null ? 0 : counter.count();
    }

    private static Map<String, String> envelope(String caseNumber, UUID id) {
        return Map.of("ce_specversion", "1.0", "ce_id", id.toString(), "ce_type", EventType.CASE_INELIGIBLE.cloudEventType(),
                "ce_source", "/test", "ce_subject", caseNumber, "ce_time", Instant.now().toString(),
                "content-type", "application/json");
    }
}
