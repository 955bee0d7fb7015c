package org.imrflow.events;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.imrflow.events.testing.ManagementInterface;
import org.imrflow.events.testing.SignIn;
import org.imrflow.http.identity.Roles;
import org.imrflow.local.LocalStackTestResource;
import org.imrflow.local.TestTokenIssuer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * Sign-in as every service has it (the events jar's dead-letter API stands for all): a token that is missing,
 * expired, wrongly signed, or from another issuer or audience gets 401 problem+json with a bearer challenge; a role
 * that may not call gets 403; health stays open.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "events"))
class SignInTest {
    private static final String PROTECTED = "/api/dead-letters";

    @Test
    void withoutATokenIs401WithTheBearerChallenge() {
        RestAssured.given().get(PROTECTED).then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer realm=\"imrflow\""))
                .header("WWW-Authenticate", not(containsString("invalid_token")))
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(401))
                .body("type", equalTo("https://imrflow.org/problems/unauthorized"));
    }

    @Test
    void aTokenThatIsNotValidHereIs401WithInvalidToken() {
        TestTokenIssuer issuer = LocalStackTestResource.tokenIssuer();
        Instant now = Instant.now();
        Map<String, String> tokens = Map.of(
                "expired", issuer.signed(claims(issuer, issuer.issuer(), TestTokenIssuer.AUDIENCE,
                        now.minus(Duration.ofHours(2)), Duration.ofMinutes(15))),
                "signed with another key", issuer.signedWithAnotherKey(claims(issuer, issuer.issuer(),
                        TestTokenIssuer.AUDIENCE, now, Duration.ofMinutes(15))),
                "from another issuer", issuer.signed(claims(issuer, "http://127.0.0.1:1/realms/elsewhere",
                        TestTokenIssuer.AUDIENCE, now, Duration.ofMinutes(15))),
                "for another audience", issuer.signed(claims(issuer, issuer.issuer(), "some-other-api", now,
                        Duration.ofMinutes(15))),
                "not a token at all", "not-a-jwt");
        tokens.forEach((what, token) -> SignIn.as(token).get(PROTECTED).then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(401)));
    }

    @Test
    void aRoleThatMayNotIs403ProblemAndTheRightOneGetsIn() {
        SignIn.asClaimsAdmin(SignIn.ACME).get(PROTECTED).then().statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(403));
        SignIn.asReviewer("rev-pain-01").post(PROTECTED + "/replay").then().statusCode(403);
        SignIn.asOperations().get(PROTECTED).then().statusCode(200);
    }

    @Test
    void healthStaysOpenOnTheManagementInterfaceWhereMetricsAreAndTheApiPortServesNeither() {
        RestAssured.given().get(ManagementInterface.url("/q/health/live")).then().statusCode(200);
        RestAssured.given().get(ManagementInterface.url("/q/metrics")).then().statusCode(200);
        RestAssured.given().get("/q/health/live").then().statusCode(404);
        RestAssured.given().get("/q/metrics").then().statusCode(404);
    }

    private static Map<String, Object> claims(TestTokenIssuer issuer, String iss, String audience, Instant issuedAt,
                                              Duration validFor) {
        return issuer.claims("ops", List.of(Roles.OPERATIONS), null, iss, audience, issuedAt, validFor);
    }
}
