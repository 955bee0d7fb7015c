package org.imrflow.events.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.imrflow.http.identity.Roles;
import org.imrflow.local.LocalStackTestResource;

import java.util.List;

/**
 * Signs a test's REST calls in as one of IMR Flow's people, with a token from the test stack's issuer, which the
 * service under test trusts: {@code SignIn.asOperations().get("/api/dead-letters")}.
 */
public final class SignIn {
    /** The sample dispute's claims administrator. */
    public static final String ACME = "acme-claims";
    public static final String OTHER_ORGANIZATION = "bay-claims";

    private SignIn() {
    }

    public static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token);
    }

    public static RequestSpecification asOperations() {
        return as(operations());
    }

    public static RequestSpecification asClaimsAdmin(String organization) {
        return as(claimsAdmin(organization));
    }

    public static RequestSpecification asReviewer(String reviewerId) {
        return as(reviewer(reviewerId));
    }

    public static String operations() {
        return LocalStackTestResource.tokenIssuer().accessToken("ops", List.of(Roles.OPERATIONS), null);
    }

    public static String claimsAdmin(String organization) {
        return LocalStackTestResource.tokenIssuer().accessToken("claims-admin-" + organization,
                List.of(Roles.CLAIMS_ADMIN), organization);
    }

    public static String reviewer(String reviewerId) {
        return LocalStackTestResource.tokenIssuer().accessToken(reviewerId, List.of(Roles.REVIEWER), null);
    }
}
