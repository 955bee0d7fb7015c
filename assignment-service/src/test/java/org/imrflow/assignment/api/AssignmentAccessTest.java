package org.imrflow.assignment.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.imrflow.events.EventType;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.imrflow.events.testing.SignIn.ACME;
import static org.imrflow.events.testing.SignIn.asClaimsAdmin;
import static org.imrflow.events.testing.SignIn.asOperations;
import static org.imrflow.events.testing.SignIn.asReviewer;

/**
 * Who may see the roster and the assignments: operations manages the roster and sees every assignment; a reviewer
 * sees only their own assignments; a claims administrator never learns who reviews a case.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "assignment"))
class AssignmentAccessTest {

    @Test
    void onlyOperationsManagesTheRoster() {
        asOperations().get("/api/reviewers").then().statusCode(200);
        asOperations().get("/api/reviewers/rev-pain-01").then().statusCode(200);
        for (var who : new io.restassured.specification.RequestSpecification[]{asReviewer("rev-pain-01"), asClaimsAdmin(ACME)}) {
            who.get("/api/reviewers").then().statusCode(403).contentType(startsWith("application/problem+json"));
        }
        asReviewer("rev-new-01").contentType(ContentType.JSON)
                .body(AssignmentInputTest.reviewer("rev-new-01", "Dr. New", "[]")).post("/api/reviewers")
                .then().statusCode(403);
        asOperations().get("/api/reviewers/rev-new-01").then().statusCode(404);
        RestAssured.given().get("/api/reviewers").then().statusCode(401);
    }

    @Test
    void aReviewerSeesOnlyTheirOwnAssignments() {
        asReviewer("rev-pain-01").queryParam("size", 100).get("/api/assignments").then().statusCode(200)
                .body("items.reviewerId", everyItem(equalTo("rev-pain-01")));
        asReviewer("rev-pain-01").queryParam("reviewerId", "rev-ortho-01").get("/api/assignments").then().statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("detail", equalTo("A reviewer sees only their own cases"));
        asOperations().queryParam("reviewerId", "rev-ortho-01").get("/api/assignments").then().statusCode(200);
    }

    @Test
    void aReviewersOwnAssignmentIsTheirsToSeeAndAnothersIsNotFound() {
        String caseNumber = "CM26-" + (7_000_000 + new java.util.Random().nextInt(999_999));
        new EventStreamProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))
                .publish(EventType.CASE_RECEIVED, caseNumber,
                        Fixtures.caseReceived(caseNumber, Fixtures.FUSION));
        String reviewer = await().atMost(Duration.ofSeconds(30)).until(() -> asOperations()
                .get("/api/assignments/" + caseNumber).then().extract().path("reviewerId"), java.util.Objects::nonNull);

        asReviewer(reviewer).get("/api/assignments/" + caseNumber).then().statusCode(200)
                .body("reviewerId", equalTo(reviewer));
        asReviewer(reviewer + "-someone-else").get("/api/assignments/" + caseNumber).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void aClaimsAdministratorNeverSeesAssignments() {
        asClaimsAdmin(ACME).get("/api/assignments").then().statusCode(403);
        asClaimsAdmin(ACME).get("/api/assignments/CM26-0000001").then().statusCode(403);
    }
}
