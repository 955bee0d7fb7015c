package org.imrflow.review.api;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.imrflow.events.EventType;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.events.testing.EventStreamProbe.StreamEvent;
import org.imrflow.events.testing.SampleDispute;
import org.imrflow.events.testing.TestDatabase;
import org.imrflow.events.timer.DueTimer;
import org.imrflow.events.timer.TimerWatch;
import org.imrflow.http.WriteConflicts;
import org.imrflow.local.LocalStackTestResource;
import org.imrflow.review.application.Offers;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.imrflow.events.testing.SignIn.ACME;
import static org.imrflow.events.testing.SignIn.asClaimsAdmin;
import static org.imrflow.events.testing.SignIn.asOperations;
import static org.imrflow.events.testing.SignIn.asReviewer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Offers on the desk, through real HTTP, PostgreSQL and Kafka: accepted, declined, run out (an offer made longer ago
 * than the offer time, never by waiting), raced, and moved to another reviewer by a later offer.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "review"))
class OfferFlowTest {
    private static final AtomicInteger CASES = new AtomicInteger(5_000_000);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final EventStreamProbe stream = EventStreamProbe.ofTestConfig();

    @Inject
    TimerWatch timers;

    @Inject
    Offers offers;

    private static String newCaseNumber() {
        return "CM26-" + CASES.incrementAndGet();
    }

    /** A case with complete records, offered (offer 1) to the reviewer now. */
    private String offered(String reviewerId) {
        String caseNumber = newCaseNumber();
        // records and offer come on two topics, in no order between them: the tests decide, so the records must be in
        IntakeEvents.awaitProcessed(IntakeEvents.recordsComplete(stream, caseNumber, LocalDate.now().plusDays(30)));
        AssignmentEvents.offer(stream, caseNumber, reviewerId, 1, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        awaitStatus(caseNumber, "OFFERED");
        return caseNumber;
    }

    private static void awaitStatus(String caseNumber, String status) {
        await().atMost(PATIENCE).untilAsserted(() -> asOperations().get("/api/reviews/" + caseNumber)
                .then().statusCode(200).body("status", equalTo(status)));
    }

    private static ValidatableResponse accept(String reviewerId, String caseNumber) {
        return asReviewer(reviewerId).post("/api/reviews/" + caseNumber + "/acceptance").then();
    }

    private static ValidatableResponse decline(String reviewerId, String caseNumber, String reason) {
        return asReviewer(reviewerId).contentType(ContentType.JSON).body("{ \"reason\": \"" + reason + "\" }")
                .post("/api/reviews/" + caseNumber + "/decline").then();
    }

    private static ValidatableResponse decide(String reviewerId, String caseNumber) {
        return asReviewer(reviewerId).contentType(ContentType.JSON).body(SampleDispute.determination())
                .post("/api/reviews/" + caseNumber + "/determination").then();
    }

    private static long pendingTimers(String caseNumber) throws Exception {
        return TestDatabase.number("select count(*) from durable_timer where case_number = ?", caseNumber);
    }

    @Test
    void theOfferedReviewerSeesTheCaseFile_mayNotDecideBeforeAccepting_andAcceptingAnnouncesIt() throws Exception {
        String caseNumber = offered("rev-offer-01");
        String offeredAt = asReviewer("rev-offer-01").get("/api/reviews/" + caseNumber).then().statusCode(200)
                .body("offerNumber", equalTo(1))
                .body("application.dateOfInjury", equalTo("2005-12-27"))
                .body("application.urDecisionDate", equalTo(AssignmentEvents.urDecisionDate().toString()))
                .body("application.requestingPhysicianSpecialty", equalTo(AssignmentEvents.PHYSICIAN_SPECIALTY))
                .body("disputedItems.description", contains(SampleDispute.NEUROTOMY))
                .body("claimsAdministratorGuideline.citation", containsString("ODG"))
                .body("recordsDaysLate", equalTo(0))
                .body("acceptedAt", nullValue())
                .extract().path("offeredAt");
        asReviewer("rev-offer-01").get("/api/reviews/" + caseNumber).then()
                .body("offerExpiresAt", equalTo(Instant.parse(offeredAt).plus(Duration.ofHours(24)).toString()));
        assertEquals(1, pendingTimers(caseNumber), "the offer's time-out is set");

        decide("rev-offer-01", caseNumber).statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("Accept the offer"));
        asReviewer("rev-offer-01").get("/api/reviews/" + caseNumber + "/draft").then().statusCode(403);

        accept("rev-offer-01", caseNumber).statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("acceptedAt", org.hamcrest.Matchers.notNullValue());
        StreamEvent accepted = stream.awaitEvent(EventType.OFFER_ACCEPTED, caseNumber);
        assertEquals("/review-service", accepted.source());
        assertEquals(1, accepted.payload().get("offerNumber").asInt());
        assertEquals("rev-offer-01", accepted.payload().get("reviewerId").asText());
        assertEquals(0, pendingTimers(caseNumber), "an accepted offer no longer runs out");

        // accepted again (a retry after a lost answer): the same acceptance, announced once
        String acceptedAt = asReviewer("rev-offer-01").get("/api/reviews/" + caseNumber).then().extract().path("acceptedAt");
        accept("rev-offer-01", caseNumber).statusCode(200).body("status", equalTo("ACCEPTED"))
                .body("acceptedAt", equalTo(acceptedAt));
        decline("rev-offer-01", caseNumber, "UNAVAILABLE").statusCode(409)
                .body("detail", containsString("only a conflict found in the records"));
        decide("rev-offer-01", caseNumber).statusCode(200).body("status", equalTo("DECIDED"));
        decline("rev-offer-01", caseNumber, "CONFLICT_IN_RECORDS").statusCode(409);
        assertEquals(1, stream.readAll(EventType.OFFER_ACCEPTED, caseNumber).size());
    }

