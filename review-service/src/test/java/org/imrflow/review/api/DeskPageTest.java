package org.imrflow.review.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.imrflow.events.testing.SignIn.asOperations;

/**
 * Who gets to the desk page: a browser is sent to sign in with the authorization-code flow and PKCE; an API client
 * without a token is told 401, never redirected.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "review"))
class DeskPageTest {

    @Test
    void aBrowserOpeningThePageIsSentToSignInWithPkce() {
        RestAssured.given().redirects().follow(false).get("/desk/").then().statusCode(302)
                .header("Location", containsString("/protocol/openid-connect/auth"))
                .header("Location", containsString("client_id=imrflow-web"))
                .header("Location", containsString("code_challenge_method=S256"));
    }

    @Test
    void anApiClientWithoutATokenIsTold401_notRedirected() {
        RestAssured.given().redirects().follow(false).get("/api/reviews").then().statusCode(401)
                .contentType("application/problem+json");
        RestAssured.given().redirects().follow(false).post("/api/reviews/CM26-0000001/acceptance").then().statusCode(401);
    }

    /** The page's selectors are a contract with the browser test (docs/reviewer-desk.md): they stay. */
    @Test
    void thePageHasTheSelectorsTheBrowserTestDrives() throws Exception {
        String page = resource("index.html");
        for (String id : List.of("offers", "my-cases", "connection", "save-state", "preview-letter", "letter-preview",
                "submit-determination", "worksheet-errors", "confirm-submit", "reviewer-id")) {
            assertTrue(page.contains("id=\"" + id + "\""), "#" + id);
        }
        assertTrue(page.contains("aria-live"), "the connection and new offers are announced");
        String script = resource("desk.js");
        for (String selector : List.of("'accept'", "'decline'", "'decline-reason'", "'outcome'", "'evidence-level'",
                "'rationale'", "'why-not-higher'", "dataset.caseNumber", "dataset.itemNumber", "/api/desk/live?after=")) {
            assertTrue(script.contains(selector), selector);
        }
        assertTrue(resource("desk.css").contains(":focus-visible"), "visible focus");
    }

    private static String resource(String name) throws java.io.IOException {
        try (var in = DeskPageTest.class.getClassLoader().getResourceAsStream("META-INF/resources/desk/" + name)) {
            return new String(java.util.Objects.requireNonNull(in, name).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void theDesksApiWithABearerTokenIsTheApisAsEver() {
        asOperations().redirects().follow(false).get("/api/reviews").then().statusCode(200);
    }
}
