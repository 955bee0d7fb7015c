package org.imrflow.notification.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.WebSocketClientConnection;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.imrflow.events.CaseConvertedToExpedited;
import org.imrflow.events.CaseReceived;
import org.imrflow.events.CaseWithdrawn;
import org.imrflow.events.ClaimsAdministratorGuideline;
import org.imrflow.events.Deadline;
import org.imrflow.events.DeadlineReached;
import org.imrflow.events.DecisionRecorded;
import org.imrflow.events.DisputedItem;
import org.imrflow.events.EventType;
import org.imrflow.events.ItemCategory;
import org.imrflow.events.OfferAccepted;
import org.imrflow.events.OfferDeclined;
import org.imrflow.events.RecordsReceived;
import org.imrflow.events.ReviewType;
import org.imrflow.events.ReviewerAssigned;
import org.imrflow.events.ReviewerQualifications;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.events.testing.SampleDispute;
import org.imrflow.events.testing.SignIn;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.imrflow.events.testing.SignIn.ACME;
import static org.imrflow.events.testing.SignIn.asClaimsAdmin;
import static org.imrflow.events.testing.SignIn.asOperations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the operations page shows besides the feed: clocks, reviewers, the spine's health, the dead letters of each
 * service, and the live socket that carries it all; and who may open the page.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class OperationsDashboardTest {
    private static final AtomicInteger CASES = new AtomicInteger(6_600_000);
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ZoneId CALIFORNIA = ZoneId.of("America/Los_Angeles");

    private final EventStreamProbe stream = EventStreamProbe.ofTestConfig();

    @Inject
    BasicWebSocketConnector connector;

    @TestHTTPResource("/")
    URI root;

    @Test
    void clocksListOpenCasesDueSoonAndOverdueAndTheAgeToDetermination() {
        LocalDate today = LocalDate.now(CALIFORNIA);
        String dueSoon = assign(today.plusDays(2), "rev-clock-01");
        String overdue = assign(today.minusDays(1), "rev-clock-01");
        String later = assign(today.plusDays(20), "rev-clock-01");
        String decided = nextCase();
        stream.publish(EventType.CASE_RECEIVED, decided, received(decided, Instant.now().minus(Duration.ofDays(40))));
        stream.publish(EventType.RECORDS_RECEIVED, decided, recordsComplete(decided, Instant.now().minus(Duration.ofDays(20)),
                today.plusDays(10)));
        stream.publish(EventType.DECISION_RECORDED, decided, LetterFlowTest.decision(decided));

        await().atMost(PATIENCE).untilAsserted(() -> asOperations().queryParam("size", 100).get("/api/operations/clocks")
                .then().statusCode(200)
                .body("cases.items.caseNumber", hasItem(dueSoon))
                .body("cases.items.caseNumber", hasItem(overdue))
                .body("determinationAge.cases", greaterThanOrEqualTo(1)));
        asOperations().queryParam("size", 100).get("/api/operations/clocks").then()
                .body("today", equalTo(today.toString()))
                .body("dueWithinDays", equalTo(3))
                .body("overdue", greaterThanOrEqualTo(1))
                .body("cases.items.find { it.caseNumber == '" + dueSoon + "' }.daysLeft", equalTo(2))
                .body("cases.items.find { it.caseNumber == '" + dueSoon + "' }.overdue", equalTo(false))
                .body("cases.items.find { it.caseNumber == '" + overdue + "' }.overdue", equalTo(true))
                .body("cases.items.find { it.caseNumber == '" + overdue + "' }.reviewerId", equalTo("rev-clock-01"))
                .body("cases.items.caseNumber", org.hamcrest.Matchers.not(hasItem(later)))
                .body("cases.items.caseNumber", org.hamcrest.Matchers.not(hasItem(decided)));
        // other tests' cases are decided on the day their records are complete: ours, 20 days, lifts the average above 0
        await().atMost(PATIENCE).untilAsserted(() -> asOperations().get("/api/operations/clocks").then()
                .body("determinationAge.averageDays", org.hamcrest.Matchers.greaterThan(0f))
                .body("determinationAge.p90Days", notNullValue()));

        List<String> soonestFirst = dueDates("SOONEST_FIRST");
        assertEquals(soonestFirst.stream().sorted().toList(), soonestFirst, "soonest first");
        List<String> latestFirst = dueDates("LATEST_FIRST");
        assertEquals(latestFirst.stream().sorted(java.util.Comparator.reverseOrder()).toList(), latestFirst, "latest first");
        asOperations().queryParam("order", "due").get("/api/operations/clocks").then().statusCode(400)
                .body("errors[0].field", equalTo("order"));
    }

    @Test
    void theClockStartsWhenTheRecordsAreCompleteOrTheirDeadlinePassesAndAWithdrawalStopsIt() {
        LocalDate today = LocalDate.now(CALIFORNIA);
        Instant complete = Instant.now().minus(Duration.ofDays(5)).truncatedTo(ChronoUnit.MILLIS);
        Instant deadline = Instant.now().minus(Duration.ofDays(6)).truncatedTo(ChronoUnit.MILLIS);
        // the records uploaded, then declared complete; the assignment tells no due date any more
        String recorded = assign(null, "rev-clock-02");
        stream.publish(EventType.RECORDS_RECEIVED, recorded, new RecordsReceived(recorded, complete.minus(Duration.ofDays(2)),
                List.of(OperationsViewTest.REPORT), false, null, 0, 0, null));
        stream.publish(EventType.RECORDS_RECEIVED, recorded, recordsComplete(recorded, complete, today.plusDays(1)));
        // no records by their deadline; then converted to expedited, which moves the due date
        String noRecords = nextCase();
        stream.publish(EventType.DEADLINE_REACHED, noRecords, new DeadlineReached(noRecords, Deadline.RECORDS, deadline,
                deadline.plusSeconds(1), today.plusDays(3)));
        stream.publish(EventType.CASE_CONVERTED_TO_EXPEDITED, noRecords, new CaseConvertedToExpedited(noRecords,
                Instant.now(), today, null, today.plusDays(2)));
        String withdrawn = nextCase();
        stream.publish(EventType.RECORDS_RECEIVED, withdrawn, recordsComplete(withdrawn, complete, today.plusDays(1)));

        await().atMost(PATIENCE).untilAsserted(() -> asOperations().queryParam("size", 100).get("/api/operations/clocks")
                .then().statusCode(200)
                .body("cases.items.find { it.caseNumber == '" + recorded + "' }.clockStartedAt", equalTo(complete.toString()))
                .body("cases.items.find { it.caseNumber == '" + recorded + "' }.determinationDueDate",
                        equalTo(today.plusDays(1).toString()))
                .body("cases.items.find { it.caseNumber == '" + recorded + "' }.reviewerId", equalTo("rev-clock-02"))
                .body("cases.items.find { it.caseNumber == '" + noRecords + "' }.clockStartedAt", equalTo(deadline.toString()))
                .body("cases.items.find { it.caseNumber == '" + noRecords + "' }.determinationDueDate",
                        equalTo(today.plusDays(2).toString()))
                .body("cases.items.find { it.caseNumber == '" + noRecords + "' }.stage", equalTo("RECEIVED"))
                .body("cases.items.caseNumber", hasItem(withdrawn)));

        stream.publish(EventType.CASE_WITHDRAWN, withdrawn, new CaseWithdrawn(withdrawn, Instant.now(), today));
        await().atMost(PATIENCE).untilAsserted(() -> asOperations().queryParam("size", 100).get("/api/operations/clocks")
                .then().statusCode(200)
                .body("cases.items.caseNumber", org.hamcrest.Matchers.not(hasItem(withdrawn)))
                .body("cases.items.caseNumber", hasItem(recorded)));
    }

    @Test
    void reviewersShowTheirOpenAndDecidedCases() {
        String reviewer = "rev-load-" + CASES.incrementAndGet();
        assign(LocalDate.now(CALIFORNIA).plusDays(30), reviewer);
        String decided = assign(LocalDate.now(CALIFORNIA).plusDays(30), reviewer);
        DecisionRecorded decision = LetterFlowTest.decision(decided);
        stream.publish(EventType.DECISION_RECORDED, decided, new DecisionRecorded(decided, reviewer, decision.qualifications(),
                Instant.now(), decision.determinationDueDate(), decision.clinicalCaseSummary(), decision.decisions()));

        await().atMost(PATIENCE).untilAsserted(() -> asOperations().get("/api/operations/reviewers").then().statusCode(200)
                .body("find { it.reviewerId == '" + reviewer + "' }.openCases", equalTo(1))
                .body("find { it.reviewerId == '" + reviewer + "' }.decidedCases", equalTo(1)));
    }

    @Test
    void reviewersShowTheOffersTheyDeclinedAndHowLongTheyTakeToAccept() {
        String reviewer = "rev-answers-" + CASES.incrementAndGet();
        Instant offered = Instant.now().minus(Duration.ofHours(5));
        String accepted = offer(reviewer, 1, offered);
        stream.publish(EventType.OFFER_ACCEPTED, accepted, new OfferAccepted(accepted, 1, reviewer,
                offered.plus(Duration.ofHours(2))), offered.plus(Duration.ofHours(2)));
        String declined = offer(reviewer, 1, offered);
        stream.publish(EventType.OFFER_DECLINED, declined, new OfferDeclined(declined, 1, reviewer,
                OfferDeclined.DeclineReason.UNAVAILABLE, offered.plusSeconds(60)), offered.plusSeconds(60));
        String timedOut = offer(reviewer, 1, offered);
        stream.publish(EventType.OFFER_DECLINED, timedOut, new OfferDeclined(timedOut, 1, reviewer,
                OfferDeclined.DeclineReason.TIMED_OUT, offered.plus(Duration.ofHours(4))), offered.plus(Duration.ofHours(4)));

        await().atMost(PATIENCE).untilAsserted(() -> asOperations().get("/api/operations/reviewers").then().statusCode(200)
                .body("find { it.reviewerId == '" + reviewer + "' }.declinedOffers", equalTo(2))
                .body("find { it.reviewerId == '" + reviewer + "' }.averageHoursToAccept", equalTo(2.0f)));
    }

    /** A case offered to a reviewer at a given moment. */
    private String offer(String reviewer, int offerNumber, Instant offeredAt) {
        String caseNumber = nextCase();
        stream.publish(EventType.CASE_RECEIVED, caseNumber, received(caseNumber, offeredAt.minus(Duration.ofDays(1))));
        stream.publish(EventType.REVIEWER_ASSIGNED, caseNumber, new ReviewerAssigned(caseNumber, reviewer,
                new ReviewerQualifications("Occupational Medicine", "Occupational Medicine"), offeredAt,
                ReviewType.STANDARD, null, new ClaimsAdministratorGuideline(false, "ODG"),
                List.of(new DisputedItem(1, SampleDispute.NEUROTOMY, ItemCategory.INJECTIONS, null)), offerNumber, null),
                offeredAt);
        return caseNumber;
    }

    @Test
    void theSpineShowsReadinessOutboxDeadLettersAndConsumerLag() {
        await().atMost(PATIENCE).untilAsserted(() -> asOperations().get("/api/operations/spine").then().statusCode(200)
                .body("services.service", hasItem("notification-service"))
                .body("services.find { it.service == 'notification-service' }.readiness", equalTo("UP"))
                .body("services.find { it.service == 'notification-service' }.outboxUnsent", greaterThanOrEqualTo(0f))
                .body("services.find { it.service == 'notification-service' }.deadLetters", greaterThanOrEqualTo(0f))
                .body("services.find { it.service == 'notification-service' }.consumerGroups.group",
                        hasItem("notification-service-operations"))
                .body("services.find { it.service == 'notification-service' }.consumerGroups.find { it.group == "
                        + "'notification-service-operations' }.partitions.topic", hasItem("imr.case-received")));
    }

    @Test
    void deadLettersAreListedThroughTheOperationsViewForEachService() {
        asOperations().queryParam("replayed", "false").get("/api/operations/dead-letters/notification-service")
                .then().statusCode(200).body("page", equalTo(0));
        asOperations().queryParam("replayed", "maybe").get("/api/operations/dead-letters/notification-service")
                .then().statusCode(400).body("errors[0].field", equalTo("replayed"));
        asOperations().contentType("application/json").post("/api/operations/dead-letters/notification-service/999999999/replay")
                .then().statusCode(404).body("detail", containsString("999999999"));
        asOperations().get("/api/operations/dead-letters/billing-service").then().statusCode(404)
                .body("detail", containsString("No service is called billing-service"));
        asClaimsAdmin(ACME).get("/api/operations/dead-letters/notification-service").then().statusCode(403);
    }

    @Test
    void theLivePageGetsTheStateAtOnceAndThenTheNewEvents() {
        List<String> updates = new CopyOnWriteArrayList<>();
        WebSocketClientConnection page = connector.baseUri(root).path("/api/operations/live")
                .addHeader("Authorization", "Bearer " + SignIn.operations())
                .onTextMessage((connection, message) -> updates.add(message))
                .connectAndAwait();
        try {
            await().atMost(PATIENCE).until(() -> !updates.isEmpty());
            assertTrue(updates.get(0).contains("\"pipeline\"") && updates.get(0).contains("\"spine\""), updates.get(0));

            String caseNumber = nextCase();
            stream.publish(EventType.CASE_RECEIVED, caseNumber, received(caseNumber, Instant.now()));
            await().atMost(PATIENCE).until(() -> updates.stream().anyMatch(update -> update.contains(caseNumber)));
            String update = updates.stream().filter(u -> u.contains(caseNumber)).findFirst().orElseThrow();
            assertTrue(!update.contains("Pat Example"), "no PHI on the live page: " + update);
        } finally {
            page.closeAndAwait();
        }
    }

    @Test
    void onlyOperationsOpensTheLivePageOrThePage() {
        assertThrows(RuntimeException.class, () -> connector.baseUri(root).path("/api/operations/live")
                .addHeader("Authorization", "Bearer " + SignIn.claimsAdmin(ACME)).connectAndAwait(), "a claims administrator");
        assertThrows(RuntimeException.class, () -> connector.baseUri(root).path("/api/operations/live").connectAndAwait(),
                "no one signed in");

        // an API client without a token is told 401; a browser opening the page is sent to sign in, with PKCE
        RestAssured.given().redirects().follow(false).get("/api/operations/pipeline").then().statusCode(401);
        RestAssured.given().redirects().follow(false).get("/operations/").then().statusCode(302)
                .header("Location", containsString("/protocol/openid-connect/auth"))
                .header("Location", containsString("client_id=imrflow-web"))
                .header("Location", containsString("code_challenge_method=S256"));
    }

    /** A case received and assigned; its records complete with the due date given, or none yet when null. */
    private String assign(LocalDate due, String reviewer) {
        String caseNumber = nextCase();
        stream.publish(EventType.CASE_RECEIVED, caseNumber, received(caseNumber, Instant.now().minus(Duration.ofDays(3))));
        stream.publish(EventType.REVIEWER_ASSIGNED, caseNumber, new ReviewerAssigned(caseNumber, reviewer,
                new ReviewerQualifications("Occupational Medicine", "Occupational Medicine"), Instant.now(),
                ReviewType.STANDARD, null, new ClaimsAdministratorGuideline(false, "ODG"),
                List.of(new DisputedItem(1, SampleDispute.NEUROTOMY, ItemCategory.INJECTIONS, null))));
        if (due != null) {
            stream.publish(EventType.RECORDS_RECEIVED, caseNumber, recordsComplete(caseNumber,
                    Instant.now().minus(Duration.ofDays(1)), due));
        }
        return caseNumber;
    }

    private static RecordsReceived recordsComplete(String caseNumber, Instant at, LocalDate due) {
        return new RecordsReceived(caseNumber, at, List.of(OperationsViewTest.REPORT), true, null, 0, 0, due);
    }

    private static CaseReceived received(String caseNumber, Instant receivedAt) {
        CaseReceived sample = SampleDispute.caseReceived(caseNumber, ACME);
        return new CaseReceived(caseNumber, receivedAt, sample.reviewType(), sample.claimsAdministratorOrg(),
                sample.parties(), sample.claimNumber(), sample.dateOfInjury(), sample.urDecisionDate(),
                sample.claimsAdministratorGuideline(), sample.disputedItems());
    }

    private static List<String> dueDates(String order) {
        return asOperations().queryParam("order", order).queryParam("size", 100).get("/api/operations/clocks").then()
                .statusCode(200).extract().jsonPath().getList("cases.items.determinationDueDate");
    }

    private static String nextCase() {
        return "CM26-" + CASES.incrementAndGet();
    }
}
