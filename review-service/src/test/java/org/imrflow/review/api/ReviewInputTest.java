package org.imrflow.review.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.imrflow.events.ClaimsAdministratorGuideline;
import org.imrflow.events.DisputedItem;
import org.imrflow.events.EventType;
import org.imrflow.events.ItemCategory;
import org.imrflow.events.ReviewType;
import org.imrflow.events.ReviewerAssigned;
import org.imrflow.events.ReviewerQualifications;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.events.testing.RawHttp;
import org.imrflow.events.testing.SampleDispute;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.imrflow.events.testing.SignIn.asOperations;
import static org.imrflow.events.testing.SignIn.asReviewer;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the REST fuzzer found in review, one test each. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "review"))
class ReviewInputTest {
    private static final AtomicInteger CASES = new AtomicInteger(8_000_000);

    /** A case with the sample's one disputed item, accepted by {@code reviewerId}, its records complete. */
    static String acceptedReview(EventStreamProbe stream, AtomicInteger cases, String reviewerId) {
        String caseNumber = assign(stream, cases, reviewerId);
        awaitAccepted(caseNumber);
        return caseNumber;
    }

    /**
     * Puts the sample's one disputed item on the desk of {@code reviewerId}, with its records complete, without waiting
     * for it to arrive.
     */
    static String assign(EventStreamProbe stream, AtomicInteger cases, String reviewerId) {
        String caseNumber = "CM26-" + cases.incrementAndGet();
        IntakeEvents.recordsComplete(stream, caseNumber, LocalDate.now().plusDays(30));
        assignOnly(stream, caseNumber, reviewerId);
        return caseNumber;
    }

    /** The assignment of the sample's one disputed item to {@code reviewerId}, and nothing about its records. */
    static void assignOnly(EventStreamProbe stream, String caseNumber, String reviewerId) {
        stream.publish(EventType.REVIEWER_ASSIGNED, caseNumber, new ReviewerAssigned(caseNumber, reviewerId,
                new ReviewerQualifications("Occupational Medicine", "Occupational Medicine"), Instant.now(),
                ReviewType.STANDARD, null,
                new ClaimsAdministratorGuideline(false, "Non-MTUS Citation (ODG) Official Disability Guidelines ACOEM"),
                List.of(new DisputedItem(1, SampleDispute.NEUROTOMY, ItemCategory.INJECTIONS, "M54.2"))));
    }

