package org.imrflow.notification.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.imrflow.events.testing.RawHttp;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.imrflow.events.testing.SignIn.asOperations;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the REST fuzzer found in notification, one test each. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class LetterInputTest {

    private static ValidatableResponse refused(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
    }

    @Test
    void aNulInThePathIsA400NamingTheParameterNotA500() {
        refused(asOperations().get("/api/letters/{caseNumber}", "CM26-0000001\u0000").then(), 400)
                .body("errors.field", contains("caseNumber"));
        refused(asOperations().accept("text/plain").get("/api/letters/{caseNumber}", "\u0000").then(), 400)
                .body("errors.field", contains("caseNumber"));
    }

    @Test
    void badPagingIsA400NamingTheParameter() {
        refused(asOperations().queryParam("page", 2147483647).queryParam("size", 100).get("/api/letters").then(), 400)
                .body("errors.field", contains("page"));
        refused(asOperations().queryParam("page", "last").get("/api/letters").then(), 400).body("errors.field", contains("page"));
        refused(asOperations().queryParam("size", "").queryParam("page", "-1").get("/api/letters").then(), 400)
                .body("errors.field", contains("page"));
    }

    @Test
    void errorsBelowTheRestLayerAreProblemsToo() {
        RawHttp raw = new RawHttp("localhost", RestAssured.port);
        assertProblem(raw.send("GET", "/api/letters?q=" + "x".repeat(5_000), Map.of(), null), 414);
        assertProblem(raw.send("GET", "api/letters", Map.of(), null), 404);
        assertProblem(raw.send("GET", "/api/letters", Map.of("Content-Length", "99999999999"), null), 413);
    }

    private static void assertProblem(RawHttp.Response response, int status) {
        assertEquals(status, response.status(), response.bodyText());
        assertTrue(String.valueOf(response.header("content-type")).startsWith("application/problem+json"),
                "content-type " + response.header("content-type"));
        assertTrue(response.bodyText().contains("\"status\":" + status), response.bodyText());
    }
}
