package org.imrflow.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.imrflow.events.inbox.InvalidEventException;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.events.tracing.TraceParent;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.imrflow.events.testing.SignIn.asOperations;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dead letters through real Kafka and PostgreSQL: a message the inbox rejects reaches the office by way of SmallRye's
 * dead-letter topic, is listed with its metadata and never its payload, and goes back unchanged on replay, where the
 * inbox skips what it has already processed.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "events"))
class DeadLetterOfficeTest {
    private static final AtomicInteger CASES = new AtomicInteger(8_000_000);
    private static final java.util.concurrent.atomic.AtomicLong SOURCE_OFFSETS = new java.util.concurrent.atomic.AtomicLong(1_000_000);
    private static final String SOURCE = EventType.CASE_INELIGIBLE.topic();
    private static final String DLQ = EventType.CASE_INELIGIBLE.deadLetterTopic("events-test");
    /** Stands for the PHI a payload may carry: it must never come out of the dead-letter API. */
    private static final String PHI = "Pat Example, chronic neck pain";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    RecordingConsumer consumer;

    @Inject
    MeterRegistry registry;

    private final EventStreamProbe probe = EventStreamProbe.ofTestConfig();

    @Test
    void anInvalidMessageIsListedWithItsReasonAndWhereItCameFromButNeverItsPayload() {
        String caseNumber = newCaseNumber();
        UUID eventId = UUID.randomUUID();
        probe.publishRaw(SOURCE, caseNumber, invalidPayload(caseNumber), headers(caseNumber, eventId));
        ConsumerRecord<String, String> original = onSourceTopic(eventId).get(0);

        Map<String, Object> letter = awaitDeadLetter(eventId, null);
        assertEquals(SOURCE, letter.get("topic"));
        assertEquals(original.partition(), letter.get("partition"));
        assertEquals(original.offset(), ((Number) letter.get("offset")).longValue());
        assertEquals(EventType.CASE_INELIGIBLE.cloudEventType(), letter.get("eventType"));
        assertEquals(caseNumber, letter.get("caseNumber"));
        assertTrue(((String) letter.get("reason")).startsWith("payload violates schemas/case-ineligible.v1.json"),
                String.valueOf(letter.get("reason")));
        assertEquals(InvalidEventException.class.getName(), letter.get("failure"));
        assertEquals(DLQ, letter.get("deadLetterTopic"));
        assertNotNull(letter.get("deadLetteredAt"));
        assertNull(letter.get("replayedAt"));
        assertEquals(0, letter.get("replayCount"));

        String list = asOperations().queryParam("replayed", false).queryParam("size", 100).get("/api/dead-letters")
                .then().statusCode(200).extract().asString();
        String one = asOperations().get("/api/dead-letters/" + letter.get("id"))
                .then().statusCode(200).body("eventId", equalTo(eventId.toString())).extract().asString();
        for (String body : List.of(list, one)) {
            assertFalse(body.contains(PHI), "the payload must never be shown: " + body);
            assertFalse(body.contains("\"reasons\""), "the payload must never be shown: " + body);
        }
        assertTrue(deadLetters(true).stream().noneMatch(l -> eventId.toString().equals(l.get("eventId"))),
                "not replayed yet");
    }

