package org.imrflow.assignment.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.imrflow.events.ClaimsAdministratorGuideline;
import org.imrflow.events.DecisionRecorded;
import org.imrflow.events.DisputedItem;
import org.imrflow.events.EventType;
import org.imrflow.events.EvidenceLevel;
import org.imrflow.events.ItemCategory;
import org.imrflow.events.OfferDeclined.DeclineReason;
import org.imrflow.events.Outcome;
import org.imrflow.events.ReviewType;
import org.imrflow.events.ReviewerGuideline;
import org.imrflow.events.ReviewerQualifications;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.events.testing.EventStreamProbe.StreamEvent;
import org.imrflow.events.testing.TestDatabase;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.imrflow.assignment.api.Fixtures.ANTIDEPRESSANT;
import static org.imrflow.assignment.api.Fixtures.FUSION;
import static org.imrflow.assignment.api.Fixtures.accept;
import static org.imrflow.assignment.api.Fixtures.addReviewer;
import static org.imrflow.assignment.api.Fixtures.assignment;
import static org.imrflow.assignment.api.Fixtures.awaitOffer;
import static org.imrflow.assignment.api.Fixtures.awaitProcessed;
import static org.imrflow.assignment.api.Fixtures.awaitStatus;
import static org.imrflow.assignment.api.Fixtures.caseReceived;
import static org.imrflow.assignment.api.Fixtures.decline;
import static org.imrflow.assignment.api.Fixtures.declineUntilWaiting;
import static org.imrflow.assignment.api.Fixtures.newCaseNumber;
import static org.imrflow.assignment.api.Fixtures.offeredCase;
import static org.imrflow.assignment.api.Fixtures.offers;
import static org.imrflow.assignment.api.Fixtures.reason;
import static org.imrflow.assignment.api.Fixtures.reviewer;
import static org.imrflow.assignment.api.Fixtures.waitingCase;
import static org.imrflow.events.testing.SignIn.asOperations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Offers off the event stream: who gets a case and why, and what the reviewer's answers do. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "assignment"))
class AssignmentFlowTest {
    private static final Set<String> SPINE_SURGEONS_OF_THE_DEMO = Set.of("rev-ortho-01", "rev-neurosurg-01");
    /** A depression therapy: psychiatry or psychology. */
    private static final DisputedItem PSYCHOTHERAPY = new DisputedItem(1, "Cognitive behavioral therapy x12", ItemCategory.OTHER, "F32.1");

    private final EventStreamProbe stream = EventStreamProbe.ofTestConfig();

    @Test
    void spinalSurgeryIsOfferedToASpineSurgeonWithWhyAndWhyNotRecorded() {
        String caseNumber = offeredCase(stream);
        String reviewerId = assignment(caseNumber).getString("reviewerId");
        assertTrue(reviewerId.startsWith("rev-ortho") || reviewerId.startsWith("rev-neurosurg") || reviewerId.contains("spine"), reviewerId);

        StreamEvent offer = stream.awaitEvent(EventType.REVIEWER_ASSIGNED, caseNumber);
        assertEquals("/assignment-service", offer.source());
        assertEquals(reviewerId, offer.payload().get("reviewerId").asText());
        assertEquals(1, offer.payload().get("offerNumber").asInt());
        assertEquals("2005-12-27", offer.payload().at("/application/dateOfInjury").asText());
        assertEquals(LocalDate.now().minusDays(5).toString(), offer.payload().at("/application/urDecisionDate").asText());
        assertEquals("Occupational Medicine", offer.payload().at("/application/requestingPhysicianSpecialty").asText());
        assertEquals("Lumbar fusion L4-L5", offer.payload().at("/disputedItems/0/description").asText());
        // The determination's clock starts with complete records, which assignment never sees.
        assertTrue(offer.payload().path("determinationDueDate").isMissingNode() || offer.payload().get("determinationDueDate").isNull());
        asOperations().get("/api/assignments/" + caseNumber).then().body("$", not(hasKey("determinationDueDate")));

        JsonPath offers = offers(caseNumber);
        assertEquals(1, offers.getInt("total"));
        assertEquals("FIRST", offers.getString("items[0].whyOffered"));
        assertEquals(reviewerId, offers.getString("items[0].reviewerId"));
        assertEquals(null, offers.getString("items[0].outcome"));
        assertTrue(reason(caseNumber, 1, reviewerId).matches("eligible: .+ treats SURGERY of M51\\.26;"
                + " \\d+ open cases?; (never offered a case|last offered \\d{4}-\\d{2}-\\d{2})"), reason(caseNumber, 1, reviewerId));
        assertEquals("specialty Chiropractic does not treat SURGERY of M51.26", reason(caseNumber, 1, "rev-chiro-01"));
        assertEquals("licence expired 2026-03-01", reason(caseNumber, 1, "rev-ortho-02"));
        assertEquals("specialty Occupational Medicine does not treat SURGERY of M51.26", reason(caseNumber, 1, "rev-occmed-01"));
    }

