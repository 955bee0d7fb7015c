package org.imrflow.review.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.imrflow.events.DecisionRecorded;
import org.imrflow.events.EventType;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.events.testing.SampleDispute;
import org.imrflow.events.testing.TestDatabase;
import org.imrflow.letters.DeterminationLetter;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.imrflow.events.testing.SignIn.asOperations;
import static org.imrflow.events.testing.SignIn.asReviewer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The letter preview is the Final Determination letter notification will issue for the same decision, word for word. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "review"))
class LetterPreviewTest {
    private static final AtomicInteger CASES = new AtomicInteger(2_000_000);
    private static final String REVIEWER = "rev-preview-01";
    private static final ZoneId CALIFORNIA = ZoneId.of("America/Los_Angeles");
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private final EventStreamProbe stream = EventStreamProbe.ofTestConfig();

    private static ValidatableResponse preview(String caseNumber, String determination) {
        return asReviewer(REVIEWER).contentType(ContentType.JSON).body(determination)
                .post("/api/reviews/" + caseNumber + "/letter-preview").then();
    }

    @Test
    void thePreviewIsTheLetterNotificationIssuesForTheSameDecision_andRecordsNothing() throws Exception {
        String caseNumber = ReviewInputTest.acceptedReview(stream, CASES, REVIEWER);
        String previewed = preview(caseNumber, SampleDispute.determination()).statusCode(200)
                .contentType(startsWith("text/plain")).extract().asString();
        assertTrue(previewed.startsWith("INDEPENDENT MEDICAL REVIEW FINAL DETERMINATION\nIMR Case Number: " + caseNumber
                + "\nDate of Determination: " + DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US)
                .format(LocalDate.now(CALIFORNIA))), previewed);
        assertTrue(previewed.contains("IMR Flow Review Services guideline: Decision based on MTUS ACOEM"), previewed);
        asOperations().get("/api/reviews/" + caseNumber).then().body("status", equalTo("ACCEPTED"));
        assertEquals(0, TestDatabase.outboxRows(caseNumber, EventType.DECISION_RECORDED), "a preview records nothing");

        asReviewer(REVIEWER).contentType(ContentType.JSON).body(SampleDispute.determination())
                .post("/api/reviews/" + caseNumber + "/determination").then().statusCode(200);
        DecisionRecorded recorded = JSON.treeToValue(
                stream.awaitEvent(EventType.DECISION_RECORDED, caseNumber).payload(), DecisionRecorded.class);
        // What notification does with it: the same class, the same IMRO name, dated the day it issues, in California.
        String issued = new DeterminationLetter("IMR Flow Review Services").compose(recorded, LocalDate.now(CALIFORNIA));
        assertEquals(issued, previewed);
    }

    @Test
    void thePreviewIsRefusedAsTheDeterminationWouldBe() {
        String caseNumber = ReviewInputTest.acceptedReview(stream, CASES, REVIEWER);
        preview(caseNumber, SampleDispute.determination().replace("\"evidenceLevel\": \"MTUS\"", "\"evidenceLevel\": \"PEER_REVIEWED_EVIDENCE\""))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("decisions[0].reviewerGuideline.whyNotHigher.MTUS"))
                .body("errors[0].message", startsWith("item 1 cites peer reviewed evidence: say why MTUS does not apply"));
        preview(caseNumber, "{ \"clinicalCaseSummary\": \"\", \"decisions\": [] }").statusCode(400);
        preview("CM26-0000000", SampleDispute.determination()).statusCode(404);

        String offered = "CM26-" + CASES.incrementAndGet();
        AssignmentEvents.offer(stream, offered, REVIEWER, 1, java.time.Instant.now());
        ReviewInputTest.awaitArrival(offered);
        preview(offered, SampleDispute.determination()).statusCode(403);

        String waiting = ReviewInputTest.assign(stream, CASES, "rev-preview-02");
        ReviewInputTest.awaitArrival(waiting);
        asReviewer("rev-preview-02").contentType(ContentType.JSON).body(SampleDispute.determination())
                .post("/api/reviews/" + waiting + "/letter-preview").then().statusCode(403);
    }

    @Test
    void withoutCompleteRecordsOrTheirDeadlineThePreviewWaitsToo() {
        String caseNumber = "CM26-" + CASES.incrementAndGet();
        ReviewInputTest.assignOnly(stream, caseNumber, REVIEWER);
        ReviewInputTest.acceptOnArrival(caseNumber);
        preview(caseNumber, SampleDispute.determination()).statusCode(409)
                .body("type", equalTo("https://imrflow.org/problems/records-not-ready"));
    }
}