    @Test
    void anUnknownDeadLetterIsA404Problem() {
        for (Response response : List.of(asOperations().get("/api/dead-letters/987654321"),
                asOperations().post("/api/dead-letters/987654321/replay"))) {
            response.then().statusCode(404)
                    .contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(404))
                    .body("detail", equalTo("No dead letter 987654321"));
        }
    }

    @Test
    void aFilterThatIsNotTrueOrFalseIsA400Problem() {
        asOperations().queryParam("replayed", "maybe").get("/api/dead-letters")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("replayed"))
                .body("errors[0].message", equalTo("must be true or false"));
    }

    @Test
    void replaySendsTheDeadLetterBackUnchangedAndOneThatFailsAgainIsANewDeadLetter() {
        String caseNumber = newCaseNumber();
        UUID eventId = UUID.randomUUID();
        probe.publishRaw(SOURCE, caseNumber, invalidPayload(caseNumber), headers(caseNumber, eventId));
        Map<String, Object> letter = awaitDeadLetter(eventId, null);

        asOperations().post("/api/dead-letters/" + letter.get("id") + "/replay")
                .then().statusCode(200)
                .body("id", equalTo(letter.get("id")))
                .body("replayCount", equalTo(1));

        List<ConsumerRecord<String, String>> copies = onSourceTopic(eventId);
        assertEquals(2, copies.size(), "the original and the replayed copy");
        ConsumerRecord<String, String> original = copies.get(0);
        ConsumerRecord<String, String> replayed = copies.get(1);
        assertEquals(original.key(), replayed.key());
        assertEquals(original.value(), replayed.value());
        assertEquals(original.partition(), replayed.partition(), "the key picks the same partition");
        assertEquals(headerMap(original), headerMap(replayed), "the same ce_* headers, and no dead-letter-* ones");

        // The consumer rejects it again: a new dead letter, at the replayed copy's offset, still to be dealt with.
        Map<String, Object> again = awaitDeadLetter(eventId, l -> !l.get("id").equals(letter.get("id")));
        assertEquals(replayed.offset(), ((Number) again.get("offset")).longValue());
        assertNull(again.get("replayedAt"));
        asOperations().get("/api/dead-letters/" + letter.get("id"))
                .then().statusCode(200).body("replayCount", equalTo(1)).body("replayedAt", org.hamcrest.Matchers.notNullValue());
        assertTrue(deadLetters(true).stream().anyMatch(l -> l.get("id").equals(letter.get("id"))));
    }

    @Test
    void aDeadLetteredEventOfACaseIsAnnouncedAndSoIsItsReplayButNeverItsPayload() {
        String caseNumber = newCaseNumber();
        UUID eventId = UUID.randomUUID();
        probe.publishRaw(SOURCE, caseNumber, invalidPayload(caseNumber), headers(caseNumber, eventId));
        Map<String, Object> letter = awaitDeadLetter(eventId, null);
        long id = ((Number) letter.get("id")).longValue();

        EventStreamProbe.StreamEvent announced = probe.awaitEvent(EventType.EVENT_DEAD_LETTERED, caseNumber);
        assertEquals("/events-test", announced.source());
        assertEquals(caseNumber, announced.payload().get("caseNumber").asText());
        assertEquals("events-test", announced.payload().get("service").asText());
        assertEquals(id, announced.payload().get("deadLetterId").asLong());
        assertEquals(EventType.CASE_INELIGIBLE.cloudEventType(), announced.payload().get("eventType").asText());
        assertTrue(announced.payload().get("reason").asText().startsWith("payload violates schemas/case-ineligible.v1.json"));
        assertFalse(announced.payload().toString().contains(PHI), "never the payload: " + announced.payload());
        assertTrue(probe.readAll(EventType.DEAD_LETTER_REPLAYED, caseNumber).isEmpty(), "not replayed yet");

        asOperations().post("/api/dead-letters/" + id + "/replay").then().statusCode(200);
        EventStreamProbe.StreamEvent replayed = probe.awaitEvent(EventType.DEAD_LETTER_REPLAYED, caseNumber);
        assertEquals(id, replayed.payload().get("deadLetterId").asLong());
        assertEquals("events-test", replayed.payload().get("service").asText());

        // Refused again: a new dead letter, announced with its own id.
        long again = ((Number) awaitDeadLetter(eventId, l -> !l.get("id").equals(letter.get("id"))).get("id")).longValue();
        List<EventStreamProbe.StreamEvent> announcements = probe.awaitEvents(EventType.EVENT_DEAD_LETTERED, caseNumber, 2);
        assertEquals(List.of(id, again), announcements.stream().map(e -> e.payload().get("deadLetterId").asLong()).toList(),
                "one announcement per dead letter, in order");
    }

    @Test
    void replayOfAllSkipsWhatTheInboxProcessedAndDeliversWhatItDidNot() throws Throwable {
        String caseNumber = newCaseNumber();
        UUID processed = UUID.randomUUID();
        UUID neverProcessed = UUID.randomUUID();
        probe.publishRaw(SOURCE, caseNumber, validPayload(caseNumber), headers(caseNumber, processed));
        await().atMost(PATIENCE).until(() -> consumer.handled(caseNumber).size() == 1);

        // A copy of the processed event, and an event the consumer never got through, as SmallRye dead-letters them.
        deadLetterAsSmallRyeDoes(caseNumber, processed);
        deadLetterAsSmallRyeDoes(caseNumber, neverProcessed);
        Object first = awaitDeadLetter(processed, null).get("id");
        Object second = awaitDeadLetter(neverProcessed, null).get("id");

        List<Integer> replayed = asOperations().post("/api/dead-letters/replay")
                .then().statusCode(200).extract().jsonPath().getList("replayed", Integer.class);
        assertTrue(replayed.containsAll(List.of(first, second)), "replayed " + replayed);

        UUID later = UUID.randomUUID();
        probe.publishRaw(SOURCE, caseNumber, validPayload(caseNumber), headers(caseNumber, later));
        // Same key, same partition: once the later event is handled, the consumer is past both replayed copies.
        await().atMost(PATIENCE).until(() -> consumer.handled(caseNumber).contains(later));
        assertEquals(List.of(processed, neverProcessed, later), consumer.handled(caseNumber),
                "the processed event is skipped, the other handled once");
        assertEquals(1L, processedCount(processed));
        assertEquals(1L, processedCount(neverProcessed));
    }

    @Test
    void aSourceRecordRefusedAgainIsStillOneDeadLetterAnnouncedOnce() {
        String caseNumber = newCaseNumber();
        UUID eventId = UUID.randomUUID();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("dead-letter-exception-class-name", IllegalStateException.class.getName());
        headers.put("dead-letter-reason", "refused");
        headers.put("dead-letter-topic", SOURCE);
        headers.put("dead-letter-partition", "1");
        headers.put("dead-letter-offset", Long.toString(SOURCE_OFFSETS.incrementAndGet()));
        headers.putAll(headers(caseNumber, eventId));
        // as when a consumer reads the same record again (a rebuild from the start, a redelivery) and refuses it again
        probe.publishRaw(DLQ, caseNumber, validPayload(caseNumber), headers);
        probe.publishRaw(DLQ, caseNumber, validPayload(caseNumber), headers);
        String marker = newCaseNumber();
        UUID markerId = UUID.randomUUID();
        deadLetterAsSmallRyeDoes(marker, markerId);
        awaitDeadLetter(markerId, null); // both copies were before it on the topic
        probe.awaitEvent(EventType.EVENT_DEAD_LETTERED, marker); // and their announcement, had there been two, before its

        assertEquals(1, deadLetters(null).stream().filter(l -> eventId.toString().equals(l.get("eventId"))).count(),
                "one dead letter");
        assertEquals(1, probe.readAll(EventType.EVENT_DEAD_LETTERED, caseNumber).size(), "announced once");
    }

    @Test
    void replayingTwiceIsSafe() throws Throwable {
        String caseNumber = newCaseNumber();
        UUID eventId = UUID.randomUUID();
        deadLetterAsSmallRyeDoes(caseNumber, eventId);
        Object id = awaitDeadLetter(eventId, null).get("id");

        asOperations().post("/api/dead-letters/" + id + "/replay").then().statusCode(200).body("replayCount", equalTo(1));
        asOperations().post("/api/dead-letters/" + id + "/replay").then().statusCode(200).body("replayCount", equalTo(2));
        List<Integer> replayedByAll = asOperations().post("/api/dead-letters/replay")
                .then().statusCode(200).extract().jsonPath().getList("replayed", Integer.class);
        assertFalse(replayedByAll.contains(id), "replay of all leaves a replayed dead letter alone");

        UUID later = UUID.randomUUID();
        probe.publishRaw(SOURCE, caseNumber, validPayload(caseNumber), headers(caseNumber, later));
        await().atMost(PATIENCE).until(() -> consumer.handled(caseNumber).contains(later));
        assertEquals(List.of(eventId, later), consumer.handled(caseNumber), "handled once, however often replayed");
        assertEquals(1L, processedCount(eventId));
        assertEquals(2, onSourceTopic(eventId).size(), "each replay sent it once");
    }

    @Test
    void theGaugeCountsTheDeadLettersNotYetReplayed() throws Throwable {
        String caseNumber = newCaseNumber();
        UUID eventId = UUID.randomUUID();
        deadLetterAsSmallRyeDoes(caseNumber, eventId);
        Object id = awaitDeadLetter(eventId, null).get("id");
        await().atMost(PATIENCE).untilAsserted(() -> {
            long notReplayed = notReplayedCount();
            assertTrue(notReplayed >= 1);
            assertEquals(notReplayed, gauge(), 0.0);
        });

        asOperations().post("/api/dead-letters/" + id + "/replay").then().statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> assertEquals(notReplayedCount(), gauge(), 0.0));
        RestAssured.given().get(org.imrflow.events.testing.ManagementInterface.url("/q/metrics")).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("imrflow_dead_letters{service=\"events-test\"}"));
    }

    // --- helpers

    /** The dead letter of the event, once the office has recorded it. */
    private static Map<String, Object> awaitDeadLetter(UUID eventId, java.util.function.Predicate<Map<String, Object>> which) {
        return await().atMost(PATIENCE).until(() -> deadLetters(null).stream()
                        .filter(l -> eventId.toString().equals(l.get("eventId")))
                        .filter(l -> which == null || which.test(l))
                        .findFirst(),
                Optional::isPresent).get();
    }

    private static List<Map<String, Object>> deadLetters(Boolean replayed) {
        var request = asOperations().queryParam("size", 100);
        if (replayed != null) {
            request = request.queryParam("replayed", replayed);
        }
        return request.accept(ContentType.JSON).get("/api/dead-letters")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** What SmallRye's KafkaDeadLetterQueue writes: its own headers first, then the original's, key and value. */
    private void deadLetterAsSmallRyeDoes(String caseNumber, UUID eventId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("dead-letter-exception-class-name", IllegalStateException.class.getName());
        headers.put("dead-letter-reason", "a passing fault outlasted the retries");
        headers.put("dead-letter-topic", SOURCE);
        headers.put("dead-letter-partition", "0");
        headers.put("dead-letter-offset", Long.toString(SOURCE_OFFSETS.incrementAndGet())); // a source record of its own
        headers.putAll(headers(caseNumber, eventId));
        probe.publishRaw(DLQ, caseNumber, validPayload(caseNumber), headers);
    }

    private List<ConsumerRecord<String, String>> onSourceTopic(UUID eventId) {
        return probe.readRaw(SOURCE, Duration.ofMillis(200)).stream()
                .filter(r -> eventId.toString().equals(EventStreamProbe.header(r, "ce_id")))
                .sorted(java.util.Comparator.comparingLong(ConsumerRecord::offset))
                .toList();
    }

    /**
     * The record's headers but its trace context: the connector's dead-letter producer adds a traceparent of its own,
     * and the replay carries it on, so a replayed event continues the trace it was dead-lettered in.
     */
    private static Map<String, List<String>> headerMap(ConsumerRecord<?, ?> record) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            if (!header.key().equals(TraceParent.TRACEPARENT) && !header.key().equals(TraceParent.TRACESTATE)) {
                headers.computeIfAbsent(header.key(), k -> new java.util.ArrayList<>()).add(new String(header.value()));
            }
        }
        return headers;
    }

    private double gauge() {
        Gauge gauge = registry.find("imrflow.dead_letters").tag("service", "events-test").gauge();
        assertNotNull(gauge, "the gauge is registered");
        return gauge.value();
    }

    private static long notReplayedCount() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("select count(*) from dead_letter where replayed_at is null", Long.class)
                        .getSingleResult())));
    }

    private static long processedCount(UUID eventId) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("select count(*) from processed_event where event_id = :id", Long.class)
                        .setParameter("id", eventId)
                        .getSingleResult())));
    }

    private static String validPayload(String caseNumber) {
        return "{\"caseNumber\":\"" + caseNumber + "\",\"screenedAt\":\"2026-11-01T10:00:00Z\","
                + "\"deferred\":false,\"reasons\":[\"" + PHI + "\"]}";
    }

    /** No screenedAt: the schema rejects it. */
    private static String invalidPayload(String caseNumber) {
        return "{\"caseNumber\":\"" + caseNumber + "\",\"deferred\":false,\"reasons\":[\"" + PHI + "\"]}";
    }

    private static String newCaseNumber() {
        return "CM26-" + CASES.incrementAndGet();
    }

    private static Map<String, String> headers(String caseNumber, UUID id) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", id.toString());
        headers.put("ce_type", EventType.CASE_INELIGIBLE.cloudEventType());
        headers.put("ce_source", "/test");
        headers.put("ce_subject", caseNumber);
        headers.put("content-type", "application/json");
        return headers;
    }
}
