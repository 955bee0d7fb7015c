package org.imrflow.assignment.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.imrflow.events.CaseWithdrawn;
import org.imrflow.events.ClaimsAdministratorGuideline;
import org.imrflow.events.DecisionRecorded;
import org.imrflow.events.EventType;
import org.imrflow.events.EvidenceLevel;
import org.imrflow.events.ItemCategory;
import org.imrflow.events.Outcome;
import org.imrflow.events.ReviewType;
import org.imrflow.events.ReviewerGuideline;
import org.imrflow.events.ReviewerQualifications;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.events.testing.TestDatabase;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.imrflow.assignment.api.AssignmentFlowTest.caseReceived;
import static org.imrflow.events.testing.SignIn.asOperations;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The claims administrator authorized the treatment (8 CCR 9792.10.6(a)): a case not yet decided is withdrawn, off its
 * reviewer's load or never assigned, whichever of case-received and case-withdrawn comes first.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "assignment"))
class CaseWithdrawalTest {
    private static final AtomicInteger CASES = new AtomicInteger(8_500_000);

    private final EventStreamProbe stream = EventStreamProbe.ofTestConfig();

    private static String newCaseNumber() {
        return "CM26-" + CASES.incrementAndGet();
    }

    /** A specialty of the test's own, so no other test's reviewers or cases get in the way. */
    private static String ownSpecialty(String name) {
        return name + " " + CASES.incrementAndGet();
    }

    private static void addReviewer(String id, String specialty) {
        asOperations().contentType(ContentType.JSON).body("""
                        { "id": "%s", "name": "Dr. %s", "specialty": "%s", "boardCertification": "%s",
                          "licensedInCalifornia": true, "yearsInActivePractice": 9, "weeklyClinicalHours": 30 }
                        """.formatted(id, id, specialty, specialty))
                .when().post("/api/reviewers").then().statusCode(201);
    }

    private void receive(String caseNumber, String specialty) {
        stream.publish(EventType.CASE_RECEIVED, caseNumber, caseReceived(caseNumber, ReviewType.STANDARD, specialty, "City Fleet Services"));
    }

