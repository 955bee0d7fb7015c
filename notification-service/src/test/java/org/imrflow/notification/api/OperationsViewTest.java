package org.imrflow.notification.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.imrflow.events.CaseConvertedToExpedited;
import org.imrflow.events.CaseIneligible;
import org.imrflow.events.CaseWithdrawn;
import org.imrflow.events.ClaimsAdministratorGuideline;
import org.imrflow.events.Deadline;
import org.imrflow.events.DeadlineReached;
import org.imrflow.events.DisputedItem;
import org.imrflow.events.DocumentReference;
import org.imrflow.events.EventType;
import org.imrflow.events.ItemCategory;
import org.imrflow.events.LetterIssued;
import org.imrflow.events.NoticeMethod;
import org.imrflow.events.NoticeOfAssignmentSent;
import org.imrflow.events.Outcome;
import org.imrflow.events.RecordsReceived;
import org.imrflow.events.ReviewType;
import org.imrflow.events.ReviewerAssigned;
import org.imrflow.events.ReviewerQualifications;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.events.testing.SampleDispute;
import org.imrflow.events.testing.TestDatabase;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.imrflow.events.testing.SignIn.ACME;
import static org.imrflow.events.testing.SignIn.asClaimsAdmin;
import static org.imrflow.events.testing.SignIn.asOperations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operations view, built from every topic: a case's stage moves only forward whatever order its events arrive
 * in, a redelivered event is not counted twice, and the feed tells facts, never PHI.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class OperationsViewTest {
    private static final AtomicInteger CASES = new AtomicInteger(6_500_000);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final EventStreamProbe stream = EventStreamProbe.ofTestConfig();

    @Test
    void eventsOutOfOrderAndRedeliveredEndInTheFurthestStageWithEachEventOnce() {
        String caseNumber = "CM26-" + CASES.incrementAndGet();
        // the letter first, then the rest in reverse, and the decision twice with one event id
        stream.publish(EventType.LETTER_ISSUED, caseNumber, new LetterIssued(caseNumber, UUID.randomUUID().toString(),
                Instant.now(), List.of(new LetterIssued.ItemOutcome(1, Outcome.OVERTURNED), new LetterIssued.ItemOutcome(2, Outcome.UPHELD))));
        UUID decision = stream.publish(EventType.DECISION_RECORDED, caseNumber, LetterFlowTest.decision(caseNumber));
        stream.publishRaw(EventType.DECISION_RECORDED.topic(), caseNumber, json(LetterFlowTest.decision(caseNumber)),
                envelope(EventType.DECISION_RECORDED, caseNumber, decision));
        stream.publish(EventType.REVIEWER_ASSIGNED, caseNumber, assigned(caseNumber));
        stream.publish(EventType.CASE_RECEIVED, caseNumber, SampleDispute.caseReceived(caseNumber, ACME));

        // five: the four published (the redelivery once) and the letter this service itself issued on the decision
        await().atMost(PATIENCE).untilAsserted(() -> asOperations().get("/api/operations/cases/" + caseNumber + "/timeline")
                .then().statusCode(200)
                .body("events.size()", equalTo(5))
                .body("stage", equalTo("LETTER_ISSUED")));
        List<String> types = asOperations().get("/api/operations/cases/" + caseNumber + "/timeline").then()
                .extract().jsonPath().getList("events.event.eventType");
        assertEquals(List.of(EventType.CASE_RECEIVED, EventType.DECISION_RECORDED, EventType.LETTER_ISSUED,
                        EventType.LETTER_ISSUED, EventType.REVIEWER_ASSIGNED).stream().map(EventType::cloudEventType).toList(),
                types.stream().sorted().toList(), "the redelivered decision once");
        String timeline = asOperations().get("/api/operations/cases/" + caseNumber + "/timeline").then()
                .body("events[0].millisSincePrevious", equalTo(null))
                .body("events.event.reviewerId", org.hamcrest.Matchers.hasItem("rev-occmed-01"))
                .extract().asString();
        assertTrue(!timeline.contains("Pat Example") && !timeline.contains("chronic neck pain"), "no PHI: " + timeline);

        asOperations().queryParam("caseNumber", caseNumber).queryParam("type", EventType.DECISION_RECORDED.cloudEventType())
                .get("/api/operations/events").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].summary", equalTo("2 items, 1 overturned"))
                .body("items[0].source", equalTo("review-service"));
    }

    @Test
    void theFeedIsNewestFirstAndThePipelineCountsEachStage() {
        String caseNumber = "CM26-" + CASES.incrementAndGet();
        long deferredBefore = deferred();
        stream.publish(EventType.CASE_INELIGIBLE, caseNumber, new CaseIneligible(caseNumber, Instant.now().minusSeconds(5),
                true, List.of("Liability for the claim is disputed")));
        await().atMost(PATIENCE).until(() -> deferred() > deferredBefore);
        asOperations().get("/api/operations/cases/" + caseNumber + "/timeline").then()
                .body("stage", equalTo("DEFERRED"))
                .body("events[0].event.summary", equalTo("deferred, 1 reason"))
                .body(not(containsString("Liability for the claim is disputed")));

        await().atMost(PATIENCE).untilAsserted(() -> assertTrue(io.restassured.RestAssured.given()
                .get(org.imrflow.events.testing.ManagementInterface.url("/q/metrics")).then().statusCode(200).extract()
                .asString().lines().anyMatch(line -> line.startsWith("imrflow_cases{stage=\"deferred\"}")
                        && Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) >= 1),
                "the pipeline as a metric"));

        asOperations().get("/api/operations/pipeline").then().statusCode(200)
                .body("stages.stage", contains("RECEIVED", "INELIGIBLE", "DEFERRED", "ASSIGNED", "DECIDED", "LETTER_ISSUED",
                        "WITHDRAWN"))
                .body("stages.find { it.stage == 'DEFERRED' }.inPerMinute", org.hamcrest.Matchers.greaterThan(0f))
                .body("stages.find { it.stage == 'DEFERRED' }.outPerMinute", equalTo(null))
                .body("received.stage", equalTo("ALL"));

        // as instants: ISO-8601 strings with fractions of different lengths do not sort as text
        List<Instant> newest = asOperations().queryParam("size", 50).get("/api/operations/events").then().statusCode(200)
                .extract().jsonPath().<String>getList("items.occurredAt").stream().map(Instant::parse).toList();
        assertTrue(newest.equals(newest.stream().sorted(java.util.Comparator.reverseOrder()).toList()), "newest first: " + newest);
    }

    @Test
    void theLifecycleEventsShowInTheFeedWithALineOfFactsEach() {
        String caseNumber = "CM26-" + CASES.incrementAndGet();
        Instant recordsDue = Instant.parse("2026-12-11T07:59:59Z"); // the end of 10 December in California
        stream.publish(EventType.NOTICE_OF_ASSIGNMENT_SENT, caseNumber, new NoticeOfAssignmentSent(caseNumber,
                Instant.parse("2026-11-24T18:00:00Z"), NoticeMethod.MAIL, LocalDate.of(2026, 11, 25), recordsDue));
        stream.publish(EventType.RECORDS_RECEIVED, caseNumber, new RecordsReceived(caseNumber,
                Instant.parse("2026-12-12T18:00:00Z"), List.of(REPORT, REPORT, REPORT), true, recordsDue, 2, 1_000,
                LocalDate.of(2027, 1, 11)));
        stream.publish(EventType.DEADLINE_REACHED, caseNumber, new DeadlineReached(caseNumber, Deadline.RECORDS,
                recordsDue, recordsDue.plusSeconds(2), LocalDate.of(2027, 1, 9)));
        stream.publish(EventType.CASE_CONVERTED_TO_EXPEDITED, caseNumber, new CaseConvertedToExpedited(caseNumber,
                Instant.parse("2026-11-20T18:00:00Z"), LocalDate.of(2026, 11, 20), null, null));
        stream.publish(EventType.CASE_WITHDRAWN, caseNumber, new CaseWithdrawn(caseNumber,
                Instant.parse("2026-11-21T18:00:00Z"), LocalDate.of(2026, 11, 20)));

        await().atMost(PATIENCE).untilAsserted(() -> asOperations().queryParam("caseNumber", caseNumber)
                .get("/api/operations/events").then().statusCode(200).body("total", equalTo(5)));
        Map<String, String> facts = new java.util.HashMap<>();
        asOperations().queryParam("caseNumber", caseNumber).get("/api/operations/events").then().extract().jsonPath()
                .<Map<String, String>>getList("items").forEach(e -> facts.put(e.get("eventType"), e.get("summary")));
        assertEquals(Map.of(
                EventType.NOTICE_OF_ASSIGNMENT_SENT.cloudEventType(), "notice by MAIL; records due 2026-12-10",
                EventType.RECORDS_RECEIVED.cloudEventType(), "3 documents; complete; 2 days late, $1,000",
                EventType.DEADLINE_REACHED.cloudEventType(), "deadline RECORDS reached; determination due 2027-01-09",
                EventType.CASE_CONVERTED_TO_EXPEDITED.cloudEventType(), "converted to expedited",
                EventType.CASE_WITHDRAWN.cloudEventType(), "withdrawn: treatment authorized 2026-11-20"), facts);
        String feed = asOperations().queryParam("caseNumber", caseNumber).get("/api/operations/events").asString();
        assertTrue(!feed.contains("Pat Example") && !feed.contains(REPORT.sha256()), "no document names or keys: " + feed);
    }

    @Test
    void aWithdrawnCaseIsCountedWithdrawnAndALateAssignmentDoesNotReopenIt() throws Exception {
        String caseNumber = "CM26-" + CASES.incrementAndGet();
        long withdrawnBefore = stageCount("WITHDRAWN");
        stream.publish(EventType.CASE_RECEIVED, caseNumber, SampleDispute.caseReceived(caseNumber, ACME));
        await().atMost(PATIENCE).untilAsserted(() -> asOperations().get("/api/operations/cases/" + caseNumber + "/timeline")
                .then().statusCode(200).body("stage", equalTo("RECEIVED")));
        UUID withdrawal = stream.publish(EventType.CASE_WITHDRAWN, caseNumber, new CaseWithdrawn(caseNumber, Instant.now(),
                LocalDate.now()));
        await().atMost(PATIENCE).until(() -> stageCount("WITHDRAWN") > withdrawnBefore);
        stream.publish(EventType.REVIEWER_ASSIGNED, caseNumber, assigned(caseNumber));

        await().atMost(PATIENCE).untilAsserted(() -> asOperations().get("/api/operations/cases/" + caseNumber + "/timeline")
                .then().statusCode(200).body("events.size()", equalTo(3)).body("stage", equalTo("WITHDRAWN")));
        assertEquals(1L, TestDatabase.number("select count(*) from operations_event where event_id = ?"
                + " and stage_left = 'RECEIVED'", withdrawal), "the withdrawal took the case out of waiting");
        asOperations().get("/api/operations/pipeline").then().statusCode(200)
                .body("stages.find { it.stage == 'WITHDRAWN' }.inPerMinute", org.hamcrest.Matchers.greaterThan(0f))
                .body("stages.find { it.stage == 'WITHDRAWN' }.outPerMinute", equalTo(null))
                .body("stages.find { it.stage == 'RECEIVED' }.outPerMinute", org.hamcrest.Matchers.greaterThan(0f));
    }

    @Test
    void onlyOperationsSeesTheView() {
        asClaimsAdmin(ACME).get("/api/operations/pipeline").then().statusCode(403);
        asOperations().get("/api/operations/cases/CM26-0000000/timeline").then().statusCode(404)
                .body("detail", equalTo("No event of case CM26-0000000 has been seen"));
    }

    private static long deferred() {
        return stageCount("DEFERRED");
    }

    private static long stageCount(String stage) {
        return ((Number) asOperations().get("/api/operations/pipeline").then().statusCode(200).extract()
                .path("stages.find { it.stage == '" + stage + "' }.count")).longValue();
    }

    static final DocumentReference REPORT = new DocumentReference(UUID.randomUUID().toString(),
            "Pat Example PR-2.pdf", "application/pdf", 52_000, "b".repeat(64));

    private static ReviewerAssigned assigned(String caseNumber) {
        return new ReviewerAssigned(caseNumber, "rev-occmed-01", new ReviewerQualifications("Occupational Medicine", "Occupational Medicine"),
                Instant.now(), ReviewType.STANDARD, LocalDate.now().plusDays(30), new ClaimsAdministratorGuideline(false, "ODG"),
                List.of(new DisputedItem(1, SampleDispute.NEUROTOMY, ItemCategory.INJECTIONS, null)));
    }

    private static Map<String, String> envelope(EventType type, String caseNumber, UUID id) {
        return Map.of("ce_specversion", "1.0", "ce_id", id.toString(), "ce_type", type.cloudEventType(),
                "ce_source", "/test", "ce_subject", caseNumber, "ce_time", Instant.now().toString(),
                "content-type", "application/json");
    }

    private static String json(Object payload) {
        try {
            return com.fasterxml.jackson.databind.json.JsonMapper.builder().findAndAddModules()
                    .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build()
                    .writeValueAsString(payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