    @Test
    void theSampleDisputeGoesToOccupationalMedicinePastTheDemoRostersConflicts() {
        for (int i = 0; i < 2; i++) {
            String caseNumber = newCaseNumber();
            stream.publish(EventType.CASE_RECEIVED, caseNumber, Fixtures.sample(caseNumber));
            assertEquals("rev-occmed-01", awaitOffer(caseNumber, 1).getString("reviewerId"), "whatever its load");
            assertEquals("conflict: requesting physician", reason(caseNumber, 1, "rev-pain-01"));
            assertEquals("conflict: employer", reason(caseNumber, 1, "rev-pmr-01"));
            StreamEvent offer = stream.awaitEvent(EventType.REVIEWER_ASSIGNED, caseNumber);
            assertEquals("Occupational Medicine", offer.payload().at("/qualifications/specialty").asText());
            assertEquals("Occupational Medicine", offer.payload().at("/qualifications/boardCertification").asText());
        }
    }

    @Test
    void anExpeditedCaseIsOfferedAsWell() {
        String caseNumber = newCaseNumber();
        stream.publish(EventType.CASE_RECEIVED, caseNumber, caseReceived(caseNumber, ReviewType.EXPEDITED,
                new DisputedItem(1, "Botox for chronic migraine", ItemCategory.PHARMACY, "G43.709")));
        StreamEvent offer = stream.awaitEvent(EventType.REVIEWER_ASSIGNED, caseNumber);
        assertEquals("EXPEDITED", offer.payload().get("reviewType").asText());
        assertTrue(Set.of("Neurology", "Physical Medicine and Rehabilitation").contains(offer.payload().at("/qualifications/specialty").asText()));
    }

    @Test
    void anAcceptedOfferPutsTheCaseOnTheDeskUntilItIsDecided() {
        String caseNumber = offeredCase(stream);
        String reviewerId = assignment(caseNumber).getString("reviewerId");
        accept(stream, caseNumber, 1, reviewerId);
        awaitStatus(caseNumber, "ACCEPTED");
        asOperations().get("/api/assignments/" + caseNumber).then()
                .body("reviewerId", equalTo(reviewerId)).body("acceptedAt", notNullValue());
        asOperations().queryParam("reviewerId", reviewerId).queryParam("status", "ACCEPTED").queryParam("size", 100)
                .get("/api/assignments").then().body("items.caseNumber", hasItem(caseNumber));
        JsonPath offers = offers(caseNumber);
        assertEquals("ACCEPTED", offers.getString("items[0].outcome"));
        assertEquals("ACCEPTED", offers.getString("items[0].answer"));

        stream.publish(EventType.DECISION_RECORDED, caseNumber, decided(caseNumber, reviewerId));
        awaitStatus(caseNumber, "DECIDED");
        asOperations().queryParam("reviewerId", reviewerId).queryParam("status", "ACCEPTED").queryParam("size", 100)
                .get("/api/assignments").then().body("items.caseNumber", not(hasItem(caseNumber)));
    }