    @Test
    void aConflictFoundInTheRecordsHandsBackAnAcceptedCase_withItsDraft() throws Exception {
        String caseNumber = offered("rev-offer-11");
        accept("rev-offer-11", caseNumber).statusCode(200);
        asReviewer("rev-offer-11").contentType(ContentType.JSON).body("{\"revision\": 0, \"clinicalCaseSummary\": \"Begun.\"}")
                .put("/api/reviews/" + caseNumber + "/draft").then().statusCode(200);

        decline("rev-offer-11", caseNumber, "CONFLICT_IN_RECORDS").statusCode(200)
                .body("status", equalTo("DECLINED"))
                .body("declineReason", equalTo("CONFLICT_IN_RECORDS"));
        StreamEvent declined = stream.awaitEvent(EventType.OFFER_DECLINED, caseNumber);
        assertEquals("CONFLICT_IN_RECORDS", declined.payload().get("reason").asText());
        assertEquals(1, TestDatabase.outboxRows(caseNumber, EventType.OFFER_ACCEPTED), "accepted once, then handed back");
        asOperations().get("/api/reviews/" + caseNumber).then().statusCode(200).body("status", equalTo("DECLINED"));
        asReviewer("rev-offer-11").get("/api/reviews/" + caseNumber).then().statusCode(404);
        decide("rev-offer-11", caseNumber).statusCode(403);
        assertEquals(0L, TestDatabase.number("select count(*) from review_draft where case_number = ?", caseNumber),
                "the draft is gone with the case");
    }

    @Test
    void aDeclinedOfferLeavesTheDeskAndIsAnnouncedWithItsReason() throws Exception {
        String caseNumber = offered("rev-offer-02");
        decline("rev-offer-02", caseNumber, "TIMED_OUT").statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("reason"));
        asReviewer("rev-offer-02").contentType(ContentType.JSON).body("{}").post("/api/reviews/" + caseNumber + "/decline")
                .then().statusCode(400).body("errors.field", contains("reason"));

        decline("rev-offer-02", caseNumber, "CONFLICT_IN_RECORDS").statusCode(200)
                .body("status", equalTo("DECLINED"))
                .body("declineReason", equalTo("CONFLICT_IN_RECORDS"));
        StreamEvent declined = stream.awaitEvent(EventType.OFFER_DECLINED, caseNumber);
        assertEquals("CONFLICT_IN_RECORDS", declined.payload().get("reason").asText());
        assertEquals(1, declined.payload().get("offerNumber").asInt());
        assertEquals("rev-offer-02", declined.payload().get("reviewerId").asText());
        assertEquals(0, pendingTimers(caseNumber));

