package org.imrflow.assignment.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.imrflow.events.EventType;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.events.testing.TestDatabase;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.imrflow.assignment.api.Fixtures.accept;
import static org.imrflow.assignment.api.Fixtures.acceptedCase;
import static org.imrflow.assignment.api.Fixtures.addReviewer;
import static org.imrflow.assignment.api.Fixtures.assignment;
import static org.imrflow.assignment.api.Fixtures.awaitStatus;
import static org.imrflow.assignment.api.Fixtures.declineUntilWaiting;
import static org.imrflow.assignment.api.Fixtures.offeredCase;
import static org.imrflow.assignment.api.Fixtures.offers;
import static org.imrflow.assignment.api.Fixtures.reason;
import static org.imrflow.assignment.api.Fixtures.reviewer;
import static org.imrflow.events.testing.SignIn.ACME;
import static org.imrflow.events.testing.SignIn.asClaimsAdmin;
import static org.imrflow.events.testing.SignIn.asOperations;
import static org.imrflow.events.testing.SignIn.asReviewer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** What operations do by hand: reassign a case, edit, deactivate and reactivate a reviewer. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "assignment"))
class ReassignmentTest {
    private final EventStreamProbe stream = EventStreamProbe.ofTestConfig();

    /** A spine surgeon of this test's own, qualified and conflict-free. */
    private static String ownSpineSurgeon() {
        String id = "rev-spine-ops-" + Fixtures.next();
        addReviewer(reviewer(id, "Orthopedic Surgery"));
        return id;
    }

    private static ValidatableResponse reassign(String caseNumber, String body) {
        return asOperations().contentType(ContentType.JSON).body(body).post("/api/assignments/" + caseNumber + "/reassignment").then();
    }

    @Test
    void operationsReassignToTheReviewerTheyName() throws Exception {
        String caseNumber = offeredCase(stream);
        String named = ownSpineSurgeon();
        String before = assignment(caseNumber).getString("reviewerId");

        reassign(caseNumber, "{ \"reviewerId\": \"" + named + "\", \"reason\": \"Reviewer on leave until March\" }")
                .statusCode(200)
                .body("offerNumber", equalTo(2))
                .body("reviewerId", equalTo(named))
                .body("whyOffered", equalTo("REASSIGNED_BY_OPERATIONS"))
                .body("operationsNote", equalTo("Reviewer on leave until March"));
        JsonPath now = assignment(caseNumber);
        assertEquals("OFFERED", now.getString("status"));
        assertEquals(named, now.getString("reviewerId"));
        JsonPath history = offers(caseNumber);
        assertEquals("REASSIGNED", history.getString("items[0].outcome"));
        assertEquals(before, history.getString("items[0].reviewerId"));
        assertEquals("holds the offer being reassigned", reason(caseNumber, 2, before));
        assertEquals(named, stream.awaitEvents(EventType.REVIEWER_ASSIGNED, caseNumber, 2).get(1).payload().get("reviewerId").asText());
    }

    @Test
    void operationsReassignAnAcceptedCaseToTheNextEligibleReviewer() {
        String caseNumber = acceptedCase(stream);
        String before = assignment(caseNumber).getString("reviewerId");

        String next = reassign(caseNumber, "{ \"reason\": \"Rebalancing the desks\" }").statusCode(200)
                .extract().path("reviewerId");
        assertNotEquals(before, next);
        assertEquals("OFFERED", assignment(caseNumber).getString("status"));
        assertEquals("REASSIGNED", offers(caseNumber).getString("items[0].outcome"));
        assertEquals("ACCEPTED", offers(caseNumber).getString("items[0].answer"));
    }

