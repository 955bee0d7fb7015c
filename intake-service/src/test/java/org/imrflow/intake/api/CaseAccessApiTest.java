package org.imrflow.intake.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.imrflow.events.testing.SampleDispute;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.imrflow.events.testing.SignIn.ACME;
import static org.imrflow.events.testing.SignIn.OTHER_ORGANIZATION;
import static org.imrflow.events.testing.SignIn.asClaimsAdmin;
import static org.imrflow.events.testing.SignIn.asOperations;
import static org.imrflow.events.testing.SignIn.asReviewer;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Who may file and see which case at intake: a claims administrator only its own organization's (another's is 404,
 * as if it did not exist), operations every one, a reviewer none; every read by a person is in the access log.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class CaseAccessApiTest {

    @Test
    void anotherOrganizationsCaseIsNotFoundAndNotListed() {
        String caseNumber = filedByAcme();
        asClaimsAdmin(OTHER_ORGANIZATION).get("/api/cases/" + caseNumber).then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("detail", equalTo("No IMR case " + caseNumber));
        asClaimsAdmin(OTHER_ORGANIZATION).queryParam("size", 100).get("/api/cases").then().statusCode(200)
                .body("items.caseNumber", not(hasItem(caseNumber)));
        asClaimsAdmin(ACME).queryParam("size", 100).get("/api/cases").then().statusCode(200)
                .body("items.caseNumber", hasItem(caseNumber))
                .body("items.claimsAdministrator", everyItem(equalTo("Acme Claims Services")));
    }

    @Test
    void operationsSeesEveryOrganizationsCasesButFilesNone() {
        String caseNumber = filedByAcme();
        asOperations().get("/api/cases/" + caseNumber).then().statusCode(200);
        asOperations().queryParam("size", 100).get("/api/cases").then().statusCode(200)
                .body("items.caseNumber", hasItem(caseNumber));
        asOperations().contentType(ContentType.JSON).body(application(SampleDispute.newClaimNumber()))
                .post("/api/cases").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void aClaimsAdministratorFilesOnlyForItsOwnOrganizationAndNothingIsStored() {
        String claim = SampleDispute.newClaimNumber();
        long before = total();
        asClaimsAdmin(OTHER_ORGANIZATION).contentType(ContentType.JSON).body(application(claim))
                .post("/api/cases").then().statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://imrflow.org/problems/forbidden"))
                .body("detail", equalTo("You may act only for your own organization, bay-claims; this is for acme-claims"));
        assertEquals(before, total());
    }

    @Test
    void theSameClaimNumberOfAnotherOrganizationIsAnotherDispute() {
        String claim = SampleDispute.newClaimNumber();
        asClaimsAdmin(ACME).contentType(ContentType.JSON).body(application(claim)).post("/api/cases").then().statusCode(201);
        String bays = application(claim).replace("\"orgId\": \"acme-claims\"", "\"orgId\": \"bay-claims\"");
        asClaimsAdmin(OTHER_ORGANIZATION).contentType(ContentType.JSON).body(bays).post("/api/cases").then().statusCode(201);
    }

    @Test
    void aReviewerHasNothingAtIntakeAndNoTokenIs401() {
        String caseNumber = filedByAcme();
        asReviewer("rev-pain-01").get("/api/cases/" + caseNumber).then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        asReviewer("rev-pain-01").get("/api/cases").then().statusCode(403);
        asReviewer("rev-pain-01").contentType(ContentType.JSON).body(application(SampleDispute.newClaimNumber()))
                .post("/api/cases").then().statusCode(403);
        RestAssured.given().get("/api/cases/" + caseNumber).then().statusCode(401);
        RestAssured.given().contentType(ContentType.JSON).body(application(SampleDispute.newClaimNumber()))
                .post("/api/cases").then().statusCode(401);
    }

    @Test
    void everyReadOfACaseByAPersonIsInTheAccessLogForOperations() {
        String caseNumber = filedByAcme();
        asClaimsAdmin(ACME).get("/api/cases/" + caseNumber).then().statusCode(200);

        List<Map<String, Object>> reads = asOperations().queryParam("subject", "claims-admin-" + ACME)
                .queryParam("what", "case").queryParam("size", 100).get("/api/access-log")
                .then().statusCode(200).extract().jsonPath().getList("items");
        Map<String, Object> read = reads.stream()
                .filter(r -> ("GET /api/cases/" + caseNumber).equals(r.get("request"))).findFirst().orElseThrow();
        assertEquals("claims-admin", read.get("role"));
        assertEquals(ACME, read.get("organization"));
        assertEquals("127.0.0.1", read.get("address"));

        asOperations().queryParam("status", "RECEIVED").get("/api/cases").then().statusCode(200);
        asOperations().queryParam("subject", "ops").queryParam("size", 1).get("/api/access-log").then().statusCode(200)
                .body("items[0].what", equalTo("cases"))
                .body("items[0].role", equalTo("operations"))
                .body("items[0].request", equalTo("GET /api/cases?status=RECEIVED"));
        asClaimsAdmin(ACME).get("/api/access-log").then().statusCode(403);
        // A case another organization could not see was not read: nothing logged for it.
        asClaimsAdmin(OTHER_ORGANIZATION).get("/api/cases/" + caseNumber).then().statusCode(404);
        asOperations().queryParam("subject", "claims-admin-" + OTHER_ORGANIZATION).queryParam("what", "case")
                .queryParam("size", 100).get("/api/access-log").then().statusCode(200)
                .body("items.request", not(hasItem("GET /api/cases/" + caseNumber)));
    }

    private static String filedByAcme() {
        return asClaimsAdmin(ACME).contentType(ContentType.JSON).body(application(SampleDispute.newClaimNumber()))
                .post("/api/cases").then().statusCode(201).extract().path("caseNumber");
    }

    private static String application(String claimNumber) {
        return SampleDispute.application(LocalDate.now().minusDays(5), "Occupational Medicine", claimNumber);
    }

    private static long total() {
        return ((Number) asOperations().get("/api/cases").then().statusCode(200).extract().path("total")).longValue();
    }
}
