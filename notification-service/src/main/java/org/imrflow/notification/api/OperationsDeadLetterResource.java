package org.imrflow.notification.api;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imrflow.http.identity.Roles;
import org.imrflow.notification.application.SpineHealth;

import java.util.Map;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * Each service's dead letters, listed and replayed from the operations page. The page has one origin (this service),
 * so these calls go on to the service that holds the dead letters, with the operator's own access token: that service
 * checks the operations role itself, and its access log names the operator.
 */
@Path("/api/operations/dead-letters/{service}")
@Cancellable(false)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATIONS)
@Tag(name = "Operations")
public class OperationsDeadLetterResource {
    private final Map<String, SpineHealth.Services.Endpoints> services;
    private final SecurityIdentity caller;
    private final HttpClient http;
    private final String ownName;

    OperationsDeadLetterResource(SpineHealth.Services services, SecurityIdentity caller, Vertx vertx,
                                 @ConfigProperty(name = "quarkus.application.name") String ownName) {
        this.services = services.services();
        this.ownName = ownName;
        this.caller = caller;
        this.http = vertx.createHttpClient();
    }

    @GET
    @Operation(summary = "A service's dead letters (its GET /api/dead-letters, with the same query)")
    public Uni<Response> list(@PathParam("service") String service, @Context UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        return forward(HttpMethod.GET, service, uri, "/api/dead-letters" + (query == null ? "" : "?" + query));
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Replays one of a service's dead letters (its POST /api/dead-letters/{id}/replay)")
    public Uni<Response> replay(@PathParam("service") String service, @PathParam("id") long id, @Context UriInfo uri) {
        return forward(HttpMethod.POST, service, uri, "/api/dead-letters/" + id + "/replay");
    }

    private Uni<Response> forward(HttpMethod method, String service, UriInfo uri, String pathAndQuery) {
        SpineHealth.Services.Endpoints endpoints = services.get(service);
        if (endpoints == null) {
            throw new NotFoundException("No service is called " + service + "; known: " + services.keySet());
        }
        String api = endpoints.api().orElseGet(() -> {
            if (!service.equals(ownName)) {
                throw new IllegalStateException("imrflow.spine.services." + service + ".api is not configured");
            }
            return uri.getBaseUri().toString().replaceAll("/$", "");
        });
        AccessTokenCredential token = caller.getCredential(AccessTokenCredential.class);
        RequestOptions request = new RequestOptions().setMethod(method).setAbsoluteURI(api + pathAndQuery)
                .putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken())
                .putHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
        if (method == HttpMethod.POST) {
            request.putHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON); // every service requires one
        }
        return http.request(request).chain(r -> r.send()).chain(response -> response.body().map(body ->
                Response.status(response.statusCode())
                        .type(response.getHeader(HttpHeaders.CONTENT_TYPE))
                        .entity(body.toString())
                        .build()));
    }
}
