package org.imrflow.notification.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.imrflow.events.EventType;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.events.testing.SampleDispute;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.imrflow.events.testing.SignIn.ACME;
import static org.imrflow.events.testing.SignIn.OTHER_ORGANIZATION;
import static org.imrflow.events.testing.SignIn.asClaimsAdmin;
import static org.imrflow.events.testing.SignIn.asOperations;
import static org.imrflow.events.testing.SignIn.asReviewer;

/**
 * A claims administrator reads the letters of its own organization's cases only (another's is 404, as if it did not
 * exist); operations reads every letter; reviewers read none here; every read is in the access log.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class LetterAccessTest {
    private static final AtomicInteger CASES = new AtomicInteger(7_500_000);

    private final EventStreamProbe stream = EventStreamProbe.ofTestConfig();

    @Test
    void aClaimsAdministratorReadsOnlyItsOwnOrganizationsLetters() {
        String caseNumber = letterFiledBy(ACME);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asClaimsAdmin(ACME).get("/api/letters/" + caseNumber).then().statusCode(200));
        asClaimsAdmin(ACME).accept("text/plain").get("/api/letters/" + caseNumber).then().statusCode(200)
                .body(startsWith("INDEPENDENT MEDICAL REVIEW FINAL DETERMINATION"));
        asClaimsAdmin(OTHER_ORGANIZATION).get("/api/letters/" + caseNumber).then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("detail", equalTo("No letter for case " + caseNumber));
        asClaimsAdmin(OTHER_ORGANIZATION).accept("text/plain").get("/api/letters/" + caseNumber).then().statusCode(404);
        asClaimsAdmin(ACME).queryParam("size", 100).get("/api/letters").then().statusCode(200)
                .body("items.caseNumber", hasItem(caseNumber));
        asClaimsAdmin(OTHER_ORGANIZATION).queryParam("size", 100).get("/api/letters").then().statusCode(200)
                .body("items.caseNumber", not(hasItem(caseNumber)));
        asOperations().get("/api/letters/" + caseNumber).then().statusCode(200);
    }

    @Test
    void reviewersReadNoLettersHereAndNoTokenIs401() {
        asReviewer("rev-occmed-01").get("/api/letters").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        RestAssured.given().get("/api/letters").then().statusCode(401);
    }

    @Test
    void everyReadOfALetterIsInTheAccessLog() {
        String caseNumber = letterFiledBy(ACME);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asClaimsAdmin(ACME).get("/api/letters/" + caseNumber).then().statusCode(200));
        asOperations().queryParam("subject", "claims-admin-" + ACME).queryParam("what", "letter")
                .queryParam("size", 100).get("/api/access-log").then().statusCode(200)
                .body("items.request", hasItem("GET /api/letters/" + caseNumber));
    }

    /** A case filed by the organization, and its determination: notification learns both from the stream. */
    private String letterFiledBy(String organization) {
        String caseNumber = "CM26-" + CASES.incrementAndGet();
        stream.publish(EventType.CASE_RECEIVED, caseNumber, SampleDispute.caseReceived(caseNumber, organization));
        stream.publish(EventType.DECISION_RECORDED, caseNumber, LetterFlowTest.decision(caseNumber));
        return caseNumber;
    }
}