    static DecisionRecorded decided(String caseNumber, String reviewerId) {
        return new DecisionRecorded(caseNumber, reviewerId, new ReviewerQualifications("Orthopedic Surgery", "Orthopaedic Surgery"),
                Instant.now(), LocalDate.now().plusDays(30), "The injured worker has chronic low back pain.",
                List.of(new DecisionRecorded.ItemDecision(1, "Lumbar fusion L4-L5", ItemCategory.SURGERY, Outcome.UPHELD,
                        new ClaimsAdministratorGuideline(false, "ODG"),
                        new ReviewerGuideline(EvidenceLevel.MTUS, "MTUS ACOEM", null, null), "Not medically necessary.")));
    }

    @Test
    void aDeclinedOfferGoesToTheNextEligibleReviewerNeverBackToTheDecliner() {
        String caseNumber = offeredCase(stream);
        String first = assignment(caseNumber).getString("reviewerId");
        decline(stream, caseNumber, 1, first, DeclineReason.CONFLICT_IN_RECORDS);

        String second = awaitOffer(caseNumber, 2).getString("reviewerId");
        assertNotEquals(first, second);
        List<StreamEvent> offers = stream.awaitEvents(EventType.REVIEWER_ASSIGNED, caseNumber, 2);
        assertEquals(2, offers.size());
        assertEquals(2, offers.get(1).payload().get("offerNumber").asInt());
        assertEquals(second, offers.get(1).payload().get("reviewerId").asText());

        JsonPath history = offers(caseNumber);
        assertEquals("DECLINED", history.getString("items[0].outcome"));
        assertEquals("CONFLICT_IN_RECORDS", history.getString("items[0].declineReason"));
        assertEquals("DECLINED", history.getString("items[1].whyOffered"));
        assertEquals("declined this case", reason(caseNumber, 2, first));

        // Every other spine surgeon declines too: the first is never offered the case again, and it waits.
        List<String> decliners = new ArrayList<>(List.of(first));
        decliners.addAll(declineUntilWaiting(stream, caseNumber));
        assertEquals(decliners.size(), Set.copyOf(decliners).size(), "nobody is offered the case twice: " + decliners);
        assertTrue(decliners.containsAll(SPINE_SURGEONS_OF_THE_DEMO), decliners.toString());
    }

    @Test
    void anOfferThatTimedOutIsOfferedToAnother() {
        String caseNumber = offeredCase(stream);
        String first = assignment(caseNumber).getString("reviewerId");
        decline(stream, caseNumber, 1, first, DeclineReason.TIMED_OUT);

        assertNotEquals(first, awaitOffer(caseNumber, 2).getString("reviewerId"));
        JsonPath history = offers(caseNumber);
        assertEquals("TIMED_OUT", history.getString("items[0].outcome"));
        assertEquals("TIMED_OUT", history.getString("items[1].whyOffered"));
        assertEquals("let this case's offer time out", reason(caseNumber, 2, first));
    }

    @Test
    void anAnswerToAnOlderOfferIsRecordedAndChangesNothing() throws Exception {
        // Three spine surgeons at least: the demo's two and one of this test's own.
        addReviewer(reviewer("rev-spine-late-" + Fixtures.next(), "Orthopedic Surgery"));
        String caseNumber = offeredCase(stream);
        String first = assignment(caseNumber).getString("reviewerId");
        decline(stream, caseNumber, 1, first, DeclineReason.UNAVAILABLE);
        String second = awaitOffer(caseNumber, 2).getString("reviewerId");

        // The first reviewer's late acceptance, and a repeated decline under another event id, of the ended offer 1.
        awaitProcessed(accept(stream, caseNumber, 1, first));
        awaitProcessed(decline(stream, caseNumber, 1, first, DeclineReason.UNAVAILABLE));
        JsonPath now = assignment(caseNumber);
        assertEquals("OFFERED", now.getString("status"));
        assertEquals(2, now.getInt("offerNumber"));
        assertEquals(second, now.getString("reviewerId"));
        assertEquals(2L, TestDatabase.outboxRows(caseNumber, EventType.REVIEWER_ASSIGNED));

        // Operations take the case to another: the second reviewer's late acceptance is kept on offer 2 only.
        String third = asOperations().contentType(ContentType.JSON).body("{ \"reason\": \"Rebalancing\" }")
                .post("/api/assignments/" + caseNumber + "/reassignment").then().statusCode(200).extract().path("reviewerId");
        awaitProcessed(accept(stream, caseNumber, 2, second));
        JsonPath history = offers(caseNumber);
        assertEquals("REASSIGNED", history.getString("items[1].outcome"));
        assertEquals("ACCEPTED", history.getString("items[1].answer"));
        assertEquals("OFFERED", assignment(caseNumber).getString("status"));
        assertEquals(third, assignment(caseNumber).getString("reviewerId"));
    }

