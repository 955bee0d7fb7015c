package org.imrflow.events;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.imrflow.events.outbox.Outbox;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.events.testing.EventStreamProbe.StreamEvent;
import org.imrflow.events.tracing.Spans;
import org.imrflow.events.tracing.TraceParent;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox and inbox properties every service relies on, against real PostgreSQL and Kafka: the trace an event
 * carries from the appending span to the consumer's handler included.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "events"))
class OutboxAndInboxTest {
    private static final AtomicInteger CASES = new AtomicInteger(9_000_000);

    @Inject
    Outbox outbox;

    @Inject
    RecordingConsumer consumer;

    @Inject
    Tracer tracer;

    private final EventStreamProbe probe = EventStreamProbe.ofTestConfig();

    @Test
    void anEventOfARolledBackTransactionIsNeverSent() throws Throwable {
        String caseNumber = newCaseNumber();
        assertThrows(IllegalStateException.class, () -> inTransaction(() -> outbox
                .append(EventType.CASE_INELIGIBLE, caseNumber, ineligible(caseNumber, "rolled back"))
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("business rule failed")))));
        inTransaction(() -> outbox.append(EventType.CASE_INELIGIBLE, caseNumber, ineligible(caseNumber, "committed")));

        // The committed event was appended after the rolled-back one: once it is on the topic, the other never will be.
        List<StreamEvent> events = probe.awaitEvents(EventType.CASE_INELIGIBLE, caseNumber, 1);
        assertEquals(1, events.size());
        assertEquals("committed", events.get(0).payload().get("reasons").get(0).asText());
        assertEquals("/events-test", events.get(0).source());
    }

    @Test
    void eventsOfOneCaseArePublishedInTheOrderTheyWereWritten() throws Throwable {
        String first = newCaseNumber();
        String second = newCaseNumber();
        for (int i = 1; i <= 10; i++) {
            int step = i;
            inTransaction(() -> outbox.append(EventType.CASE_INELIGIBLE, first, ineligible(first, "step " + step))
                    .chain(() -> outbox.append(EventType.CASE_INELIGIBLE, second, ineligible(second, "step " + step))));
        }
        for (String caseNumber : List.of(first, second)) {
            List<StreamEvent> events = probe.awaitEvents(EventType.CASE_INELIGIBLE, caseNumber, 10);
            List<String> steps = events.stream().map(e -> e.payload().get("reasons").get(0).asText()).toList();
            assertEquals(List.of("step 1", "step 2", "step 3", "step 4", "step 5", "step 6", "step 7", "step 8",
                    "step 9", "step 10"), steps, "order of " + caseNumber);
        }
    }

    @Test
    void aRedeliveredEventIsSkipped() throws Throwable {
        String caseNumber = newCaseNumber();
        UUID eventId = UUID.randomUUID();
        String payload = "{\"caseNumber\":\"" + caseNumber + "\",\"screenedAt\":\"2026-11-01T10:00:00Z\","
                + "\"deferred\":false,\"reasons\":[\"late\"]}";
        String topic = EventType.CASE_INELIGIBLE.topic();
        UUID later = UUID.randomUUID();
        probe.publishRaw(topic, caseNumber, payload, headers(caseNumber, eventId));
        probe.publishRaw(topic, caseNumber, payload, headers(caseNumber, eventId));
        // A later, different event on the same partition proves the consumer has gone past both copies.
        probe.publishRaw(topic, caseNumber, payload, headers(caseNumber, later));
        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.handled(caseNumber).contains(later));
        assertEquals(List.of(eventId, later), consumer.handled(caseNumber), "the duplicate must be skipped");
        assertEquals(1L, processedCount(eventId), "the inbox holds the event id once");
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicWithTheReasonAndTheConsumerCarriesOn() throws Throwable {
        String caseNumber = newCaseNumber();
        String valid = "{\"caseNumber\":\"" + caseNumber + "\",\"screenedAt\":\"2026-11-01T10:00:00Z\","
                + "\"deferred\":false,\"reasons\":[\"late\"]}";
        String topic = EventType.CASE_INELIGIBLE.topic();
        probe.publishRaw(topic, caseNumber, "{not json", headers(caseNumber, UUID.randomUUID()));
        probe.publishRaw(topic, caseNumber, "{\"caseNumber\":\"" + caseNumber + "\"}", headers(caseNumber, UUID.randomUUID()));
        probe.publishRaw(topic, caseNumber, valid, headers(caseNumber, UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.handled(caseNumber).size() == 1);

        String dlq = EventType.CASE_INELIGIBLE.deadLetterTopic("events-test");
        await().atMost(Duration.ofSeconds(30)).until(() -> probe.readRaw(dlq, Duration.ofMillis(200)).stream()
                .filter(r -> caseNumber.equals(r.key())).count() == 2);
        List<String> reasons = probe.readRaw(dlq, Duration.ofMillis(200)).stream()
                .filter(r -> caseNumber.equals(r.key()))
                .map(r -> EventStreamProbe.header(r, "dead-letter-reason"))
                .toList();
        assertTrue(reasons.get(0).contains("not JSON"), reasons.get(0));
        assertTrue(reasons.get(1).contains("violates"), reasons.get(1));
        assertFalse(reasons.get(1).isBlank());
    }

    @Test
    void aPassingHandlerFailureIsRetriedAndTheEventProcessedOnce() throws Throwable {
        String caseNumber = newCaseNumber();
        UUID eventId = UUID.randomUUID();
        String payload = "{\"caseNumber\":\"" + caseNumber + "\",\"screenedAt\":\"2026-11-01T10:00:00Z\","
                + "\"deferred\":false,\"reasons\":[\"" + RecordingConsumer.FAIL_TWICE + "\"]}";
        probe.publishRaw(EventType.CASE_INELIGIBLE.topic(), caseNumber, payload, headers(caseNumber, eventId));

        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.handled(caseNumber).size() == 1);
        assertEquals(List.of(eventId), consumer.handled(caseNumber));
        assertEquals(1L, processedCount(eventId));
        String dlq = EventType.CASE_INELIGIBLE.deadLetterTopic("events-test");
        assertTrue(probe.readRaw(dlq, Duration.ofMillis(200)).stream().noneMatch(r -> caseNumber.equals(r.key())),
                "a retried success never reaches the dead-letter topic");
    }

    @Test
    void anEventLeavesWithTheTraceItWasAppendedIn() throws Throwable {
        String caseNumber = newCaseNumber();
        Span request = tracer.spanBuilder("a request").startSpan();
        SpanContext appendedIn = request.getSpanContext();
        inTransaction(() -> Spans.within(request, () -> outbox.append(EventType.CASE_INELIGIBLE, caseNumber,
                ineligible(caseNumber, "traced"))));

        assertEquals(Optional.of("00-" + appendedIn.getTraceId() + "-" + appendedIn.getSpanId() + "-01"),
                keptTrace(caseNumber), "the outbox row keeps the appending span's traceparent");
        String[] traceparent = EventStreamProbe.header(published(caseNumber), TraceParent.TRACEPARENT).split("-");
        assertEquals(appendedIn.getTraceId(), traceparent[1], "the record continues the trace");
        assertNotEquals(appendedIn.getSpanId(), traceparent[2], "under the relay's producer span");
    }

    @Test
    void anEventAppendedOutsideAnySpanStartsATraceWhenItIsPublished() throws Throwable {
        String caseNumber = newCaseNumber();
        inTransaction(() -> outbox.append(EventType.CASE_INELIGIBLE, caseNumber, ineligible(caseNumber, "untraced")));

        assertEquals(Optional.empty(), keptTrace(caseNumber));
        assertTrue(EventStreamProbe.header(published(caseNumber), TraceParent.TRACEPARENT)
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"), "the relay's producer span is the root of a trace");
    }

    @Test
    void theHandlerRunsInTheTraceTheRecordCarriesOnEveryAttempt() {
        String caseNumber = newCaseNumber();
        UUID eventId = UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String producerSpanId = traceId.substring(0, 16);
        Map<String, String> headers = new HashMap<>(headers(caseNumber, eventId));
        headers.put(TraceParent.TRACEPARENT, "00-" + traceId + "-" + producerSpanId + "-01");
        // The handler fails twice first, as on a database restart: the attempt that succeeds is still in the trace.
        String payload = "{\"caseNumber\":\"" + caseNumber + "\",\"screenedAt\":\"2026-11-01T10:00:00Z\","
                + "\"deferred\":false,\"reasons\":[\"" + RecordingConsumer.FAIL_TWICE + "\"]}";
        probe.publishRaw(EventType.CASE_INELIGIBLE.topic(), caseNumber, payload, headers);

        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.handled(caseNumber).contains(eventId));
        String[] inHandler = consumer.traceOf(eventId).orElseThrow(() -> new AssertionError("no span in the handler"))
                .traceparent().split("-");
        assertEquals(traceId, inHandler[1], "what the handler appends continues the producer's trace");
        assertNotEquals(producerSpanId, inHandler[2], "under the consumer's own span");
    }

    private ConsumerRecord<String, String> published(String caseNumber) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> probe.readRaw(EventType.CASE_INELIGIBLE.topic(),
                        Duration.ofMillis(200)).stream().filter(record -> caseNumber.equals(record.key())).findFirst(),
                Optional::isPresent).orElseThrow();
    }

    private static Optional<String> keptTrace(String caseNumber) throws Throwable {
        return Optional.ofNullable(VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("select traceparent from event_outbox where case_number = :caseNumber",
                                String.class)
                        .setParameter("caseNumber", caseNumber)
                        .getSingleResult()))));
    }

    private long processedCount(UUID eventId) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("select count(*) from processed_event where event_id = :id", Long.class)
                        .setParameter("id", eventId)
                        .getSingleResult())));
    }

    private static void inTransaction(java.util.function.Supplier<Uni<Void>> work) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
    }

    private static CaseIneligible ineligible(String caseNumber, String reason) {
        return new CaseIneligible(caseNumber, Instant.now(), false, List.of(reason));
    }

    private static String newCaseNumber() {
        return "CM26-" + CASES.incrementAndGet();
    }

    private static Map<String, String> headers(String caseNumber, UUID id) {
        return Map.of(
                "ce_specversion", "1.0",
                "ce_id", id.toString(),
                "ce_type", EventType.CASE_INELIGIBLE.cloudEventType(),
                "ce_source", "/test",
                "ce_subject", caseNumber,
                "content-type", "application/json");
    }
}
