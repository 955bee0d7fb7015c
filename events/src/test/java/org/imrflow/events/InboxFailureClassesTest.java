package org.imrflow.events;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.imrflow.events.inbox.StuckConsumers;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inbox's three failure classes: invalid and rejected events go to the dead-letter topic with the reason; a
 * passing failure is retried for as long as it lasts, never dead-lettered, and readiness reports it meanwhile.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "events"))
class InboxFailureClassesTest {
    private static final AtomicInteger CASES = new AtomicInteger(9_100_000);
    private static final String DLQ = EventType.CASE_INELIGIBLE.deadLetterTopic("events-test");

    @Inject
    RecordingConsumer consumer;

    @Inject
    StuckConsumers stuck;

    private final EventStreamProbe probe = EventStreamProbe.ofTestConfig();

    @Test
    void aLongOutageIsRetriedUntilItEndsNeverDeadLetteredAndReadinessSaysSoMeanwhile() {
        String caseNumber = "CM26-" + CASES.incrementAndGet();
        UUID eventId = UUID.randomUUID();
        publish(caseNumber, eventId, RecordingConsumer.FAIL_UNTIL_RELEASED);

        try {
            // Far more attempts than the old limit of 4, and past the 1 s stuck threshold of the test profile.
            await().atMost(Duration.ofSeconds(30)).until(() -> consumer.attemptsWhileHeld() >= 10
                    && stuck.call().getStatus() == HealthCheckResponse.Status.DOWN);
            HealthCheckResponse down = stuck.call();
            assertTrue(down.getData().orElseThrow().toString().contains(caseNumber), down.getData().toString());
            assertTrue(consumer.handled(caseNumber).isEmpty());
        } finally {
            consumer.release(); // the consumer holds its place in the stream until then: other tests need it back
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.handled(caseNumber).size() == 1);
        assertEquals(List.of(eventId), consumer.handled(caseNumber));
        assertEquals(HealthCheckResponse.Status.UP, stuck.call().getStatus());
        assertTrue(probe.readRaw(DLQ, Duration.ofMillis(200)).stream().noneMatch(r -> caseNumber.equals(r.key())),
                "a passing failure is never dead-lettered");
    }

    @Test
    void anEventTheRulesRejectGoesToTheDeadLetterTopicWithTheReasonAndTheConsumerCarriesOn() {
        String caseNumber = "CM26-" + CASES.incrementAndGet();
        UUID rejected = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        publish(caseNumber, rejected, RecordingConsumer.REJECT);
        publish(caseNumber, next, "late");

        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.handled(caseNumber).contains(next));
        assertEquals(List.of(next), consumer.handled(caseNumber));
        await().atMost(Duration.ofSeconds(30)).until(() -> probe.readRaw(DLQ, Duration.ofMillis(200)).stream()
                .anyMatch(r -> caseNumber.equals(r.key())));
        var deadLetters = probe.readRaw(DLQ, Duration.ofMillis(200)).stream()
                .filter(r -> caseNumber.equals(r.key())).toList();
        assertEquals(1, deadLetters.size());
        assertEquals(rejected.toString(), EventStreamProbe.header(deadLetters.get(0), "ce_id"));
        assertTrue(EventStreamProbe.header(deadLetters.get(0), "dead-letter-reason").contains("is unknown here"));
    }

    private void publish(String caseNumber, UUID id, String reason) {
        String payload = "{\"caseNumber\":\"" + caseNumber + "\",\"screenedAt\":\"2026-11-01T10:00:00Z\","
                + "\"deferred\":false,\"reasons\":[\"" + reason + "\"]}";
        probe.publishRaw(EventType.CASE_INELIGIBLE.topic(), caseNumber, payload, Map.of(
                "ce_specversion", "1.0",
                "ce_id", id.toString(),
                "ce_type", EventType.CASE_INELIGIBLE.cloudEventType(),
                "ce_source", "/test",
                "ce_subject", caseNumber,
                "content-type", "application/json"));
    }
}