    @Test
    void anAnswerOfAnOfferNeverMadeGoesToTheDeadLetterTopic() {
        String caseNumber = offeredCase(stream);
        String first = assignment(caseNumber).getString("reviewerId");
        accept(stream, caseNumber, 1, first + "-someone-else");
        String dlq = EventType.OFFER_ACCEPTED.deadLetterTopic("assignment-service");
        await().atMost(Duration.ofSeconds(30)).until(() -> stream.readRaw(dlq, Duration.ofMillis(200)).stream()
                .anyMatch(r -> caseNumber.equals(r.key())));
        assertEquals("OFFERED", assignment(caseNumber).getString("status"));
    }

    @Test
    void aCaseNobodyMayReviewWaitsVisiblyAndOperationsAreToldOnce() throws Exception {
        String caseNumber = waitingCase(stream);
        JsonPath waiting = assignment(caseNumber);
        assertTrue(waiting.getString("waitingBecause").matches("no eligible reviewer: \\d+ considered, 0 declined"),
                waiting.getString("waitingBecause"));
        asOperations().queryParam("status", "AWAITING_REVIEWER").queryParam("size", 100).get("/api/assignments").then()
                .body("items.find { it.caseNumber == '" + caseNumber + "' }.waitingSince", equalTo(waiting.getString("waitingSince")))
                .body("items.find { it.caseNumber == '" + caseNumber + "' }.reviewerId", nullValue());

        StreamEvent told = stream.awaitEvent(EventType.NO_REVIEWER_AVAILABLE, caseNumber);
        assertEquals(0, told.payload().get("reviewersWhoDeclined").asInt());
        assertTrue(told.payload().get("reviewersOnRoster").asInt() >= 12);
        // A roster change sweeps the waiting cases before it answers: the case is tried again, and nobody is told again.
        addReviewer(reviewer("rev-derm-" + Fixtures.next(), "Dermatology"));
        assertEquals(1L, TestDatabase.outboxRows(caseNumber, EventType.NO_REVIEWER_AVAILABLE));
        assertEquals(0L, TestDatabase.outboxRows(caseNumber, EventType.REVIEWER_ASSIGNED));
        assertEquals(waiting.getString("waitingSince"), assignment(caseNumber).getString("waitingSince"));
    }

    @Test
    void aCaseWhoseReviewersAllDeclinedWaitsAndGoesToTheNextReviewerToJoin() throws Exception {
        String caseNumber = newCaseNumber();
        stream.publish(EventType.CASE_RECEIVED, caseNumber, caseReceived(caseNumber, ANTIDEPRESSANT));
        List<String> decliners = declineUntilWaiting(stream, caseNumber);
        assertTrue(decliners.contains("rev-psych-01"), decliners.toString());
        assertFalse(decliners.contains("rev-psychology-01"), "a psychologist does not prescribe");
        assertTrue(assignment(caseNumber).getString("waitingBecause").endsWith(", " + decliners.size() + " declined"));
        StreamEvent told = stream.awaitEvent(EventType.NO_REVIEWER_AVAILABLE, caseNumber);
        assertEquals(decliners.size(), told.payload().get("reviewersWhoDeclined").asInt());

        String psychiatrist = "rev-psych-new-" + Fixtures.next();
        addReviewer(reviewer(psychiatrist, "Psychiatry"));
        JsonPath offered = assignment(caseNumber);
        assertEquals("OFFERED", offered.getString("status"));
        assertEquals(psychiatrist, offered.getString("reviewerId"));
        assertEquals(null, offered.getString("waitingSince"));
        assertEquals("DECLINED", offers(caseNumber).getString("items[" + decliners.size() + "].whyOffered"));
        assertEquals(1L, TestDatabase.outboxRows(caseNumber, EventType.NO_REVIEWER_AVAILABLE));
    }

