package org.imrflow.review.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.imrflow.events.ClaimsAdministratorGuideline;
import org.imrflow.events.DisputedItem;
import org.imrflow.events.EventType;
import org.imrflow.events.ItemCategory;
import org.imrflow.events.ReviewType;
import org.imrflow.events.ReviewerAssigned;
import org.imrflow.events.ReviewerQualifications;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.events.testing.TestDatabase;
import org.imrflow.events.testing.EventStreamProbe.StreamEvent;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.imrflow.events.testing.SignIn.asOperations;
import static org.imrflow.events.testing.SignIn.asReviewer;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "review"))
class ReviewFlowTest {
    private static final AtomicInteger CASES = new AtomicInteger(7_000_000);

    private final EventStreamProbe stream = EventStreamProbe.ofTestConfig();

    /** A case with the sample's neurotomy and an opioid, accepted by a reviewer, its records complete. */
    private String assignedCase(String reviewerId) {
        String caseNumber = "CM26-" + CASES.incrementAndGet();
        IntakeEvents.recordsComplete(stream, caseNumber, LocalDate.now().plusDays(30));
        stream.publish(EventType.REVIEWER_ASSIGNED, caseNumber, new ReviewerAssigned(caseNumber, reviewerId,
                new ReviewerQualifications("Occupational Medicine", "Occupational Medicine"), Instant.now(),
                ReviewType.STANDARD, null,
                new ClaimsAdministratorGuideline(false, "Non-MTUS Citation (ODG) Official Disability Guidelines ACOEM"),
                List.of(new DisputedItem(1, "Cervical medial branch neurotomy at bilateral C2 C3 C4", ItemCategory.INJECTIONS, "M54.2"),
                        new DisputedItem(2, "Exalgo 8mg #30", ItemCategory.PHARMACY, null))));
        ReviewInputTest.awaitAccepted(caseNumber);
        return caseNumber;
    }

    static String determination(String... itemDecisions) {
        return """
                { "clinicalCaseSummary": "The injured worker is a represented employee who has filed a claim for chronic neck pain.",
                  "decisions": [ %s ] }
                """.formatted(String.join(",", itemDecisions));
    }

    static String neurotomyOverturned() {
        return """
                { "itemNumber": 1, "outcome": "OVERTURNED",
                  "reviewerGuideline": { "evidenceLevel": "MTUS", "source": "MTUS ACOEM",
                                         "chapter": "Chapter 8 Neck and Upper Back Complaints", "pages": "174" },
                  "rationale": "The request for cervical medial branch neurotomy is medically necessary and appropriate." }
                """;
    }

    static String opioidUpheld() {
        return """
                { "itemNumber": 2, "outcome": "UPHELD",
                  "claimsAdministratorGuideline": { "basedOnMtus": true, "citation": "MTUS Chronic Pain Medical Treatment Guidelines" },
                  "reviewerGuideline": { "evidenceLevel": "MTUS", "source": "MTUS Chronic Pain Medical Treatment Guidelines",
                                         "pages": "80" },
                  "rationale": "No functional improvement with ongoing opioid therapy; the request is not medically necessary." }
                """;
    }

    @Test
    void anAssignedCaseIsOnTheReviewersWorklist() {
        String caseNumber = assignedCase("rev-worklist-01");
        asOperations().queryParam("reviewerId", "rev-worklist-01").get("/api/reviews")
                .then().statusCode(200)
                .body("items.caseNumber", contains(caseNumber))
                .body("items[0].disputedItems.description", contains(
                        "Cervical medial branch neurotomy at bilateral C2 C3 C4", "Exalgo 8mg #30"))
                .body("items[0].claimsAdministratorGuideline.basedOnMtus", equalTo(false));
    }

    @Test
    void aDeterminationOnEveryItemIsRecordedAndAnnounced() {
        String caseNumber = assignedCase("rev-occmed-01");
        asReviewer("rev-occmed-01").contentType(ContentType.JSON).body(determination(neurotomyOverturned(), opioidUpheld()))
                .when().post("/api/reviews/" + caseNumber + "/determination")
                .then().statusCode(200)
                .body("status", equalTo("DECIDED"))
                .body("decisions.outcome", contains("OVERTURNED", "UPHELD"))
                .body("decisions[0].claimsAdministratorGuideline.citation",
                        equalTo("Non-MTUS Citation (ODG) Official Disability Guidelines ACOEM"))
                .body("decisions[1].claimsAdministratorGuideline.basedOnMtus", equalTo(true));

        StreamEvent recorded = stream.awaitEvent(EventType.DECISION_RECORDED, caseNumber);
        assertEquals("/review-service", recorded.source());
        assertEquals("Cervical medial branch neurotomy at bilateral C2 C3 C4", recorded.payload().at("/decisions/0/description").asText());
        assertEquals("OVERTURNED", recorded.payload().at("/decisions/0/outcome").asText());
        assertEquals("Chapter 8 Neck and Upper Back Complaints", recorded.payload().at("/decisions/0/reviewerGuideline/chapter").asText());
        assertEquals("Occupational Medicine", recorded.payload().at("/qualifications/boardCertification").asText());

        asReviewer("rev-occmed-01").contentType(ContentType.JSON).body(determination(neurotomyOverturned(), opioidUpheld()))
                .when().post("/api/reviews/" + caseNumber + "/determination")
                .then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void everyDisputedItemMustBeDecidedAndNothingIsRecordedOtherwise() {
        String caseNumber = assignedCase("rev-occmed-01");
        asReviewer("rev-occmed-01").contentType(ContentType.JSON).body(determination(neurotomyOverturned()))
                .when().post("/api/reviews/" + caseNumber + "/determination")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("decisions"))
                .body("errors[0].message", containsString("Exalgo 8mg #30"));
        asOperations().get("/api/reviews/" + caseNumber).then().body("status", equalTo("ACCEPTED"));
    }

