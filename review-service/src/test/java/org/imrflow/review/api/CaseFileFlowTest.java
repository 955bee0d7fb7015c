package org.imrflow.review.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.imrflow.events.Deadline;
import org.imrflow.events.DocumentReference;
import org.imrflow.events.EventType;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.events.testing.SampleDispute;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.imrflow.events.testing.SignIn.asOperations;
import static org.imrflow.events.testing.SignIn.asReviewer;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The case file on the reviewer's desk: the determination waits for complete records or their passed deadline, never
 * comes on a withdrawn case, and takes its due date from the case file, whatever order intake's events and the
 * assignment arrive in.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "review"))
class CaseFileFlowTest {
    private static final AtomicInteger CASES = new AtomicInteger(6_000_000);
    private static final String REVIEWER = "rev-file-01";

    private final EventStreamProbe stream = EventStreamProbe.ofTestConfig();

    private static String newCaseNumber() {
        return "CM26-" + CASES.incrementAndGet();
    }

    /** Offers the case to the reviewer, who accepts it (unless it arrives withdrawn). */
    private void assign(String caseNumber) {
        ReviewInputTest.assignOnly(stream, caseNumber, REVIEWER);
        ReviewInputTest.acceptOnArrival(caseNumber);
    }

    private static void awaitReview(String caseNumber, String field, Object value) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asOperations().get("/api/reviews/" + caseNumber)
                .then().statusCode(200).body(field, equalTo(value)));
    }

    private static ValidatableResponse decide(String caseNumber) {
        return asReviewer(REVIEWER).contentType(ContentType.JSON).body(SampleDispute.determination())
                .when().post("/api/reviews/" + caseNumber + "/determination").then();
    }

    private String announcedDueDate(String caseNumber) {
        return stream.awaitEvent(EventType.DECISION_RECORDED, caseNumber).payload().get("determinationDueDate").asText();
    }

    @Test
    void theDeterminationWaitsForCompleteRecordsAndTakesTheirDueDate() {
        String caseNumber = newCaseNumber();
        assign(caseNumber);
        Instant recordsDueAt = Instant.now().plus(Duration.ofDays(12)).truncatedTo(ChronoUnit.SECONDS);
        byte[] report = "progress report".getBytes();
        IntakeEvents.recordsUploaded(stream, caseNumber, recordsDueAt,
                IntakeEvents.document("progress-report.pdf", "application/pdf", report, "a".repeat(64)));
        awaitReview(caseNumber, "documents.size()", 1);
        asOperations().get("/api/reviews/" + caseNumber).then()
                .body("status", equalTo("ACCEPTED"))
                .body("recordsComplete", equalTo(false))
                .body("recordsDueAt", equalTo(recordsDueAt.toString()))
                .body("withoutCompleteRecords", equalTo(false))
                .body("determinationDueDate", nullValue());

        decide(caseNumber).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://imrflow.org/problems/records-not-ready"))
                .body("detail", containsString("neither complete nor past their deadline"))
                .body("detail", containsString(recordsDueAt.toString()));
        awaitReview(caseNumber, "status", "ACCEPTED");

        LocalDate due = LocalDate.now().plusDays(30);
        IntakeEvents.recordsComplete(stream, caseNumber, due);
        awaitReview(caseNumber, "recordsComplete", true);
        asOperations().get("/api/reviews/" + caseNumber).then()
                .body("determinationDueDate", equalTo(due.toString()))
                .body("withoutCompleteRecords", equalTo(false));

        decide(caseNumber).statusCode(200).body("status", equalTo("DECIDED"));
        assertEquals(due.toString(), announcedDueDate(caseNumber));
    }

    @Test
    void onceTheRecordsDeadlinePassedTheReviewerDecidesWithoutCompleteRecordsAndTheViewKeepsSaying() {
        String caseNumber = newCaseNumber();
        assign(caseNumber);
        awaitReview(caseNumber, "status", "ACCEPTED");
        decide(caseNumber).statusCode(409).body("type", equalTo("https://imrflow.org/problems/records-not-ready"))
                .body("detail", containsString("not known yet"));

        Instant dueAt = Instant.now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS);
        LocalDate due = LocalDate.now().plusDays(30);
        IntakeEvents.deadlineReached(stream, caseNumber, Deadline.RECORDS, dueAt, Instant.now(), due);
        awaitReview(caseNumber, "withoutCompleteRecords", true);
        asOperations().get("/api/reviews/" + caseNumber).then()
                .body("recordsComplete", equalTo(false))
                .body("recordsDueAt", equalTo(dueAt.toString()))
                .body("determinationDueDate", equalTo(due.toString()));

        decide(caseNumber).statusCode(200)
                .body("status", equalTo("DECIDED"))
                .body("withoutCompleteRecords", equalTo(true));
        assertEquals(due.toString(), announcedDueDate(caseNumber));

        // Records that come after the determination do not change what it was made on.
        IntakeEvents.awaitProcessed(IntakeEvents.recordsComplete(stream, caseNumber, due));
        asOperations().get("/api/reviews/" + caseNumber).then()
                .body("recordsComplete", equalTo(true))
                .body("withoutCompleteRecords", equalTo(true));
    }

    @Test
    void aWithdrawnCaseLeavesTheOpenDeskAndIsNeverDecided() {
        String caseNumber = newCaseNumber();
        IntakeEvents.recordsComplete(stream, caseNumber, LocalDate.now().plusDays(30));
        assign(caseNumber);
        awaitReview(caseNumber, "recordsComplete", true);

        Instant withdrawnAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        IntakeEvents.withdrawn(stream, caseNumber, withdrawnAt);
        awaitReview(caseNumber, "status", "WITHDRAWN");
        asOperations().get("/api/reviews/" + caseNumber).then().body("withdrawnAt", equalTo(withdrawnAt.toString()));

        decide(caseNumber).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://imrflow.org/problems/case-withdrawn"));
        asReviewer(REVIEWER).queryParam("status", "ACCEPTED").queryParam("size", 100).get("/api/reviews").then()
                .statusCode(200).body("items.caseNumber", not(hasItem(caseNumber)));
        asReviewer(REVIEWER).queryParam("status", "WITHDRAWN").queryParam("size", 100).get("/api/reviews").then()
                .statusCode(200).body("items.caseNumber", hasItem(caseNumber));
        assertEquals(0, stream.readAll(EventType.DECISION_RECORDED, caseNumber).size());
    }

    @Test
    void aWithdrawalBeforeTheAssignmentOpensTheReviewWithdrawn() {
        String caseNumber = newCaseNumber();
        IntakeEvents.awaitProcessed(IntakeEvents.withdrawn(stream, caseNumber, Instant.now()));
        assign(caseNumber);
        awaitReview(caseNumber, "status", "WITHDRAWN");
        decide(caseNumber).statusCode(409).body("type", equalTo("https://imrflow.org/problems/case-withdrawn"));
    }

    @Test
    void recordsThatArriveBeforeTheAssignmentAreOnTheReview() {
        String caseNumber = newCaseNumber();
        DocumentReference first = IntakeEvents.document("ur-decision.pdf", "application/pdf", new byte[10], "b".repeat(64));
        DocumentReference second = IntakeEvents.document("pr-2.pdf", "application/pdf", new byte[20], "c".repeat(64));
        LocalDate due = LocalDate.now().plusDays(29);
        IntakeEvents.recordsUploaded(stream, caseNumber, Instant.now().plus(Duration.ofDays(12)), first);
        // The completing event names the last upload's documents again, and one more: each is kept once.
        IntakeEvents.awaitProcessed(IntakeEvents.recordsComplete(stream, caseNumber, Instant.now(), due, first, second));

        assign(caseNumber);
        awaitReview(caseNumber, "status", "ACCEPTED");
        asOperations().get("/api/reviews/" + caseNumber).then()
                .body("recordsComplete", equalTo(true))
                .body("determinationDueDate", equalTo(due.toString()))
                .body("documents.documentId", contains(first.documentId(), second.documentId()))
                .body("documents[1].name", equalTo("pr-2.pdf"))
                .body("documents[1].mediaType", equalTo("application/pdf"))
                .body("documents[1].sizeBytes", equalTo(20))
                .body("documents[1].sha256", equalTo("c".repeat(64)));
        decide(caseNumber).statusCode(200);
        assertEquals(due.toString(), announcedDueDate(caseNumber));
    }

    @Test
    void aConversionToExpeditedMovesTheDueDateAndAnOlderClockEventDoesNotMoveItBack() {
        String caseNumber = newCaseNumber();
        Instant completeAt = Instant.now().minus(Duration.ofHours(2));
        LocalDate standardDue = LocalDate.now().plusDays(30);
        IntakeEvents.recordsComplete(stream, caseNumber, completeAt, standardDue);
        assign(caseNumber);
        awaitReview(caseNumber, "determinationDueDate", standardDue.toString());
        asOperations().get("/api/reviews/" + caseNumber).then().body("reviewType", equalTo("STANDARD"));

        LocalDate expeditedDue = LocalDate.now().plusDays(3);
        IntakeEvents.convertedToExpedited(stream, caseNumber, Instant.now(), expeditedDue);
        awaitReview(caseNumber, "determinationDueDate", expeditedDue.toString());
        asOperations().get("/api/reviews/" + caseNumber).then().body("reviewType", equalTo("EXPEDITED"));

        // A timer that fired before the conversion, delivered after it on its own topic: the conversion stands.
        UUID late = IntakeEvents.deadlineReached(stream, caseNumber, Deadline.DETERMINATION_AT_RISK,
                completeAt.plus(Duration.ofMinutes(30)), completeAt.plus(Duration.ofMinutes(30)), standardDue);
        IntakeEvents.awaitProcessed(late);
        asOperations().get("/api/reviews/" + caseNumber).then().body("determinationDueDate", equalTo(expeditedDue.toString()));

        decide(caseNumber).statusCode(200).body("determinationDueDate", equalTo(expeditedDue.toString()));
        assertEquals(expeditedDue.toString(), announcedDueDate(caseNumber));
    }

    @Test
    void completeRecordsWithoutADueDateAreADeadLetter() {
        String caseNumber = newCaseNumber();
        IntakeEvents.recordsComplete(stream, caseNumber, null);
        String dlq = EventType.RECORDS_RECEIVED.deadLetterTopic("review-service");
        await().atMost(Duration.ofSeconds(30)).until(() -> stream.readRaw(dlq, Duration.ofMillis(200)).stream()
                .anyMatch(r -> caseNumber.equals(r.key())));
    }
}
