package org.imrflow.notification.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imrflow.http.Problem;
import org.imrflow.notification.domain.ClientRateLimit;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.time.Clock;
import java.time.Duration;

/**
 * The public archive's API is open to anyone, so each client address gets a token bucket: a burst, then one request
 * per refill interval. Over it: 429 with Retry-After, as problem+json. Signed-in APIs are not limited here.
 */
@ApplicationScoped
public class ArchiveRateLimit {
    private static final String ARCHIVE_API = "/api/archive";

    private final ClientRateLimit limit;
    private final boolean trustForwardedFor;

    ArchiveRateLimit(@ConfigProperty(name = "imrflow.archive.rate-limit.burst") int burst,
                     @ConfigProperty(name = "imrflow.archive.rate-limit.refill-every") Duration refillEvery,
                     @ConfigProperty(name = "imrflow.archive.rate-limit.clients") int clients,
                     @ConfigProperty(name = "imrflow.archive.rate-limit.trust-forwarded-for") boolean trustForwardedFor,
                     Clock clock) {
        this.limit = new ClientRateLimit(burst, refillEvery, clients, clock);
        this.trustForwardedFor = trustForwardedFor;
    }

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        if (!path.equals(ARCHIVE_API) && !path.startsWith(ARCHIVE_API + "/")) {
            return null;
        }
        String client = client(request, http);
        ClientRateLimit.Decision decision = limit.tryAcquire(client);
        if (decision.allowed()) {
            return null;
        }
        long seconds = Math.max(1, decision.retryAfterSeconds());
        return Response.status(429)
                .type(Problem.MEDIA_TYPE)
                .header("Retry-After", Long.toString(seconds))
                .entity(Problem.of(429, "too-many-requests", "Too many requests",
                        "The public archive allows a burst of requests, then a steady rate per client; try again in "
                                + seconds + " s", path))
                .build();
    }

    /**
     * The client's address: the connection's, or behind a trusted reverse proxy the last X-Forwarded-For hop, the one
     * the proxy appended (the ones before it are the client's to write). Off by default: without such a proxy in
     * front, anyone could name themselves a new client.
     */
    private String client(ContainerRequestContext request, HttpServerRequest http) {
        String forwarded = request.getHeaderString("X-Forwarded-For");
        if (trustForwardedFor && forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            return hops[hops.length - 1].strip();
        }
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }
}
