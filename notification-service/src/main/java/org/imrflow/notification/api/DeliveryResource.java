package org.imrflow.notification.api;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imrflow.http.Page;
import org.imrflow.http.PageRequest;
import org.imrflow.http.QueryParams;
import org.imrflow.http.identity.Roles;
import org.imrflow.notification.application.DeliveryCourier;
import org.imrflow.notification.domain.DeliveryStatus;
import org.imrflow.notification.store.Delivery;

import java.util.HashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Operations' view of every delivery, and redelivery. */
@Path("/api/deliveries")
@Cancellable(false)
@Tag(name = "Documents")
@RolesAllowed(Roles.OPERATIONS)
public class DeliveryResource {
    private final DeliveryCourier courier;

    DeliveryResource(DeliveryCourier courier) {
        this.courier = courier;
    }

    @GET
    @WithSession
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Deliveries, newest first, optionally by status (e.g. FAILED) and case")
    public Uni<Page<DeliveryView>> list(@QueryParam("status") String status, @QueryParam("caseNumber") String caseNumber,
                                        @BeanParam @Valid PageRequest page) {
        DeliveryStatus wanted = QueryParams.oneOf("status", status, DeliveryStatus.class);
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (wanted != null) {
            query.append(" and status = :status");
            parameters.put("status", wanted);
        }
        if (caseNumber != null && !caseNumber.isBlank()) {
            query.append(" and caseNumber = :caseNumber");
            parameters.put("caseNumber", caseNumber.strip());
        }
        return Page.of(Delivery.find(query + " order by coalesce(lastAttemptAt, nextAttemptAt) desc, deliveryId", parameters),
                page, DeliveryView::of);
    }

    @POST
    @Path("/{deliveryId}/redelivery")
    @WithTransaction
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a delivery again (a failed one, or one the party lost); 409 while it is still queued or"
            + " retrying")
    public Uni<Response> redeliver(@PathParam("deliveryId") String deliveryId) {
        return Delivery.<Delivery>findById(ResourceIds.uuid(deliveryId, "delivery"))
                .onItem().ifNull().failWith(() -> new NotFoundException("No delivery " + deliveryId))
                .chain(delivery -> {
                    if (delivery.status.pending()) {
                        throw new ClientErrorException("Delivery " + deliveryId + " is " + delivery.status
                                + " already: its next attempt is at " + delivery.nextAttemptAt, Response.Status.CONFLICT);
                    }
                    if (delivery.target == null) {
                        throw new ClientErrorException("Delivery " + deliveryId + " has no address to send to: "
                                + delivery.lastError, Response.Status.CONFLICT);
                    }
                    return courier.redeliver(delivery);
                })
                .map(delivery -> Response.accepted(DeliveryView.of(delivery)).build());
    }
}