    @Test
    void aReviewerWhoMayNotHaveTheCaseIsRefusedNamingWhyAndNothingChanges() throws Exception {
        String caseNumber = offeredCase(stream);
        String own = caseNumber.substring(5);
        String conflicted = "rev-spine-conflicted-" + own;
        addReviewer(reviewer(conflicted, "Orthopedic Surgery", "[ { \"kind\": \"UR_ORGANIZATION\", \"id\": \"ur-" + own + "\" } ]"));
        String holder = assignment(caseNumber).getString("reviewerId");

        reassign(caseNumber, "{ \"reviewerId\": \"" + conflicted + "\", \"reason\": \"Asked for by name\" }")
                .statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("Reviewer " + conflicted + " may not take case " + caseNumber + ": conflict: UR organization"));
        reassign(caseNumber, "{ \"reviewerId\": \"rev-chiro-01\", \"reason\": \"Asked for by name\" }")
                .statusCode(409).body("detail", containsString("specialty Chiropractic does not treat SURGERY of M51.26"));
        reassign(caseNumber, "{ \"reviewerId\": \"" + holder + "\", \"reason\": \"Asked for by name\" }")
                .statusCode(409).body("detail", containsString("holds the offer being reassigned"));
        reassign(caseNumber, "{ \"reviewerId\": \"nobody-at-all\", \"reason\": \"Asked for by name\" }")
                .statusCode(409).body("detail", containsString("not on the roster"));

