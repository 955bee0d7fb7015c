package org.imrflow.assignment.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.imrflow.events.CaseWithdrawn;
import org.imrflow.events.EventType;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.events.testing.TestDatabase;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.imrflow.assignment.api.Fixtures.acceptedCase;
import static org.imrflow.assignment.api.Fixtures.addReviewer;
import static org.imrflow.assignment.api.Fixtures.assignment;
import static org.imrflow.assignment.api.Fixtures.awaitProcessed;
import static org.imrflow.assignment.api.Fixtures.awaitStatus;
import static org.imrflow.assignment.api.Fixtures.declineUntilWaiting;
import static org.imrflow.assignment.api.Fixtures.newCaseNumber;
import static org.imrflow.assignment.api.Fixtures.offeredCase;
import static org.imrflow.assignment.api.Fixtures.offers;
import static org.imrflow.assignment.api.Fixtures.reviewer;
import static org.imrflow.events.testing.SignIn.asOperations;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The claims administrator authorized the treatment (8 CCR 9792.10.6(a)): a case not yet decided is withdrawn, off its
 * reviewer's load or never offered, whichever of case-received and case-withdrawn comes first.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "assignment"))
class CaseWithdrawalTest {
    private final EventStreamProbe stream = EventStreamProbe.ofTestConfig();

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

    private static void onTheDesk(String reviewerId, String caseNumber, boolean expected) {
        asOperations().queryParam("reviewerId", reviewerId).queryParam("size", 100).get("/api/assignments").then()
                .body("items.findAll { it.status == 'OFFERED' || it.status == 'ACCEPTED' }.caseNumber",
                        expected ? hasItem(caseNumber) : not(hasItem(caseNumber)));
    }

    @Test
    void anOfferedCaseWithdrawnLeavesItsReviewersLoadAndEndsTheOffer() {
        String withdrawn = offeredCase(stream);
        String reviewerId = assignment(withdrawn).getString("reviewerId");
        onTheDesk(reviewerId, withdrawn, true);

        Instant withdrawnAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        stream.publish(EventType.CASE_WITHDRAWN, withdrawn, new CaseWithdrawn(withdrawn, withdrawnAt, LocalDate.now()));
        awaitStatus(withdrawn, "WITHDRAWN");
        asOperations().get("/api/assignments/" + withdrawn).then()
                .body("withdrawnAt", equalTo(withdrawnAt.toString()))
                .body("reviewerId", equalTo(reviewerId));
        onTheDesk(reviewerId, withdrawn, false);
        assertEquals("WITHDRAWN", offers(withdrawn).getString("items[0].outcome"));
    }

    @Test
    void anAcceptedCaseWithdrawnLeavesItsReviewersLoad() {
        String withdrawn = acceptedCase(stream);
        String reviewerId = assignment(withdrawn).getString("reviewerId");

        stream.publish(EventType.CASE_WITHDRAWN, withdrawn, new CaseWithdrawn(withdrawn, Instant.now(), LocalDate.now()));
        awaitStatus(withdrawn, "WITHDRAWN");
        onTheDesk(reviewerId, withdrawn, false);
        assertEquals("ACCEPTED", offers(withdrawn).getString("items[0].outcome"));
    }

    @Test
    void aWaitingCaseWithdrawnIsNeverOffered() throws Exception {
        // Two spinal surgeries that every spine surgeon on the roster declined: both wait.
        String withdrawn = offeredCase(stream);
        String waiting = offeredCase(stream);
        int offeredBefore = declineUntilWaiting(stream, withdrawn).size();
        declineUntilWaiting(stream, waiting);

        stream.publish(EventType.CASE_WITHDRAWN, withdrawn, new CaseWithdrawn(withdrawn, Instant.now(), LocalDate.now()));
        awaitStatus(withdrawn, "WITHDRAWN");
        // A new spine surgeon may take either; the roster change sweeps the waiting cases before it answers: the one
        // still waiting goes to them, the withdrawn one is not among them.
        String surgeon = "rev-withdrawal-" + Fixtures.next();
        addReviewer(reviewer(surgeon, "Neurological Surgery"));
        asOperations().get("/api/assignments/" + waiting).then().body("status", equalTo("OFFERED")).body("reviewerId", equalTo(surgeon));
        asOperations().get("/api/assignments/" + withdrawn).then()
                .body("status", equalTo("WITHDRAWN"))
                .body("reviewerId", nullValue());
        assertEquals(offeredBefore, TestDatabase.outboxRows(withdrawn, EventType.REVIEWER_ASSIGNED), "no offer after the withdrawal");
    }

    @Test
    void aWithdrawalBeforeItsCaseMeansTheCaseIsStoredWithdrawnAndNeverOffered() throws Exception {
        String caseNumber = newCaseNumber();
        Instant withdrawnAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID withdrawal = UUID.randomUUID();
        withdraw(withdrawal, caseNumber, withdrawnAt);
        awaitProcessed(withdrawal);
        asOperations().get("/api/assignments/" + caseNumber).then().statusCode(404);

        // The sample dispute always has a reviewer on the demo roster: only the withdrawal keeps the case from one.
        stream.publish(EventType.CASE_RECEIVED, caseNumber, Fixtures.sample(caseNumber));
        awaitStatus(caseNumber, "WITHDRAWN");
        asOperations().get("/api/assignments/" + caseNumber).then()
                .body("withdrawnAt", equalTo(withdrawnAt.toString()))
                .body("reviewerId", nullValue());
        assertEquals(0L, TestDatabase.outboxRows(caseNumber, EventType.REVIEWER_ASSIGNED));
    }

    @Test
    void aRedeliveredOrRepeatedWithdrawalChangesNothing() {
        String caseNumber = offeredCase(stream);
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
        String caseNumber = offeredCase(stream);
        stream.publish(EventType.DECISION_RECORDED, caseNumber,
                AssignmentFlowTest.decided(caseNumber, assignment(caseNumber).getString("reviewerId")));
        awaitStatus(caseNumber, "DECIDED");

        UUID withdrawal = UUID.randomUUID();
        withdraw(withdrawal, caseNumber, Instant.now());
        awaitProcessed(withdrawal);
        asOperations().get("/api/assignments/" + caseNumber).then()
                .body("status", equalTo("DECIDED"))
                .body("withdrawnAt", nullValue());
        // Decided while still offered: the decision shows the offer was taken up.
        assertEquals("ACCEPTED", offers(caseNumber).getString("items[0].outcome"));
    }
}