    @Test
    void aDecisionOnAnItemTheCaseDoesNotHaveIsRefused() {
        String caseNumber = assignedCase("rev-occmed-01");
        asReviewer("rev-occmed-01").contentType(ContentType.JSON)
                .body(determination(neurotomyOverturned(), opioidUpheld(), neurotomyOverturned().replace("\"itemNumber\": 1", "\"itemNumber\": 9")))
                .when().post("/api/reviews/" + caseNumber + "/determination")
                .then().statusCode(400)
                .body("errors.field", contains("decisions[2].itemNumber"));
    }

    @Test
    void anIncompleteDecisionNamesEachMissingField() {
        String caseNumber = assignedCase("rev-occmed-01");
        asReviewer("rev-occmed-01").contentType(ContentType.JSON)
                .body("{ \"clinicalCaseSummary\": \" \", \"decisions\": [ { \"itemNumber\": 1, \"reviewerGuideline\": {} } ] }")
                .when().post("/api/reviews/" + caseNumber + "/determination")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("clinicalCaseSummary", "decisions[0].outcome",
                        "decisions[0].rationale", "decisions[0].reviewerGuideline.evidenceLevel",
                        "decisions[0].reviewerGuideline.source"));
    }

    @Test
    void anUnknownOutcomeIsNamed() {
        String caseNumber = assignedCase("rev-occmed-01");
        asReviewer("rev-occmed-01").contentType(ContentType.JSON).body(determination(neurotomyOverturned().replace("OVERTURNED", "APPROVED")))
                .when().post("/api/reviews/" + caseNumber + "/determination")
                .then().statusCode(400)
                .body("errors.field", contains("decisions[0].outcome"))
                .body("errors[0].message", equalTo("must be one of [UPHELD, OVERTURNED]"));
    }

    @Test
    void anUnknownCaseIsNotFound() {
        asOperations().get("/api/reviews/CM26-0000000").then().statusCode(404).contentType("application/problem+json");
        asReviewer("rev-occmed-01").contentType(ContentType.JSON).body(determination(neurotomyOverturned()))
                .when().post("/api/reviews/CM26-0000000/determination")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theWorklistFiltersByStatus() {
        String reviewer = "rev-filter-" + CASES.incrementAndGet();
        String pending = assignedCase(reviewer);
        String decided = assignedCase(reviewer);
        asReviewer(reviewer).contentType(ContentType.JSON).body(determination(neurotomyOverturned(), opioidUpheld()))
                .when().post("/api/reviews/" + decided + "/determination").then().statusCode(200);

        asOperations().queryParam("reviewerId", reviewer).queryParam("status", "DECIDED").get("/api/reviews")
                .then().statusCode(200).body("items.caseNumber", contains(decided)).body("total", equalTo(1));
        asOperations().queryParam("reviewerId", reviewer).queryParam("status", "ACCEPTED").get("/api/reviews")
                .then().statusCode(200).body("items.caseNumber", contains(pending)).body("total", equalTo(1));
        asOperations().queryParam("reviewerId", reviewer).get("/api/reviews")
                .then().statusCode(200).body("items.caseNumber", containsInAnyOrder(pending, decided));
    }

    @Test
    void ofDeterminationsSentAtOnceExactlyOneIsRecordedAndAnnouncedAndTheOthersGet409() throws Exception {
        String caseNumber = assignedCase("rev-race-01");
        int racers = 6;
        ExecutorService reviewers = Executors.newFixedThreadPool(racers);
        List<Integer> statuses;
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                answers.add(reviewers.submit(() -> {
                    start.await();
                    return asReviewer("rev-race-01").contentType(ContentType.JSON).body(determination(neurotomyOverturned(), opioidUpheld()))
                            .when().post("/api/reviews/" + caseNumber + "/determination").then()
                            .extract().statusCode();
                }));
            }
            start.countDown();
            statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
        } finally {
            reviewers.shutdown();
        }
        assertEquals(1, statuses.stream().filter(status -> status == 200).count(), "statuses " + statuses);
        assertEquals(racers - 1, statuses.stream().filter(status -> status == 409).count(), "statuses " + statuses);
        stream.awaitEvent(EventType.DECISION_RECORDED, caseNumber);
        // Every request has been answered, so every transaction has ended: what the outbox holds is final.
        assertEquals(1L, TestDatabase.outboxRows(caseNumber, EventType.DECISION_RECORDED), "one decision-recorded for the case");
        assertEquals(1, stream.readAll(EventType.DECISION_RECORDED, caseNumber).size());
    }
}
