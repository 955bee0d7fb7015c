package org.imrflow.intake.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.imrflow.events.DeadLetterReplayed;
import org.imrflow.events.EventDeadLettered;
import org.imrflow.events.EventType;
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
import java.util.concurrent.atomic.AtomicLong;

import static org.imrflow.events.testing.SignIn.ACME;
import static org.imrflow.events.testing.SignIn.asClaimsAdmin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A case whose event a service dead-lettered shows as stuck, with where and why, until the dead letter is replayed;
 * operations find such cases with {@code ?stuck=true}.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class StuckCaseTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final AtomicLong DEAD_LETTER_IDS = new AtomicLong(System.currentTimeMillis());

    private final EventStreamProbe stream = EventStreamProbe.ofTestConfig();

    @Test
    void aCaseWhoseEventIntakeItselfDeadLetteredShowsAsStuckWithWhereAndWhy() {
        String caseNumber = submitted();
        asClaimsAdmin(ACME).get("/api/cases/" + caseNumber).then().statusCode(200)
                .body("stuck", equalTo(false)).body("stuckOn.size()", equalTo(0));

        // A reviewer-assigned the schema refuses: intake's inbox dead-letters it, its office announces it.
        stream.publishRaw(EventType.REVIEWER_ASSIGNED.topic(), caseNumber, "{\"caseNumber\":\"" + caseNumber + "\"}",
                envelope(EventType.REVIEWER_ASSIGNED, caseNumber));

        await().atMost(PATIENCE).untilAsserted(() -> asClaimsAdmin(ACME).get("/api/cases/" + caseNumber).then().statusCode(200)
                .body("stuck", equalTo(true))
                .body("status", equalTo("RECEIVED"))
                .body("stuckOn[0].service", equalTo("intake-service"))
                .body("stuckOn[0].eventType", equalTo(EventType.REVIEWER_ASSIGNED.cloudEventType()))
                .body("stuckOn[0].reason", startsWith("payload violates schemas/reviewer-assigned.v1.json"))
                .body("stuckOn[0].since", org.hamcrest.Matchers.notNullValue()));
        org.imrflow.events.testing.SignIn.asOperations().queryParam("stuck", true).queryParam("size", 100).get("/api/cases")
                .then().statusCode(200).body("items.caseNumber", hasItem(caseNumber));
    }

    @Test
    void aReplayedDeadLetterNoLongerHoldsTheCase() {
        String caseNumber = submitted();
        long id = DEAD_LETTER_IDS.incrementAndGet();
        stream.publish(EventType.EVENT_DEAD_LETTERED, caseNumber, deadLettered(caseNumber, "assignment-service", id));
        awaitStuck(caseNumber, true);
        asClaimsAdmin(ACME).get("/api/cases/" + caseNumber).then()
                .body("stuckOn[0].service", equalTo("assignment-service"))
                .body("stuckOn[0].deadLetterId", equalTo(id));

        stream.publish(EventType.DEAD_LETTER_REPLAYED, caseNumber, new DeadLetterReplayed(caseNumber, "assignment-service", id, Instant.now()));
        awaitStuck(caseNumber, false);
        asClaimsAdmin(ACME).queryParam("stuck", false).queryParam("size", 100).get("/api/cases")
                .then().statusCode(200).body("items.caseNumber", hasItem(caseNumber));
        asClaimsAdmin(ACME).queryParam("stuck", true).queryParam("size", 100).get("/api/cases")
                .then().statusCode(200).body("items.caseNumber", not(hasItem(caseNumber)));
    }

    @Test
    void theReplayAnnouncedBeforeTheDeadLetterStillEndsNotStuckAndRedeliveriesChangeNothing() throws Exception {
        String caseNumber = submitted();
        long replayedFirst = DEAD_LETTER_IDS.incrementAndGet();
        long stillOpen = DEAD_LETTER_IDS.incrementAndGet();
        stream.publish(EventType.DEAD_LETTER_REPLAYED, caseNumber, new DeadLetterReplayed(caseNumber, "review-service", replayedFirst, Instant.now()));
        EventDeadLettered late = deadLettered(caseNumber, "review-service", replayedFirst);
        stream.publish(EventType.EVENT_DEAD_LETTERED, caseNumber, late);
        stream.publish(EventType.EVENT_DEAD_LETTERED, caseNumber, late);
        stream.publish(EventType.EVENT_DEAD_LETTERED, caseNumber, deadLettered(caseNumber, "review-service", stillOpen));

        // The last one is stuck; once it shows, the three before it have been consumed (one partition per case).
        await().atMost(PATIENCE).untilAsserted(() -> asClaimsAdmin(ACME).get("/api/cases/" + caseNumber).then()
                .body("stuckOn.deadLetterId", equalTo(List.of(stillOpen))));
        assertEquals(2, TestDatabase.number("select count(*) from stuck_event s join imr_case c on c.id = s.case_id"
                + " where c.case_number = ?", caseNumber), "one row per dead letter");
    }

    @Test
    void aRefusedAnnouncementIsDeadLetteredButNeverAnnouncedAgainSoNoLoopStarts() throws Exception {
        String caseNumber = submitted();
        stream.publishRaw(EventType.EVENT_DEAD_LETTERED.topic(), caseNumber, "{\"caseNumber\":\"" + caseNumber + "\"}",
                envelope(EventType.EVENT_DEAD_LETTERED, caseNumber));

        await().atMost(PATIENCE).until(() -> org.imrflow.events.testing.SignIn.asOperations().queryParam("size", 100).get("/api/dead-letters")
                .then().statusCode(200).extract().jsonPath().<String>getList("items.caseNumber").contains(caseNumber));
        // The announcement would have been written with the dead letter's row, in the same transaction.
        assertEquals(0, TestDatabase.outboxRows(caseNumber, EventType.EVENT_DEAD_LETTERED));
        asClaimsAdmin(ACME).get("/api/cases/" + caseNumber).then().body("stuck", equalTo(false));
    }

    @Test
    void aStuckFilterThatIsNotTrueOrFalseIsA400Problem() {
        asClaimsAdmin(ACME).queryParam("stuck", "yes").get("/api/cases")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("stuck"))
                .body("errors[0].message", equalTo("must be true or false"));
    }

    private void awaitStuck(String caseNumber, boolean stuck) {
        await().atMost(PATIENCE).untilAsserted(() -> asClaimsAdmin(ACME).get("/api/cases/" + caseNumber)
                .then().statusCode(200).body("stuck", equalTo(stuck)));
    }

    private static EventDeadLettered deadLettered(String caseNumber, String service, long id) {
        return new EventDeadLettered(caseNumber, service, id, EventType.CASE_RECEIVED.cloudEventType(),
                "Rejected: no reviewer can take this case", Instant.now());
    }

    private static Map<String, String> envelope(EventType type, String caseNumber) {
        return Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", type.cloudEventType(),
                "ce_source", "/test", "ce_subject", caseNumber, "ce_time", Instant.now().toString(),
                "content-type", "application/json");
    }

    private static String submitted() {
        return asClaimsAdmin(ACME).contentType(ContentType.JSON)
                .body(SampleDispute.application(LocalDate.now().minusDays(5)))
                .when().post("/api/cases").then().statusCode(201).extract().path("caseNumber");
    }
}
