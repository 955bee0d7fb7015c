package org.imrflow.notification.api;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imrflow.http.InvalidRequestException;
import org.imrflow.http.Page;
import org.imrflow.http.PageRequest;
import org.imrflow.http.identity.Caller;
import org.imrflow.http.identity.Callers;
import org.imrflow.http.identity.OrganizationAccess;
import org.imrflow.http.identity.Roles;
import org.imrflow.notification.domain.InvalidWebhookTarget;
import org.imrflow.notification.domain.WebhookSignature;
import org.imrflow.notification.domain.WebhookTarget;
import org.imrflow.notification.store.WebhookSubscription;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * A claims administrator organization registers the HTTPS endpoint its systems receive documents on, and gets the
 * secret that signs them (shown once). Operations see every organization's.
 */
@Path("/api/webhooks")
@Cancellable(false)
@Tag(name = "Webhooks")
@RolesAllowed({Roles.CLAIMS_ADMIN, Roles.OPERATIONS})
public class WebhookResource {
    private final Callers callers;
    private final Clock clock;
    private final boolean allowLocal;
    private final SecureRandom random = new SecureRandom();

    WebhookResource(Callers callers, Clock clock, @ConfigProperty(name = "imrflow.webhooks.allow-local") boolean allowLocal) {
        this.callers = callers;
        this.clock = clock;
        this.allowLocal = allowLocal;
    }

    @Schema(description = "Where the organization's systems receive documents")
    public record Registration(
            @Schema(example = "https://claims.example.com/imr/webhooks") @NotBlank String url) {
    }

    /** A webhook as listed: never its secret. */
    public record WebhookView(UUID webhookId, String organization, String url, Instant createdAt, boolean active) {
        static WebhookView of(WebhookSubscription subscription) {
            return new WebhookView(subscription.subscriptionId, subscription.claimsAdministratorOrg, subscription.url,
                    subscription.createdAt, subscription.active);
        }
    }

    /** The answer to a registration: the only time the secret is shown. */
    public record RegisteredWebhook(UUID webhookId, String organization, String url, Instant createdAt, String secret) {
    }

    @POST
    @WithTransaction
    @RolesAllowed(Roles.CLAIMS_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a webhook for your organization: an HTTPS URL on a public address. The answer holds"
            + " the signing secret, shown this once")
    public Uni<Response> register(@Valid @NotNull Registration registration) {
        Caller caller = callers.current();
        String organization = OrganizationAccess.visibleOrganization(caller).orElseThrow();
        WebhookTarget target;
        try {
            target = WebhookTarget.parse(registration.url().strip(), allowLocal);
        } catch (InvalidWebhookTarget e) {
            throw new InvalidRequestException("url", e.getMessage());
        }
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.subscriptionId = UUID.randomUUID();
        subscription.claimsAdministratorOrg = organization;
        subscription.url = target.uri().toString();
        subscription.secret = WebhookSignature.newSecret(random);
        subscription.createdAt = clock.instant();
        subscription.active = true;
        return subscription.persist().map(stored -> Response.status(Response.Status.CREATED)
                .entity(new RegisteredWebhook(subscription.subscriptionId, organization, subscription.url,
                        subscription.createdAt, subscription.secret))
                .build());
    }

    @GET
    @WithSession
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Webhooks: your organization's, or every organization's for operations")
    public Uni<Page<WebhookView>> list(@BeanParam @Valid PageRequest page) {
        return OrganizationAccess.visibleOrganization(callers.current())
                .map(own -> Page.of(WebhookSubscription.find("claimsAdministratorOrg = ?1 order by createdAt, subscriptionId", own),
                        page, WebhookView::of))
                .orElseGet(() -> Page.of(WebhookSubscription.find("order by createdAt, subscriptionId"), page, WebhookView::of));
    }

    @DELETE
    @Path("/{webhookId}")
    @WithTransaction
    @Operation(summary = "Stop a webhook: nothing more is sent to it (deliveries still retrying to it fail)")
    public Uni<Response> remove(@PathParam("webhookId") String webhookId) {
        Caller caller = callers.current();
        return WebhookSubscription.<WebhookSubscription>findById(ResourceIds.uuid(webhookId, "webhook"))
                .map(found -> found != null && OrganizationAccess.maySee(caller, found.claimsAdministratorOrg) ? found : null)
                .onItem().ifNull().failWith(() -> new NotFoundException("No webhook " + webhookId))
                .invoke(found -> found.active = false)
                .map(found -> Response.noContent().build());
    }
}
