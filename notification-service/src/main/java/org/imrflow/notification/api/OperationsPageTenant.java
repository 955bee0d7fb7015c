package org.imrflow.notification.api;

import io.quarkus.oidc.TenantResolver;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which OIDC tenant checks a request. The operations page, and whatever its signed-in browser calls without a bearer
 * token (REST and the live socket), use the "web" tenant: the authorization-code flow and its session cookie. All
 * else uses the default tenant, bearer tokens only, so an API client without a token gets 401, not a redirect.
 */
@ApplicationScoped
public class OperationsPageTenant implements TenantResolver {
    static final String WEB = "web";
    private static final String SESSION_COOKIE = "q_session_" + WEB;

    @Override
    public String resolve(RoutingContext context) {
        String path = context.normalizedPath();
        if (path.equals("/operations") || path.startsWith("/operations/")) {
            return WEB;
        }
        boolean bearer = context.request().headers().contains(HttpHeaders.AUTHORIZATION);
        // a long session is split into q_session_web_chunk_1, _2, …
        boolean signedInPage = context.request().cookies().stream().anyMatch(c -> c.getName().startsWith(SESSION_COOKIE));
        return !bearer && signedInPage && path.startsWith("/api/operations") ? WEB : null;
    }
}
