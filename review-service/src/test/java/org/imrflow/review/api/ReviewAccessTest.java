package org.imrflow.review.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.events.testing.SampleDispute;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.imrflow.events.testing.SignIn.ACME;
import static org.imrflow.events.testing.SignIn.asClaimsAdmin;
import static org.imrflow.events.testing.SignIn.asOperations;
import static org.imrflow.events.testing.SignIn.asReviewer;

/**
 * A reviewer's desk holds only their own cases, whose worklist comes from their sign-in, and only they decide them;
 * operations sees every review but decides none; claims administrators have nothing here.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "review"))
class ReviewAccessTest {
    private static final AtomicInteger CASES = new AtomicInteger(9_500_000);

    @Test
    void theWorklistIsTheSignedInReviewersOwn() {
        String mine = ReviewInputTest.acceptedReview(EventStreamProbe.ofTestConfig(), CASES, "rev-access-01");
        String theirs = ReviewInputTest.acceptedReview(EventStreamProbe.ofTestConfig(), CASES, "rev-access-02");
        asReviewer("rev-access-01").queryParam("size", 100).get("/api/reviews").then().statusCode(200)
                .body("items.caseNumber", hasItem(mine))
                .body("items.caseNumber", not(hasItem(theirs)))
                .body("items.reviewerId", everyItem(equalTo("rev-access-01")));
        asReviewer("rev-access-01").queryParam("reviewerId", "rev-access-02").get("/api/reviews").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        asOperations().queryParam("reviewerId", "rev-access-02").get("/api/reviews").then().statusCode(200)
                .body("items.caseNumber", hasItem(theirs));
    }

    @Test
    void anotherReviewersCaseIsNotFound_andItsDeterminationIsForbidden() {
        String theirs = ReviewInputTest.acceptedReview(EventStreamProbe.ofTestConfig(), CASES, "rev-access-02");
        asReviewer("rev-access-01").get("/api/reviews/" + theirs).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        asReviewer("rev-access-01").contentType(ContentType.JSON).body(SampleDispute.determination())
                .post("/api/reviews/" + theirs + "/determination").then().statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("detail", startsWith("Only the reviewer who accepted case " + theirs));
        asReviewer("rev-access-01").contentType(ContentType.JSON).body(SampleDispute.determination())
                .post("/api/reviews/" + theirs + "/letter-preview").then().statusCode(403);
        asReviewer("rev-access-01").get("/api/reviews/" + theirs + "/draft").then().statusCode(404);
        asReviewer("rev-access-01").post("/api/reviews/" + theirs + "/acceptance").then().statusCode(404);
        asOperations().get("/api/reviews/" + theirs).then().statusCode(200).body("status", equalTo("ACCEPTED"));
    }

    @Test
    void operationsDecidesNothingAndClaimsAdministratorsSeeNothingHere() {
        String caseNumber = ReviewInputTest.acceptedReview(EventStreamProbe.ofTestConfig(), CASES, "rev-access-01");
        asOperations().contentType(ContentType.JSON).body(SampleDispute.determination())
                .post("/api/reviews/" + caseNumber + "/determination").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        asClaimsAdmin(ACME).get("/api/reviews/" + caseNumber).then().statusCode(403);
        asClaimsAdmin(ACME).get("/api/reviews").then().statusCode(403);
        RestAssured.given().get("/api/reviews").then().statusCode(401);
        asOperations().get("/api/reviews/" + caseNumber).then().statusCode(200).body("status", equalTo("ACCEPTED"));
    }

    @Test
    void everyReadOfAReviewIsInTheAccessLog() {
        String caseNumber = ReviewInputTest.acceptedReview(EventStreamProbe.ofTestConfig(), CASES, "rev-access-03");
        asReviewer("rev-access-03").get("/api/reviews/" + caseNumber).then().statusCode(200);
        asOperations().queryParam("subject", "rev-access-03").queryParam("what", "review").get("/api/access-log")
                .then().statusCode(200)
                .body("items.request", hasItem("GET /api/reviews/" + caseNumber))
                .body("items.role", everyItem(equalTo("reviewer")));
    }
}
