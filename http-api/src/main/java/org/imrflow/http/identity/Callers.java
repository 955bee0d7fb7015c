package org.imrflow.http.identity;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/**
 * Makes the {@link Caller} of the current request from its verified token. The claims are configuration, so that any
 * OpenID Connect provider will do: {@code imrflow.identity.reviewer-id-claim} (default {@code sub}) and
 * {@code imrflow.identity.organization-claim} (default {@code org_id}); roles come from
 * {@code quarkus.oidc.roles.role-claim-path}. Call it in a resource method: the identity, token and request are the
 * current request's.
 */
@ApplicationScoped
public class Callers {
    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final HttpServerRequest request;
    private final String reviewerIdClaim;
    private final String organizationClaim;

    Callers(SecurityIdentity identity, JsonWebToken token, HttpServerRequest request,
            @ConfigProperty(name = "imrflow.identity.reviewer-id-claim", defaultValue = "sub") String reviewerIdClaim,
            @ConfigProperty(name = "imrflow.identity.organization-claim", defaultValue = "org_id") String organizationClaim) {
        this.identity = identity;
        this.token = token;
        this.request = request;
        this.reviewerIdClaim = reviewerIdClaim;
        this.organizationClaim = organizationClaim;
    }

    public Caller current() {
        String address = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        if (identity.isAnonymous()) {
            return new Caller(null, Set.of(), null, address);
        }
        Object reviewerId = token.getClaim(reviewerIdClaim);
        Object organization = token.getClaim(organizationClaim);
        return new Caller(reviewerId == null ? identity.getPrincipal().getName() : text(reviewerId),
                Set.copyOf(identity.getRoles()), organization == null ? null : text(organization), address);
    }

    /** JSON strings may come back as JsonString, whose toString keeps the quotes. */
    private static String text(Object claim) {
        return claim instanceof jakarta.json.JsonString json ? json.getString() : claim.toString();
    }
}