    private static void awaitStatus(String caseNumber, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asOperations().get("/api/assignments/" + caseNumber)
                .then().statusCode(200).body("status", equalTo(status)));
    }

    private static String reviewerOf(String caseNumber) {
        return asOperations().get("/api/assignments/" + caseNumber).then().extract().path("reviewerId");
    }

    /** Publishes the withdrawal with the given event id, as intake's relay would (again, for a redelivery). */
    private void withdraw(UUID eventId, String caseNumber, Instant withdrawnAt) {
        stream.publishRaw(EventType.CASE_WITHDRAWN.topic(), caseNumber, """
                { "caseNumber": "%s", "withdrawnAt": "%s", "treatmentAuthorizedDate": "%s" }
                """.formatted(caseNumber, withdrawnAt, LocalDate.now()), Map.of(
                "ce_specversion", "1.0",
                "ce_id", eventId.toString(),
                "ce_type", EventType.CASE_WITHDRAWN.cloudEventType(),
                "ce_source", "/intake-service",
                "ce_subject", caseNumber,
                "content-type", "application/json"));
    }

    private static void awaitProcessed(UUID eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.number(
                "select count(*) from processed_event where event_id = ? and consumer = 'assignment-service'", eventId) == 1);
    }

    @Test
    void anAssignedCaseWithdrawnLeavesItsReviewersLoad() {
        String specialty = ownSpecialty("Rheumatology");
        String first = "rev-rheum-a-" + CASES.get();
        String second = "rev-rheum-b-" + CASES.get();
        addReviewer(first, specialty);
        addReviewer(second, specialty);
        String withdrawn = newCaseNumber();
        receive(withdrawn, specialty);
        awaitStatus(withdrawn, "ASSIGNED");
        assertEquals(first, reviewerOf(withdrawn), "a tie goes by id");

        Instant withdrawnAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        stream.publish(EventType.CASE_WITHDRAWN, withdrawn, new CaseWithdrawn(withdrawn, withdrawnAt, LocalDate.now()));
        awaitStatus(withdrawn, "WITHDRAWN");
        asOperations().get("/api/assignments/" + withdrawn).then()
                .body("withdrawnAt", equalTo(withdrawnAt.toString()))
                .body("reviewerId", equalTo(first));

        // The first reviewer's desk is empty again, so the tie between two empty desks goes to them once more.
        String next = newCaseNumber();
        receive(next, specialty);
        awaitStatus(next, "ASSIGNED");
        assertEquals(first, reviewerOf(next));
    }

    @Test
    void aWaitingCaseWithdrawnIsNeverAssigned() throws Exception {
        String specialty = ownSpecialty("Urology");
        String withdrawn = newCaseNumber();
        receive(withdrawn, specialty);
        awaitStatus(withdrawn, "AWAITING_REVIEWER");
        String witness = newCaseNumber();
        receive(witness, specialty);
        awaitStatus(witness, "AWAITING_REVIEWER");

        stream.publish(EventType.CASE_WITHDRAWN, withdrawn, new CaseWithdrawn(withdrawn, Instant.now(), LocalDate.now()));
        awaitStatus(withdrawn, "WITHDRAWN");

        // The new reviewer's sweep takes the waiting cases oldest first: it assigns the younger witness and skips the other.
        addReviewer("rev-uro-" + CASES.get(), specialty);
        awaitStatus(witness, "ASSIGNED");
        asOperations().get("/api/assignments/" + withdrawn).then()
                .body("status", equalTo("WITHDRAWN"))
                .body("reviewerId", nullValue());
        assertEquals(0L, TestDatabase.outboxRows(withdrawn, EventType.REVIEWER_ASSIGNED));
    }

    @Test
    void aWithdrawalBeforeItsCaseMeansTheCaseIsStoredWithdrawnAndNeverAssigned() throws Exception {
        String caseNumber = newCaseNumber();
        Instant withdrawnAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID withdrawal = UUID.randomUUID();
        withdraw(withdrawal, caseNumber, withdrawnAt);
        awaitProcessed(withdrawal);
        asOperations().get("/api/assignments/" + caseNumber).then().statusCode(404);

        // Pain Medicine has reviewers on the demo roster: only the withdrawal keeps the case from one.
        receive(caseNumber, "Pain Medicine");
        awaitStatus(caseNumber, "WITHDRAWN");
        asOperations().get("/api/assignments/" + caseNumber).then()
                .body("withdrawnAt", equalTo(withdrawnAt.toString()))
                .body("reviewerId", nullValue());
        assertEquals(0L, TestDatabase.outboxRows(caseNumber, EventType.REVIEWER_ASSIGNED));
    }

    @Test
    void aRedeliveredOrRepeatedWithdrawalChangesNothing() {
        String caseNumber = newCaseNumber();
        receive(caseNumber, "Pain Medicine");
        awaitStatus(caseNumber, "ASSIGNED");
        Instant withdrawnAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID withdrawal = UUID.randomUUID();
        withdraw(withdrawal, caseNumber, withdrawnAt);
        awaitStatus(caseNumber, "WITHDRAWN");

        withdraw(withdrawal, caseNumber, withdrawnAt.plusSeconds(60));
        UUID repeated = UUID.randomUUID();
        withdraw(repeated, caseNumber, withdrawnAt.plusSeconds(120));
        // One partition holds the case's withdrawals in order: once the last is processed, the redelivery was too.
        awaitProcessed(repeated);
        asOperations().get("/api/assignments/" + caseNumber).then()
                .body("status", equalTo("WITHDRAWN"))
                .body("withdrawnAt", equalTo(withdrawnAt.toString()));
    }

    @Test
    void aDecidedCaseStaysDecided() {
        String caseNumber = newCaseNumber();
        receive(caseNumber, "Pain Medicine");
        awaitStatus(caseNumber, "ASSIGNED");
        stream.publish(EventType.DECISION_RECORDED, caseNumber, new DecisionRecorded(caseNumber, reviewerOf(caseNumber),
                new ReviewerQualifications("Pain Medicine", "Pain Medicine"), Instant.now(), LocalDate.now().plusDays(30),
                "The injured worker has chronic neck pain.", List.of(new DecisionRecorded.ItemDecision(1,
                "Cervical medial branch neurotomy at bilateral C2 C3 C4", ItemCategory.INJECTIONS, Outcome.UPHELD,
                new ClaimsAdministratorGuideline(false, "ODG"),
                new ReviewerGuideline(EvidenceLevel.MTUS, "MTUS ACOEM", null, null), "Not medically necessary."))));
        awaitStatus(caseNumber, "DECIDED");

        UUID withdrawal = UUID.randomUUID();
        withdraw(withdrawal, caseNumber, Instant.now());
        awaitProcessed(withdrawal);
        asOperations().get("/api/assignments/" + caseNumber).then()
                .body("status", equalTo("DECIDED"))
                .body("withdrawnAt", nullValue());
    }
}
