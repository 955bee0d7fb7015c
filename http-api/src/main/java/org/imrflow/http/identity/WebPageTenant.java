package org.imrflow.http.identity;

import io.quarkus.oidc.TenantResolver;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * Which OIDC tenant checks a request, in a service that serves a browser page. The page ({@code imrflow.web.page-path},
 * e.g. {@code /desk}), and whatever its signed-in browser calls without a bearer token under
 * {@code imrflow.web.api-paths} (REST and the live socket), use the "web" tenant: the authorization-code flow and its
 * session cookie. All else uses the default tenant, bearer tokens only, so an API client without a token gets 401, not
 * a redirect. A service without a page-path has no page: everything is the default tenant's.
 */
@ApplicationScoped
public class WebPageTenant implements TenantResolver {
    public static final String WEB = "web";
    private static final String SESSION_COOKIE = "q_session_" + WEB;

    private final Optional<String> pagePath;
    private final List<String> apiPaths;

    WebPageTenant(@ConfigProperty(name = "imrflow.web.page-path") Optional<String> pagePath,
                  @ConfigProperty(name = "imrflow.web.api-paths") Optional<List<String>> apiPaths) {
        this.pagePath = pagePath;
        this.apiPaths = apiPaths.orElse(List.of());
    }

    @Override
    public String resolve(RoutingContext context) {
        boolean bearer = context.request().headers().contains(HttpHeaders.AUTHORIZATION);
        // a long session is split into q_session_web_chunk_1, _2, …
        boolean signedIn = context.request().cookies().stream().anyMatch(c -> c.getName().startsWith(SESSION_COOKIE));
        return tenant(context.normalizedPath(), bearer, signedIn);
    }

    /** The tenant of a request for {@code path}: "web", or null for the default. */
    String tenant(String path, boolean bearer, boolean signedIn) {
        if (pagePath.isEmpty()) {
            return null;
        }
        if (under(path, pagePath.get())) {
            return WEB;
        }
        return !bearer && signedIn && apiPaths.stream().anyMatch(prefix -> under(path, prefix)) ? WEB : null;
    }

    /**
     * Whether a call of the signed-in page could have been forged by another site: one that changes something, made
     * with the session cookie alone (the web tenant's), without the {@code X-Requested-With} header the pages send. A
     * browser sends that header cross-site only after a CORS preflight, which the services never grant.
     */
    boolean forgeable(String method, String path, boolean bearer, boolean signedIn, boolean requestedWith) {
        boolean changes = !List.of("GET", "HEAD", "OPTIONS").contains(method);
        return changes && !requestedWith && WEB.equals(tenant(path, bearer, signedIn));
    }

    /** Refuses a page's call that could have been forged by another site (see {@link #forgeable}). */
    @org.jboss.resteasy.reactive.server.ServerRequestFilter(preMatching = true)
    public void refuseForgeableCalls(jakarta.ws.rs.container.ContainerRequestContext request) {
        boolean bearer = request.getHeaderString(HttpHeaders.AUTHORIZATION.toString()) != null;
        boolean signedIn = request.getCookies().keySet().stream().anyMatch(name -> name.startsWith(SESSION_COOKIE));
        boolean requestedWith = request.getHeaderString("X-Requested-With") != null;
        String path = request.getUriInfo().getPath();
        if (forgeable(request.getMethod(), path.startsWith("/") ? path : "/" + path, bearer, signedIn, requestedWith)) {
            throw new AccessDeniedException("A signed-in page's call that changes something must say X-Requested-With");
        }
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