        accept("rev-offer-02", caseNumber).statusCode(409).body("type", equalTo("https://imrflow.org/problems/offer-ended"));
        decide("rev-offer-02", caseNumber).statusCode(403);
        asReviewer("rev-offer-02").queryParam("status", "OFFERED").queryParam("size", 100).get("/api/reviews").then()
                .statusCode(200).body("items.caseNumber", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(caseNumber)));
        // no longer theirs: neither the case file nor its records, whatever list they ask for
        asReviewer("rev-offer-02").get("/api/reviews/" + caseNumber).then().statusCode(404);
        for (String status : new String[]{"DECLINED", ""}) {
            asReviewer("rev-offer-02").queryParam("status", status).queryParam("size", 100).get("/api/reviews").then()
                    .statusCode(200).body("items.caseNumber", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(caseNumber)));
        }
        asOperations().queryParam("status", "DECLINED").queryParam("size", 100).get("/api/reviews").then()
                .statusCode(200).body("items.caseNumber", org.hamcrest.Matchers.hasItem(caseNumber));
    }

    @Test
    void onlyTheOfferedReviewerAnswers_othersAreNotFound_andOtherRolesForbidden() {
        String caseNumber = offered("rev-offer-03");
        accept("rev-offer-04", caseNumber).statusCode(404).contentType("application/problem+json");
        decline("rev-offer-04", caseNumber, "UNAVAILABLE").statusCode(404);
        decide("rev-offer-04", caseNumber).statusCode(403);
        asOperations().post("/api/reviews/" + caseNumber + "/acceptance").then().statusCode(403);
        asClaimsAdmin(ACME).post("/api/reviews/" + caseNumber + "/acceptance").then().statusCode(403);
        io.restassured.RestAssured.given().post("/api/reviews/" + caseNumber + "/acceptance").then().statusCode(401);
        accept("rev-offer-03", "CM26-0000000").statusCode(404);
        awaitStatus(caseNumber, "OFFERED");
    }

    /** An offer made longer ago than the offer time: its timer is due as it arrives, and no clock needs moving. */
    @Test
    void anOfferLeftUnansweredRunsOut_andIsAnnouncedAsTimedOut() throws Exception {
        String caseNumber = newCaseNumber();
        IntakeEvents.recordsComplete(stream, caseNumber, LocalDate.now().plusDays(30));
        AssignmentEvents.offer(stream, caseNumber, "rev-offer-05", 1, Instant.now().minus(Duration.ofHours(24).plusMinutes(1)));
        await().atMost(PATIENCE).untilAsserted(() -> {
            timers.fireDue().await().atMost(PATIENCE);
            asOperations().get("/api/reviews/" + caseNumber).then().statusCode(200).body("status", equalTo("DECLINED"));
        });
        asOperations().get("/api/reviews/" + caseNumber).then().body("declineReason", equalTo("TIMED_OUT"));
        StreamEvent timedOut = stream.awaitEvent(EventType.OFFER_DECLINED, caseNumber);
        assertEquals("TIMED_OUT", timedOut.payload().get("reason").asText());
        assertEquals("rev-offer-05", timedOut.payload().get("reviewerId").asText());
        assertEquals(0, pendingTimers(caseNumber));
        accept("rev-offer-05", caseNumber).statusCode(409).body("type", equalTo("https://imrflow.org/problems/offer-ended"));
        assertEquals(0, stream.readAll(EventType.OFFER_ACCEPTED, caseNumber).size());
    }

    /** Run out, and refused, even before its timer has fired: the expiry is checked on every answer. */
    @Test
    void anOfferThatHasRunOutCannotBeAccepted() {
        String caseNumber = newCaseNumber();
        AssignmentEvents.offer(stream, caseNumber, "rev-offer-08", 1, Instant.now().minus(Duration.ofDays(2)));
        ReviewInputTest.awaitArrival(caseNumber);
        accept("rev-offer-08", caseNumber).statusCode(409).body("type", equalTo("https://imrflow.org/problems/offer-ended"));
        decline("rev-offer-08", caseNumber, "UNAVAILABLE").statusCode(409);
    }

    /** The acceptance and the time-out race on the one review: exactly one wins, and only its event goes out. */
    @Test
    void ofAnAcceptanceAndATimeOutAtOnceExactlyOneWins() throws Exception {
        int races = 6;
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < races; i++) {
            cases.add(offered("rev-offer-race"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2 * races);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> acceptances = new ArrayList<>();
            List<Future<Boolean>> timeOuts = new ArrayList<>();
            for (String caseNumber : cases) {
                Instant expiresAt = Instant.parse(asOperations().get("/api/reviews/" + caseNumber).then().extract().path("offerExpiresAt"));
                acceptances.add(pool.submit(() -> {
                    start.await();
                    return accept("rev-offer-race", caseNumber).extract().statusCode();
                }));
                timeOuts.add(pool.submit(() -> {
                    start.await();
                    return timeOut(caseNumber, expiresAt);
                }));
            }
            start.countDown();
            for (int i = 0; i < races; i++) {
                String caseNumber = cases.get(i);
                int accepted = acceptances.get(i).get();
                timeOuts.get(i).get();
                assertTrue(accepted == 200 || accepted == 409, caseNumber + ": " + accepted);
                long acceptedEvents = TestDatabase.outboxRows(caseNumber, EventType.OFFER_ACCEPTED);
                long declinedEvents = TestDatabase.outboxRows(caseNumber, EventType.OFFER_DECLINED);
                assertEquals(1, acceptedEvents + declinedEvents, caseNumber + ": exactly one answer");
                assertEquals(accepted == 200 ? 1 : 0, acceptedEvents, caseNumber + ": the acceptance won iff it got 200");
                asOperations().get("/api/reviews/" + caseNumber).then()
                        .body("status", equalTo(accepted == 200 ? "ACCEPTED" : "DECLINED"));
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Fires the offer's time-out as the timer does, in a transaction of its own; false when it lost a race. */
    private boolean timeOut(String caseNumber, Instant dueAt) throws Exception {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                    () -> offers.fire(new DueTimer(caseNumber, "OFFER_EXPIRY", dueAt))));
            return true;
        } catch (Throwable failure) {
            if (WriteConflicts.isConflict(failure)) {
                return false;
            }
            throw new IllegalStateException(failure);
        }
    }

    @Test
    void aLaterOfferMovesTheCaseToAnotherReviewer_whoseDeskItLeaves_withTheDraft() throws Exception {
        String caseNumber = offered("rev-move-01");
        accept("rev-move-01", caseNumber).statusCode(200);
        asReviewer("rev-move-01").contentType(ContentType.JSON)
                .body("{ \"revision\": 0, \"clinicalCaseSummary\": \"first thoughts\" }")
                .put("/api/reviews/" + caseNumber + "/draft").then().statusCode(200).body("revision", equalTo(1));

        AssignmentEvents.offer(stream, caseNumber, "rev-move-02", 2, Instant.now());
        awaitStatus(caseNumber, "OFFERED");
        asReviewer("rev-move-01").get("/api/reviews/" + caseNumber).then().statusCode(404);
        asReviewer("rev-move-01").get("/api/reviews/" + caseNumber + "/draft").then().statusCode(404);
        decide("rev-move-01", caseNumber).statusCode(403);
        assertEquals(0, TestDatabase.number("select count(*) from review_draft where case_number = ?", caseNumber));
        assertEquals(1, TestDatabase.number("select count(*) from desk_notice where reviewer_id = 'rev-move-01'"
                + " and case_number = ? and kind = 'OFFER_WITHDRAWN'", caseNumber));
        asReviewer("rev-move-02").get("/api/reviews/" + caseNumber).then().statusCode(200)
                .body("offerNumber", equalTo(2)).body("status", equalTo("OFFERED"));

        // Offers 1 and 2 again (redelivered, out of order) change nothing.
        IntakeEvents.awaitProcessed(AssignmentEvents.offer(stream, caseNumber, "rev-move-01", 1, Instant.now()));
        IntakeEvents.awaitProcessed(AssignmentEvents.offer(stream, caseNumber, "rev-move-03", 2, Instant.now()));
        asOperations().get("/api/reviews/" + caseNumber).then()
                .body("reviewerId", equalTo("rev-move-02")).body("offerNumber", equalTo(2)).body("status", equalTo("OFFERED"));

        accept("rev-move-02", caseNumber).statusCode(200);
        decide("rev-move-02", caseNumber).statusCode(200);
        // A decided case takes no offer.
        IntakeEvents.awaitProcessed(AssignmentEvents.offer(stream, caseNumber, "rev-move-03", 3, Instant.now()));
        asOperations().get("/api/reviews/" + caseNumber).then()
                .body("reviewerId", equalTo("rev-move-02")).body("status", equalTo("DECIDED"));
    }

    @Test
    void aWithdrawnOfferLeavesTheDeskAndItsTimer() throws Exception {
        String caseNumber = offered("rev-offer-06");
        IntakeEvents.withdrawn(stream, caseNumber, Instant.now());
        awaitStatus(caseNumber, "WITHDRAWN");
        assertEquals(0, pendingTimers(caseNumber));
        accept("rev-offer-06", caseNumber).statusCode(409);
        IntakeEvents.awaitProcessed(AssignmentEvents.offer(stream, caseNumber, "rev-offer-07", 2, Instant.now()));
        asOperations().get("/api/reviews/" + caseNumber).then().body("status", equalTo("WITHDRAWN"));
    }
}