    /** Waits for the offer of the case, its records complete, and accepts it as the reviewer it was offered to. */
    static void awaitAccepted(String caseNumber) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asOperations().get("/api/reviews/" + caseNumber)
                .then().statusCode(200).body("status", equalTo("OFFERED")).body("recordsComplete", equalTo(true)));
        accept(caseNumber);
    }

    /** Accepts the offer of a case that has arrived, as the reviewer it was offered to. */
    static void accept(String caseNumber) {
        String reviewerId = asOperations().get("/api/reviews/" + caseNumber).then().statusCode(200).extract().path("reviewerId");
        asReviewer(reviewerId).post("/api/reviews/" + caseNumber + "/acceptance").then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
    }

    /** Waits until the case has reached review. */
    static void awaitArrival(String caseNumber) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asOperations().get("/api/reviews/" + caseNumber)
                .then().statusCode(200));
    }

    static void awaitReviewer(String caseNumber, String reviewerId) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asOperations().get("/api/reviews/" + caseNumber)
                .then().statusCode(200).body("reviewerId", equalTo(reviewerId)));
    }

    static boolean recordsComplete(String caseNumber) {
        return Boolean.TRUE.equals(asOperations().get("/api/reviews/" + caseNumber).then().extract().path("recordsComplete"));
    }

    /** Waits for the offer of the case to arrive, and accepts it unless the case opened withdrawn. */
    static void acceptOnArrival(String caseNumber) {
        String status = await().atMost(Duration.ofSeconds(30)).until(() -> {
            var review = asOperations().get("/api/reviews/" + caseNumber).then().extract();
            return review.statusCode() == 200 ? review.<String>path("status") : null;
        }, java.util.Objects::nonNull);
        if (status.equals("OFFERED")) {
            accept(caseNumber);
        }
    }

    private static ValidatableResponse decide(String caseNumber, String body) {
        return asReviewer("rev-input-01").contentType(ContentType.JSON).body(body)
                .when().post("/api/reviews/{caseNumber}/determination", caseNumber).then();
    }

    private static ValidatableResponse refused(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
    }

    @Test
    void aNulOrControlCharactersInTheDeterminationAreA400NamingTheFieldAndTheCaseStaysOpen() {
        String caseNumber = acceptedReview(EventStreamProbe.ofTestConfig(), CASES, "rev-input-01");
        String determination = SampleDispute.determination();
        refused(decide(caseNumber, determination.replace("is medically necessary", "is\\u0000medically necessary")), 400)
                .body("errors.field", contains("decisions[0].rationale"));
        refused(decide(caseNumber, determination.replaceFirst("\"The injured worker[^\"]*\"", "\"\\\\u0001\\\\u0002\"")), 400)
                .body("errors.field", contains("clinicalCaseSummary"));
        refused(decide(caseNumber, determination.replace("\"MTUS ACOEM\"", "\"\\n\\n\"")), 400)
                .body("errors.field", contains("decisions[0].reviewerGuideline.source"));
        asOperations().get("/api/reviews/" + caseNumber).then().body("status", equalTo("ACCEPTED"));
        decide(caseNumber, determination).statusCode(200).body("status", equalTo("DECIDED"));
    }

    /** Labor Code 4610.5(c)(2): below MTUS, the reviewer says why each higher level does not apply. */
    @Test
    void aDecisionBelowMtusWithoutItsReasonsIsA400NamingTheItemAndEachLevel_andWithThemItIsRecorded() {
        String caseNumber = acceptedReview(EventStreamProbe.ofTestConfig(), CASES, "rev-input-01");
        String expertOpinion = SampleDispute.determination().replace("\"evidenceLevel\": \"MTUS\"", "\"evidenceLevel\": \"EXPERT_OPINION\"");
        refused(decide(caseNumber, expertOpinion), 400)
                .body("errors.field", contains("decisions[0].reviewerGuideline.whyNotHigher.MTUS",
                        "decisions[0].reviewerGuideline.whyNotHigher.PEER_REVIEWED_EVIDENCE",
                        "decisions[0].reviewerGuideline.whyNotHigher.NATIONAL_PROFESSIONAL_STANDARDS"))
                .body("errors[0].message", startsWith("item 1 cites expert opinion: say why MTUS does not apply"));
        asOperations().get("/api/reviews/" + caseNumber).then().body("status", equalTo("ACCEPTED"));

        String reasoned = expertOpinion.replace("\"evidenceLevel\": \"EXPERT_OPINION\",", """
                "evidenceLevel": "EXPERT_OPINION", "whyNotHigher": {
                  "MTUS": "The MTUS does not address radiofrequency neurotomy above C3.",
                  "PEER_REVIEWED_EVIDENCE": "No controlled study covers the C2 level.",
                  "NATIONAL_PROFESSIONAL_STANDARDS": "No national society has published a standard for it." },""");
        decide(caseNumber, reasoned).statusCode(200).body("status", equalTo("DECIDED"))
                .body("decisions[0].whyNotHigher.MTUS", startsWith("The MTUS does not address"));
    }

    @Test
    void enumsTakeOnlyTheirExactNames() {
        String determination = SampleDispute.determination();
        refused(decide("CM26-0000000", determination.replace("\"OVERTURNED\"", "0")), 400)
                .body("errors.field", contains("decisions[0].outcome"))
                .body("errors[0].message", equalTo("must be one of [UPHELD, OVERTURNED]"));
        refused(decide("CM26-0000000", determination.replace("\"evidenceLevel\": \"MTUS\"", "\"evidenceLevel\": \"MTUS \"")), 400)
                .body("errors.field", contains("decisions[0].reviewerGuideline.evidenceLevel"));
    }

    @Test
    void aNulInThePathOrTheQueryIsA400NamingTheParameter() {
        refused(asOperations().get("/api/reviews/{caseNumber}", "CM26\u0000").then(), 400).body("errors.field", contains("caseNumber"));
        refused(decide("CM26\u0000", SampleDispute.determination()), 400).body("errors.field", contains("caseNumber"));
        refused(asOperations().queryParam("reviewerId", "\u0000").get("/api/reviews").then(), 400)
                .body("errors.field", contains("reviewerId"));
    }

    @Test
    void badPagingAndStatusValuesAreA400NamingTheParameter() {
        refused(asOperations().queryParam("page", 2147483647).get("/api/reviews").then(), 400).body("errors.field", contains("page"));
        refused(asOperations().queryParam("page", "1e3").get("/api/reviews").then(), 400).body("errors.field", contains("page"));
        refused(asOperations().queryParam("status", "1").get("/api/reviews").then(), 400)
                .body("errors.field", contains("status"))
                .body("errors[0].message", equalTo("must be one of [OFFERED, ACCEPTED, DECLINED, DECIDED, WITHDRAWN]"));
    }

    @Test
    void onlyApplicationJsonIsAccepted() {
        String caseNumber = acceptedReview(EventStreamProbe.ofTestConfig(), CASES, "rev-input-01");
        RawHttp.Response response = new RawHttp("localhost", RestAssured.port).send("POST",
                "/api/reviews/" + caseNumber + "/determination", Map.of("Content-Type", "application/json-patch+json",
                        "Authorization", "Bearer " + org.imrflow.events.testing.SignIn.reviewer("rev-input-01")),
                SampleDispute.determination().getBytes(StandardCharsets.UTF_8));
        assertEquals(415, response.status(), response.bodyText());
        assertTrue(response.header("content-type").startsWith("application/problem+json"));
        asOperations().get("/api/reviews/" + caseNumber).then().body("status", equalTo("ACCEPTED"));
    }
}
