package org.imrflow.notification.api;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imrflow.http.identity.Roles;
import org.imrflow.notification.store.ArchiveHold;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Public copies the leak detector held back: operations correct the determination's text before it is published. */
@Path("/api/operations/archive-holds")
@Cancellable(false)
@Tag(name = "Operations")
@RolesAllowed(Roles.OPERATIONS)
public class ArchiveHoldResource {

    public record HeldCopy(String caseNumber, Instant heldAt, List<String> leakedKinds) {
    }

    @GET
    @WithSession
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Final Determinations whose public copy was not published because identifying values were"
            + " found in it (the kinds of field, never the values), newest first")
    public Uni<List<HeldCopy>> held() {
        return ArchiveHold.<ArchiveHold>listAll(Sort.descending("heldAt")).map(holds -> holds.stream()
                .map(hold -> new HeldCopy(hold.caseNumber, hold.heldAt, Arrays.asList(hold.leakedKinds.split(","))))
                .toList());
    }
}