    @Test
    void twoReviewersJoiningAtOnceOfferAWaitingCaseOnce() throws Exception {
        String caseNumber = newCaseNumber();
        stream.publish(EventType.CASE_RECEIVED, caseNumber, caseReceived(caseNumber, PSYCHOTHERAPY));
        int declined = declineUntilWaiting(stream, caseNumber).size();

        ExecutorService operators = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> added = new ArrayList<>();
            for (String id : List.of("rev-psy-a-" + Fixtures.next(), "rev-psy-b-" + Fixtures.next())) {
                added.add(operators.submit(() -> {
                    start.await();
                    return asOperations().contentType(ContentType.JSON).body(reviewer(id, "Psychology"))
                            .when().post("/api/reviewers").then().extract().statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> status : added) {
                assertEquals(201, status.get());
            }
        } finally {
            operators.shutdown();
        }
        assertEquals("OFFERED", assignment(caseNumber).getString("status"));
        // Both requests are answered and each swept: the outbox is final for this case.
        assertEquals(declined + 1L, TestDatabase.outboxRows(caseNumber, EventType.REVIEWER_ASSIGNED), "one more offer");
    }

    @Test
    void aWaitingCaseWhoseWakeUpWasMissedIsOfferedByTheSweep() throws Exception {
        String caseNumber = newCaseNumber();
        stream.publish(EventType.CASE_RECEIVED, caseNumber, caseReceived(caseNumber, PSYCHOTHERAPY));
        declineUntilWaiting(stream, caseNumber);
        // A reviewer who joined without a sweep after it, as when the case committed just after the roster's sweep ran.
        String reviewerId = "rev-psy-sql-" + Fixtures.next();
        TestDatabase.execute("insert into reviewer (id, name, specialty, licence_number, licence_expires_on, board_name,"
                + " board_specialty, practice_started_on, weekly_clinical_hours, active) values ('" + reviewerId
                + "', 'Dr. Sql', 'Psychology', 'PSY 1', current_date + 365, 'ABPP', 'Clinical Psychology', date '2010-01-01', 30, true)");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asOperations().get("/api/assignments/" + caseNumber)
                .then().body("status", equalTo("OFFERED")).body("reviewerId", equalTo(reviewerId)));
    }

    @Test
    void aReviewerAffiliatedWithAPartyByIdentifierIsPassedOverWhateverThePartyIsCalled() {
        String caseNumber = newCaseNumber();
        String own = caseNumber.substring(5);
        String conflicted = "rev-spine-" + own;
        addReviewer(reviewer(conflicted, "Neurosurgery", "[ { \"kind\": \"EMPLOYER\", \"id\": \"95-" + own + "\" },"
                + " { \"kind\": \"MEDICAL_GROUP\", \"id\": \"GROUP-" + own + "\" } ]"));
        stream.publish(EventType.CASE_RECEIVED, caseNumber, caseReceived(caseNumber, FUSION));
        assertNotEquals(conflicted, awaitOffer(caseNumber, 1).getString("reviewerId"));
        assertEquals("conflict: employer", reason(caseNumber, 1, conflicted));
    }

    @Test
    void theMakerOfADisputedDeviceIsAParty() {
        String caseNumber = newCaseNumber();
        String own = caseNumber.substring(5);
        String conflicted = "rev-spine-maker-" + own;
        addReviewer(reviewer(conflicted, "Orthopaedic Surgery", "[ { \"kind\": \"MANUFACTURER\", \"id\": \"spine-devices-" + own + "\" } ]"));
        stream.publish(EventType.CASE_RECEIVED, caseNumber, caseReceived(caseNumber,
                new DisputedItem(1, "Lumbar disc arthroplasty device", ItemCategory.SURGERY, "M51.26", "spine-devices-" + own)));
        awaitOffer(caseNumber, 1);
        assertEquals("conflict: manufacturer", reason(caseNumber, 1, conflicted));
    }

    @Test
    void theDemoRosterIsListedAndPaged() {
        asOperations().queryParam("size", 100).when().get("/api/reviewers")
                .then().statusCode(200)
                .body("items.id", hasItems("rev-occmed-01", "rev-pain-01", "rev-pmr-01", "rev-ortho-01", "rev-ortho-02",
                        "rev-neurosurg-01", "rev-neuro-01", "rev-psych-01", "rev-psychology-01", "rev-chiro-01", "rev-im-01",
                        "rev-gensurg-01"));
        asOperations().queryParam("size", 3).when().get("/api/reviewers")
                .then().statusCode(200)
                .body("items.size()", equalTo(3))
                .body("size", equalTo(3));
        asOperations().get("/api/reviewers/rev-occmed-01").then().statusCode(200)
                .body("boardCertification.specialty", equalTo("Occupational Medicine"))
                .body("californiaLicence.expiresOn", equalTo("2099-12-31"))
                .body("practiceStartedOn", equalTo("2012-07-01"))
                .body("version", equalTo(0));
    }

    @Test
    void aBadReviewerIsRefusedFieldByFieldAndADuplicateIsAConflict() {
        asOperations().contentType(ContentType.JSON).body("{ \"id\": \"Bad Id\", \"weeklyClinicalHours\": -1,"
                        + " \"californiaLicence\": { \"number\": \"A 1\" }, \"boardCertification\": { \"board\": \"ABMS\" } }")
                .when().post("/api/reviewers")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("id", "name", "specialty", "californiaLicence.expiresOn",
                        "boardCertification.specialty", "practiceStartedOn", "weeklyClinicalHours"));

        asOperations().contentType(ContentType.JSON).body(reviewer("rev-pain-01", "Pain Medicine"))
                .when().post("/api/reviewers")
                .then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void unknownReviewersAndAssignmentsAreNotFound() {
        asOperations().get("/api/reviewers/nobody").then().statusCode(404).contentType("application/problem+json");
        asOperations().get("/api/assignments/CM26-0000000").then().statusCode(404).contentType("application/problem+json");
        asOperations().get("/api/assignments/CM26-0000000/offers").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aCaseReceivedThatBreaksItsSchemaGoesToTheDeadLetterTopic() {
        String caseNumber = newCaseNumber();
        stream.publish(EventType.CASE_RECEIVED, caseNumber, java.util.Map.of("caseNumber", caseNumber));
        String dlq = EventType.CASE_RECEIVED.deadLetterTopic("assignment-service");
        await().atMost(Duration.ofSeconds(30)).until(() -> stream.readRaw(dlq, Duration.ofMillis(200)).stream()
                .anyMatch(r -> caseNumber.equals(r.key())));
        asOperations().get("/api/assignments/" + caseNumber).then().statusCode(404);
    }

    @Test
    void theMatchingTableIsReadableByOperations() {
        asOperations().get("/api/matching-rules").then().statusCode(200)
                .body("rules[0].categories", equalTo(List.of("SURGERY")))
                .body("rules[0].specialties", equalTo(List.of("Orthopedic Surgery", "Neurological Surgery")))
                .body("rules[0].why", notNullValue())
                .body("specialtyAliases.'PM&R'", equalTo("Physical Medicine and Rehabilitation"));
    }
}