        JsonPath now = assignment(caseNumber);
        assertEquals(1, now.getInt("offerNumber"));
        assertEquals(holder, now.getString("reviewerId"));
        assertEquals(1L, TestDatabase.outboxRows(caseNumber, EventType.REVIEWER_ASSIGNED));
        assertEquals(1, offers(caseNumber).getInt("total"));
    }

    @Test
    void aClosedOrUnknownCaseCannotBeReassignedAndTheBodyIsChecked() {
        String caseNumber = offeredCase(stream);
        String reviewerId = assignment(caseNumber).getString("reviewerId");
        stream.publish(EventType.DECISION_RECORDED, caseNumber, AssignmentFlowTest.decided(caseNumber, reviewerId));
        awaitStatus(caseNumber, "DECIDED");
        reassign(caseNumber, "{ \"reason\": \"Too late\" }").statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("Case " + caseNumber + " is DECIDED: there is nothing to reassign"));

        reassign("CM26-0000000", "{ \"reason\": \"Who?\" }").statusCode(404).contentType("application/problem+json");
        reassign(caseNumber, "{ \"reviewerId\": \"Bad Id\", \"reason\": \"" + "x".repeat(501) + "\" }")
                .statusCode(400).body("errors.field", equalTo(List.of("reason", "reviewerId")));
        reassign(caseNumber, "{ }").statusCode(400).body("errors.field", equalTo(List.of("reason")));
    }

    @Test
    void deactivationMovesTheReviewersOpenCasesToOthersAndKeepsTheirHistory() throws Exception {
        String offered = offeredCase(stream);
        String accepted = offeredCase(stream);
        String leaving = ownSpineSurgeon();
        for (String caseNumber : List.of(offered, accepted)) {
            reassign(caseNumber, "{ \"reviewerId\": \"" + leaving + "\", \"reason\": \"Their specialty\" }").statusCode(200);
        }
        accept(stream, accepted, 2, leaving);
        awaitStatus(accepted, "ACCEPTED");

        asOperations().post("/api/reviewers/" + leaving + "/deactivation").then().statusCode(200)
                .body("active", equalTo(false));

        for (String caseNumber : List.of(offered, accepted)) {
            JsonPath now = assignment(caseNumber);
            assertEquals("OFFERED", now.getString("status"), caseNumber);
            assertEquals(3, now.getInt("offerNumber"));
            assertNotEquals(leaving, now.getString("reviewerId"));
            JsonPath history = offers(caseNumber);
            assertEquals("REVIEWER_DEACTIVATED", history.getString("items[1].outcome"));
            assertEquals("REVIEWER_DEACTIVATED", history.getString("items[2].whyOffered"));
            assertEquals("inactive", reason(caseNumber, 3, leaving));
        }
        asOperations().get("/api/reviewers/" + leaving).then().statusCode(200).body("active", equalTo(false));
        asOperations().delete("/api/reviewers/" + leaving).then().statusCode(405);

        asOperations().post("/api/reviewers/" + leaving + "/reactivation").then().statusCode(200).body("active", equalTo(true));
    }

    @Test
    void aCaseNobodyElseMayTakeStaysWithItsDeactivatedReviewerUntilSomeoneMay() throws Exception {
        // every spine surgeon on the roster declines; one who joins then is offered the case, the only one who may
        String caseNumber = offeredCase(stream);
        declineUntilWaiting(stream, caseNumber);
        String leaving = ownSpineSurgeon();
        JsonPath held = assignment(caseNumber);
        assertEquals(leaving, held.getString("reviewerId"));

        long toldBefore = TestDatabase.outboxRows(caseNumber, EventType.NO_REVIEWER_AVAILABLE);
        asOperations().post("/api/reviewers/" + leaving + "/deactivation").then().statusCode(200);
        JsonPath stays = assignment(caseNumber);
        assertEquals("OFFERED", stays.getString("status"), "not taken from the desk review still shows it on");
        assertEquals(leaving, stays.getString("reviewerId"));
        assertEquals(held.getInt("offerNumber"), stays.getInt("offerNumber"));
        assertEquals(toldBefore, TestDatabase.outboxRows(caseNumber, EventType.NO_REVIEWER_AVAILABLE), "it does not wait");

        // someone who may take it joins: the sweep moves it
        String joining = ownSpineSurgeon();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asOperations().get("/api/assignments/" + caseNumber)
                .then().body("reviewerId", equalTo(joining)).body("offerNumber", equalTo(held.getInt("offerNumber") + 1)));
        JsonPath history = offers(caseNumber);
        int last = history.getList("items").size() - 1;
        assertEquals("REVIEWER_DEACTIVATED", history.getString("items[" + (last - 1) + "].outcome"));
        assertEquals("REVIEWER_DEACTIVATED", history.getString("items[" + last + "].whyOffered"));
    }

    @Test
    void aProfileEditThatMakesAConflictMovesTheReviewersOpenCase() throws Exception {
        String caseNumber = offeredCase(stream);
        String conflicted = ownSpineSurgeon();
        reassign(caseNumber, "{ \"reviewerId\": \"" + conflicted + "\", \"reason\": \"Their specialty\" }").statusCode(200);
        accept(stream, caseNumber, 2, conflicted);
        awaitStatus(caseNumber, "ACCEPTED");

        // operations learn that the surgeon works for the case's employer
        int version = asOperations().get("/api/reviewers/" + conflicted).then().extract().path("version");
        String employer = "95-" + caseNumber.substring(5);
        String edited = reviewer(conflicted, "Orthopedic Surgery", "[ { \"kind\": \"EMPLOYER\", \"id\": \"" + employer + "\" } ]")
                .replace("\"affiliations\"", "\"version\": " + version + ", \"affiliations\"");
        asOperations().contentType(ContentType.JSON).body(edited).put("/api/reviewers/" + conflicted).then().statusCode(200);

        JsonPath now = assignment(caseNumber);
        assertEquals("OFFERED", now.getString("status"));
        assertEquals(3, now.getInt("offerNumber"));
        assertNotEquals(conflicted, now.getString("reviewerId"));
        JsonPath history = offers(caseNumber);
        assertEquals("REVIEWER_INELIGIBLE", history.getString("items[1].outcome"));
        assertEquals("REVIEWER_INELIGIBLE", history.getString("items[2].whyOffered"));
        assertEquals("conflict: employer", reason(caseNumber, 3, conflicted));
    }

    @Test
    void aCaseLeftWithADeactivatedReviewerIsMovedByTheSweep() throws Exception {
        String caseNumber = offeredCase(stream);
        String leaving = ownSpineSurgeon();
        reassign(caseNumber, "{ \"reviewerId\": \"" + leaving + "\", \"reason\": \"Their specialty\" }").statusCode(200);
        // As if a deactivation had stopped after its commit, before moving the case.
        TestDatabase.execute("update reviewer set active = false where id = '" + leaving + "'");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asOperations().get("/api/assignments/" + caseNumber)
                .then().body("offerNumber", equalTo(3)).body("reviewerId", not(equalTo(leaving))));
        assertEquals("REVIEWER_DEACTIVATED", offers(caseNumber).getString("items[2].whyOffered"));
    }

    @Test
    void aProfileIsReplacedWithTheVersionReadAndAStaleOneIsAConflict() {
        String id = "rev-edit-" + Fixtures.next();
        addReviewer(reviewer(id, "Input Testing"));
        int version = asOperations().get("/api/reviewers/" + id).then().extract().path("version");
        String renewed = reviewer(id, "Input Testing").replace("\"affiliations\": []",
                "\"affiliations\": [], \"version\": " + version).replace("\"A 100001\"", "\"A 200002\"");

        asOperations().contentType(ContentType.JSON).body(renewed).put("/api/reviewers/" + id).then().statusCode(200)
                .body("californiaLicence.number", equalTo("A 200002"))
                .body("version", equalTo(version + 1));
        asOperations().contentType(ContentType.JSON).body(renewed).put("/api/reviewers/" + id).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("Reviewer " + id + " was changed since version " + version + " (it is at "
                        + (version + 1) + "); read it again and retry"));

        asOperations().contentType(ContentType.JSON).body(reviewer(id, "Input Testing")).put("/api/reviewers/" + id)
                .then().statusCode(400).body("errors.field", equalTo(List.of("version")));
        asOperations().contentType(ContentType.JSON).body(renewed).put("/api/reviewers/rev-someone-else")
                .then().statusCode(400).body("errors.field", equalTo(List.of("id")));
        asOperations().contentType(ContentType.JSON)
                .body(renewed.replace("\"version\": " + version, "\"version\": " + (version + 1) + ", \"active\": false"))
                .put("/api/reviewers/" + id).then().statusCode(400).body("errors.field", equalTo(List.of("active")));
        String nobody = "rev-nobody-" + Fixtures.next();
        asOperations().contentType(ContentType.JSON).body(reviewer(nobody, "Input Testing")
                        .replace("\"affiliations\": []", "\"affiliations\": [], \"version\": 0"))
                .put("/api/reviewers/" + nobody).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void onlyOperationsMayReassignEditDeactivateOrReadTheOffersAndTheRules() {
        String caseNumber = offeredCase(stream);
        String holder = assignment(caseNumber).getString("reviewerId");
        for (RequestSpecification who : List.of(asReviewer(holder), asClaimsAdmin(ACME))) {
            who.get("/api/matching-rules").then().statusCode(403).contentType(startsWith("application/problem+json"));
        }
        for (RequestSpecification who : List.of(asReviewer(holder), asClaimsAdmin(ACME))) {
            who.get("/api/assignments/" + caseNumber + "/offers").then().statusCode(403);
        }
        for (RequestSpecification who : List.of(asReviewer(holder), asClaimsAdmin(ACME))) {
            who.contentType(ContentType.JSON).body("{ \"reason\": \"Mine now\" }")
                    .post("/api/assignments/" + caseNumber + "/reassignment").then().statusCode(403);
        }
        for (RequestSpecification who : List.of(asReviewer(holder), asClaimsAdmin(ACME))) {
            who.contentType(ContentType.JSON).body(reviewer(holder, "Orthopedic Surgery")).put("/api/reviewers/" + holder)
                    .then().statusCode(403);
        }
        for (String change : List.of("deactivation", "reactivation")) {
            for (RequestSpecification who : List.of(asReviewer(holder), asClaimsAdmin(ACME))) {
                who.post("/api/reviewers/" + holder + "/" + change).then().statusCode(403);
            }
        }
        asOperations().get("/api/reviewers/" + holder).then().body("active", equalTo(true));
        assertEquals(1, assignment(caseNumber).getInt("offerNumber"));
        // The reviewer sees their own assignment, but never the offers' reasons.
        asReviewer(holder).get("/api/assignments/" + caseNumber).then().statusCode(200);
    }
}
