package org.imrflow.intake.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.imrflow.events.testing.RawHttp;
import org.imrflow.events.testing.SampleDispute;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import static org.imrflow.events.testing.SignIn.ACME;
import static org.imrflow.events.testing.SignIn.asClaimsAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the REST fuzzer found in intake, one test each: every one a 400 (or 413, 414, 415) naming what is wrong. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class CaseInputTest {

    private static String dispute() {
        return SampleDispute.application(LocalDate.now().minusDays(5));
    }

    private static ValidatableResponse submit(String body) {
        return asClaimsAdmin(ACME).contentType(ContentType.JSON).body(body).when().post("/api/cases").then();
    }

    private static ValidatableResponse refused(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
    }

    @Test
    void aNulInAnyBodyStringIsA400NamingTheFieldNotA500() {
        long before = total();
        refused(submit(dispute().replace("Pat Example", "Pat\\u0000Example")), 400)
                .body("errors.field", contains("employee.name"))
                .body("errors[0].message", equalTo("must not contain control characters (found U+0000)"));
        refused(submit(dispute().replace("M54.2", "M54.2\\u0000")), 400)
                .body("errors.field", contains("disputedItems[0].icd10Code"));
        assertEquals(before, total());
    }

    @Test
    void aNulInThePathOrTheQueryIsA400NamingTheParameter() {
        refused(asClaimsAdmin(ACME).get("/api/cases/{caseNumber}", "CM26-0000001\u0000").then(), 400)
                .body("errors.field", contains("caseNumber"));
        refused(asClaimsAdmin(ACME).queryParam("status", "\u0000").get("/api/cases").then(), 400)
                .body("errors.field", contains("status"));
    }

    @Test
    void textOfControlCharactersOnlyIsRefused() {
        refused(submit(dispute().replace(SampleDispute.NEUROTOMY, "\\u0001\\u0002")), 400)
                .body("errors.field", contains("disputedItems[0].description"));
        refused(submit(dispute().replace(SampleDispute.NEUROTOMY, "\\u0085")), 400)
                .body("errors.field", contains("disputedItems[0].description"));
        refused(submit(dispute().replace(SampleDispute.NEUROTOMY, "\\n\\n")), 400)
                .body("errors.field", contains("disputedItems[0].description"));
        // tabs and line breaks inside real text are fine
        submit(dispute().replace(SampleDispute.NEUROTOMY, "Neurotomy,\\tC2 to C4\\r\\nbilateral")).statusCode(201);
    }

    @Test
    void enumsTakeOnlyTheirExactNames() {
        refused(submit(dispute().replace("\"INJECTIONS\"", "\"0\"")), 400)
                .body("errors.field", contains("disputedItems[0].category"))
                .body("errors[0].message", startsWith("must be one of [PHARMACY, "));
        refused(submit(dispute().replace("\"STANDARD\"", "1")), 400)
                .body("errors.field", contains("reviewType"))
                .body("errors[0].message", equalTo("must be one of [STANDARD, EXPEDITED]"));
        refused(submit(dispute().replace("\"STANDARD\"", "\"1\"")), 400).body("errors.field", contains("reviewType"));
        refused(submit(dispute().replace("\"STANDARD\"", "\"STANDARD \"")), 400).body("errors.field", contains("reviewType"));
        refused(submit(dispute().replace("\"STANDARD\"", "\"standard\"")), 400).body("errors.field", contains("reviewType"));
    }

    @Test
    void eachPartysEmailMustBeAnAddressAndEachBadOneIsNamed() {
        refused(submit(dispute()
                .replace("\"pat.example@example.com\"", "\"pat at example\"")
                .replace("\"risk@cityfleet.example\"", "\"risk@@cityfleet\"")
                .replace("\"robin@counsel-co.example\"", "\"robin[at]counsel-co\"")), 400)
                .body("errors.field", containsInAnyOrder("employee.email", "claim.employerEmail",
                        "employee.representative.email"));
        refused(submit(dispute().replace("\"88 Clinic Way, Fresno, CA 93710\"", "\"" + "8".repeat(501) + "\"")), 400)
                .body("errors.field", contains("requestingPhysician.mailingAddress"));
    }

    @Test
    void datesAreOnlyYyyyMmDdWithAFourDigitYear() {
        for (String date : new String[]{"\"2024-02-29T00:00:00Z\"", "12000", "\"-0001-01-01\"", "\"+12024-01-01\"", "\"2023-02-29\""}) {
            refused(submit(dispute().replace("\"2005-12-27\"", date)), 400)
                    .body("errors.field", contains("claim.dateOfInjury"))
                    .body("errors[0].message", startsWith("must be a"));
        }
    }

    @Test
    void badPagingAndStatusValuesAreA400NamingTheParameter() {
        refused(asClaimsAdmin(ACME).queryParam("page", 2147483647).get("/api/cases").then(), 400)
                .body("errors.field", contains("page"))
                .body("errors[0].message", equalTo("must be a whole number from 0 to 1000000"));
        refused(asClaimsAdmin(ACME).queryParam("page", "abc").get("/api/cases").then(), 400).body("errors.field", contains("page"));
        refused(asClaimsAdmin(ACME).queryParam("page", "x").queryParam("size", "1.5").get("/api/cases").then(), 400)
                .body("errors.field", contains("page", "size"));
        refused(asClaimsAdmin(ACME).queryParam("status", "NOPE").get("/api/cases").then(), 400)
                .body("errors.field", contains("status"))
                .body("errors[0].message", equalTo("must be one of [RECEIVED, ASSIGNED, DETERMINATION_ISSUED, INELIGIBLE, DEFERRED, WITHDRAWN]"));
        asClaimsAdmin(ACME).queryParam("status", "").queryParam("page", "").get("/api/cases").then().statusCode(200);
    }

    @Test
    void onlyApplicationJsonIsAccepted() {
        long before = total();
        byte[] body = dispute().getBytes(StandardCharsets.UTF_8);
        for (String type : new String[]{"application/json-patch+json", "text/plain", "*/*"}) {
            assertProblem(raw().send("POST", "/api/cases", Map.of("Content-Type", type, "Authorization", signedIn()), body), 415);
        }
        assertProblem(raw().send("POST", "/api/cases", Map.of("Authorization", signedIn()), body), 415);
        assertEquals(before, total());
    }

    @Test
    void errorsBelowTheRestLayerAreProblemsToo() {
        assertProblem(raw().send("POST", "/api/cases", Map.of("Content-Type", "application/json"), new byte[22_020_097]), 413); // just over quarkus.http.limits.max-body-size, 21M
        assertProblem(raw().send("GET", "/api/cases?q=" + "x".repeat(5_000), Map.of(), null), 414);
        assertProblem(raw().send("GET", "api/cases", Map.of(), null), 404);
    }

    static void assertProblem(RawHttp.Response response, int status) {
        assertEquals(status, response.status(), response.bodyText());
        assertTrue(String.valueOf(response.header("content-type")).startsWith("application/problem+json"),
                "content-type " + response.header("content-type"));
        assertTrue(response.bodyText().contains("\"status\":" + status), response.bodyText());
    }

    private static String signedIn() {
        return "Bearer " + org.imrflow.events.testing.SignIn.claimsAdmin(ACME);
    }

    private static RawHttp raw() {
        return new RawHttp("localhost", RestAssured.port);
    }

    private static long total() {
        return ((Number) asClaimsAdmin(ACME).when().get("/api/cases").then().statusCode(200).extract().path("total")).longValue();
    }
}
