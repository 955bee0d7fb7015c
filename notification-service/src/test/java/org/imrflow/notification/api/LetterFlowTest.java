package org.imrflow.notification.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.imrflow.events.CaseWithdrawn;
import org.imrflow.events.ClaimsAdministratorGuideline;
import org.imrflow.events.DecisionRecorded;
import org.imrflow.events.EvidenceLevel;
import org.imrflow.events.EventType;
import org.imrflow.events.ItemCategory;
import org.imrflow.events.Outcome;
import org.imrflow.events.ReviewerGuideline;
import org.imrflow.events.ReviewerQualifications;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.events.testing.TestDatabase;
import org.imrflow.events.testing.EventStreamProbe.StreamEvent;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.imrflow.events.testing.SignIn.asOperations;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class LetterFlowTest {
    private static final AtomicInteger CASES = new AtomicInteger(6_000_000);
    private static final String NEUROTOMY = "Cervical medial branch neurotomy at bilateral C2 C3 C4";

    private final EventStreamProbe stream = EventStreamProbe.ofTestConfig();

    static DecisionRecorded decision(String caseNumber) {
        return new DecisionRecorded(caseNumber, "rev-occmed-01",
                new ReviewerQualifications("Occupational Medicine", "Occupational Medicine"), Instant.now(),
                LocalDate.now().plusDays(25), "The injured worker is a represented employee with chronic neck pain.",
                List.of(new DecisionRecorded.ItemDecision(1, NEUROTOMY, ItemCategory.INJECTIONS, Outcome.OVERTURNED,
                                new ClaimsAdministratorGuideline(false, "Non-MTUS Citation (ODG) Official Disability Guidelines ACOEM"),
                                new ReviewerGuideline(EvidenceLevel.MTUS, "MTUS ACOEM", "Chapter 8 Neck and Upper Back Complaints", "174"),
                                "Medically necessary and appropriate."),
                        new DecisionRecorded.ItemDecision(2, "Exalgo 8mg #30", ItemCategory.PHARMACY, Outcome.UPHELD,
                                new ClaimsAdministratorGuideline(true, "MTUS Chronic Pain Medical Treatment Guidelines"),
                                new ReviewerGuideline(EvidenceLevel.MTUS, "MTUS Chronic Pain Medical Treatment Guidelines", null, "80"),
                                "Not medically necessary.")));
    }

    @Test
    void aRecordedDecisionBecomesOneLetterAndLetterIssued() {
        String caseNumber = "CM26-" + CASES.incrementAndGet();
        stream.publish(EventType.DECISION_RECORDED, caseNumber, decision(caseNumber));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asOperations().get("/api/letters/" + caseNumber)
                .then().statusCode(200));
        asOperations().accept("application/json").get("/api/letters/" + caseNumber).then()
                .body("kind", equalTo("FINAL_DETERMINATION"))
                .body("itemCount", equalTo(2))
                .body("overturned", equalTo(1))
                .body("text", containsString(NEUROTOMY + ": Overturned\n"))
                .body("text", containsString("Exalgo 8mg #30: Upheld\n"))
                .body("text", containsString("Board Certified in Occupational Medicine"))
                .body("text", not(containsString("rev-occmed-01")));
        asOperations().accept("text/plain").get("/api/letters/" + caseNumber).then()
                .statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("IMR ISSUES, DECISIONS AND RATIONALES"));

        StreamEvent issued = stream.awaitEvent(EventType.LETTER_ISSUED, caseNumber);
        assertEquals("/notification-service", issued.source());
        assertEquals("OVERTURNED", issued.payload().at("/outcomes/0/outcome").asText());
        assertEquals("UPHELD", issued.payload().at("/outcomes/1/outcome").asText());
        assertEquals(asOperations().accept("application/json").get("/api/letters/" + caseNumber).path("letterId"),
                issued.payload().get("letterId").asText());
    }

    @Test
    void aCaseGetsOneLetterEvenWhenItsDecisionArrivesTwice() throws Exception {
        String caseNumber = "CM26-" + CASES.incrementAndGet();
        UUID first = stream.publish(EventType.DECISION_RECORDED, caseNumber, decision(caseNumber));
        UUID second = stream.publish(EventType.DECISION_RECORDED, caseNumber, decision(caseNumber));

        // Both copies taken off the stream: each is in the inbox, none on the dead-letter topic.
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(first) && processed(second));
        String dlq = EventType.DECISION_RECORDED.deadLetterTopic("notification-service");
        assertEquals(List.of(), stream.readRaw(dlq, Duration.ofMillis(200)).stream()
                .filter(r -> caseNumber.equals(r.key())).toList());
        assertEquals(1L, TestDatabase.number("select count(*) from letter where case_number = ?", caseNumber));
        assertEquals(1L, TestDatabase.outboxRows(caseNumber, EventType.LETTER_ISSUED));
        assertEquals(1, stream.awaitEvents(EventType.LETTER_ISSUED, caseNumber, 1).size());
    }

    @Test
    void aDecisionForAWithdrawnCaseGetsNoLetter() throws Exception {
        String caseNumber = "CM26-" + CASES.incrementAndGet();
        UUID withdrawal = stream.publish(EventType.CASE_WITHDRAWN, caseNumber, new CaseWithdrawn(caseNumber, Instant.now(),
                LocalDate.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(withdrawal));
        UUID decision = stream.publish(EventType.DECISION_RECORDED, caseNumber, decision(caseNumber));

        await().atMost(Duration.ofSeconds(30)).until(() -> processed(decision));
        assertEquals(0L, TestDatabase.number("select count(*) from letter where case_number = ?", caseNumber));
        assertEquals(0L, TestDatabase.outboxRows(caseNumber, EventType.LETTER_ISSUED));
        assertEquals(List.of(), stream.readAll(EventType.LETTER_ISSUED, caseNumber));
        asOperations().accept("application/json").get("/api/letters/" + caseNumber).then().statusCode(404);
        // the operations view agrees: withdrawn, the decision seen, no letter
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asOperations()
                .get("/api/operations/cases/" + caseNumber + "/timeline").then().statusCode(200)
                .body("events.size()", equalTo(2))
                .body("stage", equalTo("WITHDRAWN")));
    }

    @Test
    void aWithdrawalAfterTheLetterIsKeptAndTheLetterStands() throws Exception {
        String caseNumber = "CM26-" + CASES.incrementAndGet();
        stream.publish(EventType.DECISION_RECORDED, caseNumber, decision(caseNumber));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asOperations().get("/api/letters/" + caseNumber)
                .then().statusCode(200));
        UUID withdrawal = stream.publish(EventType.CASE_WITHDRAWN, caseNumber, new CaseWithdrawn(caseNumber, Instant.now(),
                LocalDate.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> processed(withdrawal));
        assertEquals(1L, TestDatabase.number("select count(*) from case_closure where case_number = ?"
                + " and closed_as = 'FINAL_DETERMINATION' and withdrawn_at is not null", caseNumber));
        asOperations().get("/api/letters/" + caseNumber).then().statusCode(200);
        assertEquals(1, stream.awaitEvents(EventType.LETTER_ISSUED, caseNumber, 1).size());
    }

    @Test
    void aDecisionAndAWithdrawalArrivingTogetherCloseTheCaseOneWayOnly() throws Exception {
        List<String> cases = new java.util.ArrayList<>();
        List<UUID> events = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String caseNumber = "CM26-" + CASES.incrementAndGet();
            cases.add(caseNumber);
            events.add(stream.publish(EventType.DECISION_RECORDED, caseNumber, decision(caseNumber)));
            events.add(stream.publish(EventType.CASE_WITHDRAWN, caseNumber, new CaseWithdrawn(caseNumber, Instant.now(),
                    LocalDate.now())));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (UUID event : events) {
                if (!processed(event)) {
                    return false;
                }
            }
            return true;
        });
        for (String caseNumber : cases) {
            long letters = TestDatabase.number("select count(*) from letter where case_number = ?", caseNumber);
            long withdrawn = TestDatabase.number("select count(*) from case_closure where case_number = ?"
                    + " and closed_as = 'WITHDRAWN'", caseNumber);
            assertEquals(1L, letters + withdrawn, caseNumber + ": a letter or withdrawn, never both nor neither");
            assertEquals(letters, TestDatabase.outboxRows(caseNumber, EventType.LETTER_ISSUED), caseNumber);
        }
    }

    private static boolean processed(UUID eventId) throws Exception {
        // this consumer's record; the operations view keeps its own
        return TestDatabase.number("select count(*) from processed_event where event_id = ? and consumer = ?", eventId,
                "notification-service") == 1;
    }

    @Test
    void lettersArePagedNewestFirstAndAnUnknownCaseHasNone() {
        List<String> issued = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String caseNumber = "CM26-" + CASES.incrementAndGet();
            stream.publish(EventType.DECISION_RECORDED, caseNumber, decision(caseNumber));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asOperations().get("/api/letters/" + caseNumber)
                    .then().statusCode(200));
            issued.add(caseNumber);
        }
        asOperations().queryParam("size", 1).get("/api/letters").then().statusCode(200)
                .body("items.caseNumber", contains(issued.get(1)))
                .body("size", equalTo(1))
                .body("total", greaterThanOrEqualTo(2));
        asOperations().queryParam("size", 1).queryParam("page", 1).get("/api/letters").then().statusCode(200)
                .body("items.caseNumber", contains(issued.get(0)));
        asOperations().queryParam("size", 0).get("/api/letters").then().statusCode(400)
                .contentType("application/problem+json");
        asOperations().accept("application/json").get("/api/letters/CM26-0000000").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
