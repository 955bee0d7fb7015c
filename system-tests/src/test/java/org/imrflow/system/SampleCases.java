package org.imrflow.system;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.imrflow.events.testing.SampleDispute;
import org.imrflow.local.ImrService;
import org.imrflow.local.LocalSystem;
import org.imrflow.local.chaos.CaseBodies;

import java.time.Duration;
import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The sample dispute driven through a running system by its people, signed in through Keycloak: filed by
 * claims-admin-acme, and accepted and decided by rev-occmed-01 (occupational medicine treats its condition).
 */
final class SampleCases {
    static final String CLAIMS_ADMIN = "claims-admin-acme";
    static final String REVIEWER = "rev-occmed-01";

    private SampleCases() {
    }

    /** Filed, with a claim number of its own, and its records sent; returns the case number. */
    static String filedWithRecords(LocalSystem system) {
        String caseNumber = filed(system);
        recordsSent(system, caseNumber);
        return caseNumber;
    }

    /** Filed, with a claim number of its own; returns the case number. */
    static String filed(LocalSystem system) {
        return as(system, CLAIMS_ADMIN).baseUri(system.url(ImrService.INTAKE)).contentType(ContentType.JSON)
                .body(SampleDispute.application(LocalDate.now().minusDays(6), "Occupational Medicine",
                        SampleDispute.newClaimNumber()))
                .post("/api/cases").then().statusCode(201).extract().path("caseNumber");
    }

    /** The claims administrator uploads the case's medical records, one PDF, and says they are complete. */
    static String recordsSent(LocalSystem system, String caseNumber) {
        String records = "/api/cases/" + caseNumber + "/records";
        String documentId = as(system, CLAIMS_ADMIN).baseUri(system.url(ImrService.INTAKE)).contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"pr2-" + caseNumber + ".pdf\"")
                .body(CaseBodies.medicalRecord(caseNumber)).post(records).then().statusCode(201).extract().path("documentId");
        as(system, CLAIMS_ADMIN).baseUri(system.url(ImrService.INTAKE)).post(records + "/complete").then().statusCode(200);
        return documentId;
    }

    /**
     * Waits until the case is on {@link #REVIEWER}'s desk, accepted, still to be decided, with its records complete.
     * The sample's condition may go to several specialties, and the roster balances their load: when the case is
     * offered to another reviewer, operations reassign it by hand, as they would to keep a case with one reviewer.
     */
    static void awaitOnTheDesk(LocalSystem system, String caseNumber) {
        String offeredTo = awaitOffered(system, caseNumber);
        if (!offeredTo.equals(REVIEWER)) {
            as(system, "ops").baseUri(system.url(ImrService.ASSIGNMENT)).contentType(ContentType.JSON)
                    .body("{\"reviewerId\": \"" + REVIEWER + "\", \"reason\": \"the system tests' reviewer\"}")
                    .post("/api/assignments/" + caseNumber + "/reassignment").then().statusCode(200);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(system, REVIEWER).baseUri(system.url(ImrService.REVIEW))
                .get("/api/reviews/" + caseNumber).then().statusCode(200).body("status", equalTo("OFFERED")));
        accepted(system, caseNumber, REVIEWER);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(system, REVIEWER).baseUri(system.url(ImrService.REVIEW))
                .get("/api/reviews/" + caseNumber).then().statusCode(200).body("status", equalTo("ACCEPTED"))
                .body("recordsComplete", equalTo(true)));
    }

    /** Waits until assignment has offered the case to a reviewer, and returns whom. */
    static String awaitOffered(LocalSystem system, String caseNumber) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> as(system, "ops").baseUri(system.url(ImrService.ASSIGNMENT))
                .get("/api/assignments/" + caseNumber).then().extract().<String>path("reviewerId"), java.util.Objects::nonNull);
    }

    /** The reviewer accepts the case offered to them. */
    static void accepted(LocalSystem system, String caseNumber, String reviewer) {
        as(system, reviewer).baseUri(system.url(ImrService.REVIEW)).post("/api/reviews/" + caseNumber + "/acceptance")
                .then().statusCode(200);
    }

    /** Its reviewer records the sample determination. */
    static void decided(LocalSystem system, String caseNumber) {
        as(system, REVIEWER).baseUri(system.url(ImrService.REVIEW)).contentType(ContentType.JSON)
                .body(SampleDispute.determination()).post("/api/reviews/" + caseNumber + "/determination")
                .then().statusCode(200);
    }

    static RequestSpecification as(LocalSystem system, String identity) {
        return given().auth().oauth2(system.tokens().accessToken(identity));
    }
}
