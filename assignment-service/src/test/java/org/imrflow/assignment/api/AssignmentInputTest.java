package org.imrflow.assignment.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.imrflow.events.testing.RawHttp;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.imrflow.events.testing.SignIn.asOperations;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the REST fuzzer found in assignment, one test each. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "assignment"))
class AssignmentInputTest {
    private static final AtomicInteger IDS = new AtomicInteger();

    /** A reviewer whose specialty no case has, so that adding one never takes a case from another test. */
    static String reviewer(String id, String name, String affiliations) {
        return Fixtures.reviewer(id, "Input Testing", affiliations).replace("\"Dr. " + id + "\"", "\"" + name + "\"");
    }

    private static String newId() {
        return "zz-input-" + IDS.incrementAndGet();
    }

    private static ValidatableResponse add(String body) {
        return asOperations().contentType(ContentType.JSON).body(body).when().post("/api/reviewers").then();
    }

    private static ValidatableResponse refused(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
    }

    @Test
    void affiliationsAreBoundedAtAHundred() {
        String clinic = "{ \"kind\": \"EMPLOYER\", \"id\": \"clinic\" }";
        String hundredAndOne = "[" + String.join(",", Collections.nCopies(101, clinic)) + "]";
        refused(add(reviewer(newId(), "Dr. Many", hundredAndOne)), 400)
                .body("errors.field", contains("affiliations"))
                .body("errors[0].message", equalTo("size must be between 0 and 100"));
        // The fuzzer's 655,360 names, as identifiers: 100,000 of them still make a 3 MB body.
        String fuzzersList = "[" + String.join(",", Collections.nCopies(100_000, "{\"kind\":\"EMPLOYER\",\"id\":\"a\"}")) + "]";
        refused(add(reviewer(newId(), "Dr. Many", fuzzersList)), 400).body("errors.field", contains("affiliations"));
        add(reviewer(newId(), "Dr. Few", "[" + clinic + "]")).statusCode(201);
    }

    @Test
    void aNulOrControlCharactersInTheBodyAreA400NamingTheField() {
        String id = newId();
        refused(add(reviewer(id, "Dr.\\u0000Nul", "[]")), 400).body("errors.field", contains("name"));
        refused(add(reviewer(id, "\\u0001\\u0002", "[]")), 400).body("errors.field", contains("name"));
        refused(add(reviewer(id, "Dr. Ok", "[ { \"kind\": \"EMPLOYER\", \"id\": \"\\u0000\" } ]")), 400)
                .body("errors.field", contains("affiliations[0].id"));
        asOperations().get("/api/reviewers/" + id).then().statusCode(404);
    }

    @Test
    void aNulInThePathOrTheQueryIsA400NamingTheParameter() {
        refused(asOperations().get("/api/reviewers/{id}", "rev\u0000").then(), 400).body("errors.field", contains("id"));
        refused(asOperations().get("/api/assignments/{caseNumber}", "\u0000").then(), 400).body("errors.field", contains("caseNumber"));
        refused(asOperations().queryParam("reviewerId", "rev\u0000").get("/api/assignments").then(), 400)
                .body("errors.field", contains("reviewerId"));
    }

    @Test
    void badPagingAndStatusValuesAreA400NamingTheParameter() {
        refused(asOperations().queryParam("page", 2147483647).get("/api/reviewers").then(), 400).body("errors.field", contains("page"));
        refused(asOperations().queryParam("page", "abc").get("/api/assignments").then(), 400).body("errors.field", contains("page"));
        refused(asOperations().queryParam("size", "ten").get("/api/reviewers").then(), 400).body("errors.field", contains("size"));
        refused(asOperations().queryParam("status", "assigned").get("/api/assignments").then(), 400)
                .body("errors.field", contains("status"))
                .body("errors[0].message", equalTo("must be one of [AWAITING_REVIEWER, OFFERED, ACCEPTED, DECIDED, WITHDRAWN]"));
    }

    @Test
    void anActionWithoutABodyNeedsNoContentTypeButABodyDoes() {
        String id = newId();
        add(reviewer(id, "Dr. Bodyless", "[]")).statusCode(201);
        RawHttp raw = new RawHttp("localhost", RestAssured.port);
        Map<String, String> signedIn = Map.of("Authorization", "Bearer " + org.imrflow.events.testing.SignIn.operations());
        // as a browser's fetch sends a POST without a body: Content-Length 0 and no Content-Type
        RawHttp.Response deactivated = raw.send("POST", "/api/reviewers/" + id + "/deactivation", signedIn, new byte[0]);
        assertEquals(200, deactivated.status(), deactivated.bodyText());
        asOperations().get("/api/reviewers/" + id).then().statusCode(200).body("active", equalTo(false));
        RawHttp.Response untyped = raw.send("POST", "/api/reviewers", signedIn,
                reviewer(newId(), "Dr. Untyped", "[]").getBytes(StandardCharsets.UTF_8));
        assertEquals(415, untyped.status(), untyped.bodyText());
    }

    @Test
    void onlyApplicationJsonIsAccepted() {
        String id = newId();
        byte[] body = reviewer(id, "Dr. Typed", "[]").getBytes(StandardCharsets.UTF_8);
        RawHttp raw = new RawHttp("localhost", RestAssured.port);
        for (String type : new String[]{"application/json-patch+json", "application/x-www-form-urlencoded"}) {
            RawHttp.Response response = raw.send("POST", "/api/reviewers", Map.of("Content-Type", type,
                    "Authorization", "Bearer " + org.imrflow.events.testing.SignIn.operations()), body);
            assertEquals(415, response.status(), response.bodyText());
            assertTrue(response.header("content-type").startsWith("application/problem+json"));
        }
        asOperations().get("/api/reviewers/" + id).then().statusCode(404);
    }
}
