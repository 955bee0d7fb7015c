package org.imrflow.review.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.events.testing.SampleDispute;
import org.imrflow.events.testing.TestDatabase;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.imrflow.events.testing.SignIn.asOperations;
import static org.imrflow.events.testing.SignIn.asReviewer;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The worksheet's draft resumes on another device, and a device saving over a revision another has moved on from is
 * refused, never silently written over. It lives while the reviewer works on the case.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "review"))
class DraftFlowTest {
    private static final AtomicInteger CASES = new AtomicInteger(3_000_000);
    private static final String REVIEWER = "rev-draft-01";

    private static String acceptedCase() {
        return ReviewInputTest.acceptedReview(EventStreamProbe.ofTestConfig(), CASES, REVIEWER);
    }

    /** A device's save over {@code revision}. */
    private static ValidatableResponse save(String caseNumber, int revision, String worksheet) {
        return asReviewer(REVIEWER).contentType(ContentType.JSON)
                .body("{ \"revision\": " + revision + (worksheet.isEmpty() ? "" : ", " + worksheet) + " }")
                .put("/api/reviews/" + caseNumber + "/draft").then();
    }

    private static ValidatableResponse draft(String caseNumber) {
        return asReviewer(REVIEWER).get("/api/reviews/" + caseNumber + "/draft").then();
    }

    @Test
    void aDraftResumesOnAnotherDevice_andAStaleSaveIsRefusedWithTheCurrentRevision() {
        String caseNumber = acceptedCase();
        draft(caseNumber).statusCode(200).header("ETag", "\"0\"")
                .body("revision", equalTo(0)).body("savedAt", nullValue()).body("decisions", empty());

        // The laptop: a partial worksheet, item 1's outcome and a level below MTUS with one reason so far.
        save(caseNumber, 0, """
                "clinicalCaseSummary": "The injured worker is a represented employee",
                "decisions": [ { "itemNumber": 1, "outcome": "OVERTURNED",
                                 "reviewerGuideline": { "evidenceLevel": "EXPERT_OPINION", "source": "ACOEM",
                                                        "whyNotHigher": { "MTUS": "The MTUS does not address C2." } } } ]""")
                .statusCode(200).header("ETag", "\"1\"")
                .body("revision", equalTo(1)).body("savedAt", notNullValue());

        // The tablet opens the case: the laptop's draft, and goes on from it.
        draft(caseNumber).statusCode(200)
                .body("revision", equalTo(1))
                .body("clinicalCaseSummary", equalTo("The injured worker is a represented employee"))
                .body("decisions[0].outcome", equalTo("OVERTURNED"))
                .body("decisions[0].reviewerGuideline.evidenceLevel", equalTo("EXPERT_OPINION"))
                .body("decisions[0].reviewerGuideline.whyNotHigher.MTUS", equalTo("The MTUS does not address C2."))
                .body("decisions[0].rationale", nullValue());
        save(caseNumber, 1, """
                "clinicalCaseSummary": "The injured worker is a represented employee. From the tablet.",
                "decisions": [ { "itemNumber": 1, "outcome": "UPHELD" } ]""")
                .statusCode(200).body("revision", equalTo(2));

        // The laptop, still at revision 1, saves again: refused, and told the revision to read.
        save(caseNumber, 1, "\"clinicalCaseSummary\": \"Laptop's older text\"")
                .statusCode(409).contentType("application/problem+json").header("ETag", "\"2\"")
                .body("type", equalTo("https://imrflow.org/problems/draft-changed"))
                .body("detail", containsString("revision 2"));
        draft(caseNumber).statusCode(200).body("revision", equalTo(2))
                .body("clinicalCaseSummary", containsString("From the tablet"))
                .body("decisions.outcome", contains("UPHELD"));
    }

    @Test
    void aDraftHasTheDeterminationsSizeLimitsAndARevision() {
        String caseNumber = acceptedCase();
        save(caseNumber, 0, "\"clinicalCaseSummary\": \"" + "x".repeat(20_001) + "\"")
                .statusCode(400).body("errors.field", contains("clinicalCaseSummary"));
        save(caseNumber, 0, """
                "decisions": [ { "itemNumber": 1, "reviewerGuideline": { "whyNotHigher": { "MTUS": "%s" } } } ]"""
                .formatted("y".repeat(2_001)))
                .statusCode(400).body("errors[0].field", containsString("decisions[0].reviewerGuideline.whyNotHigher"));
        save(caseNumber, -1, "").statusCode(400).body("errors.field", contains("revision"));
        asReviewer(REVIEWER).contentType(ContentType.JSON).body("{}").put("/api/reviews/" + caseNumber + "/draft")
                .then().statusCode(400).body("errors.field", contains("revision"));
        draft(caseNumber).statusCode(200).body("revision", equalTo(0));
        asOperations().get("/api/reviews/" + caseNumber + "/draft").then().statusCode(403);
    }

    @Test
    void theDecisionEndsTheDraft() throws Exception {
        String caseNumber = acceptedCase();
        save(caseNumber, 0, "\"clinicalCaseSummary\": \"Almost done\"").statusCode(200);
        asReviewer(REVIEWER).contentType(ContentType.JSON).body(SampleDispute.determination())
                .post("/api/reviews/" + caseNumber + "/determination").then().statusCode(200);
        assertEquals(0, TestDatabase.number("select count(*) from review_draft where case_number = ?", caseNumber));
        draft(caseNumber).statusCode(409).body("type", equalTo("https://imrflow.org/problems/already-decided"));
        save(caseNumber, 1, "").statusCode(409);
    }

    @Test
    void readingTheDraftIsInTheAccessLog() {
        String caseNumber = acceptedCase();
        draft(caseNumber).statusCode(200);
        asOperations().queryParam("subject", REVIEWER).queryParam("what", "draft").queryParam("size", 100)
                .get("/api/access-log").then().statusCode(200)
                .body("items.request", hasItem("GET /api/reviews/" + caseNumber + "/draft"));
    }
}
