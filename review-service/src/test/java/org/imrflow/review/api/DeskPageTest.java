package org.imrflow.review.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
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

    @Test
    void theDesksApiWithABearerTokenIsTheApisAsEver() {
        asOperations().redirects().follow(false).get("/api/reviews").then().statusCode(200);
    }
}
