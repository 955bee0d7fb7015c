package org.imrflow.review.api;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imrflow.http.identity.Callers;
import org.imrflow.http.identity.Roles;
import org.imrflow.review.store.DeskNotices;
import org.jboss.resteasy.reactive.server.Cancellable;

/** The signed-in reviewer's desk itself: who they are, and where its live notices stand. */
@Path("/api/desk")
@Cancellable(false)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reviews")
public class DeskResource {
    private final Callers callers;
    private final DeskNotices notices;

    DeskResource(Callers callers, DeskNotices notices) {
        this.callers = callers;
        this.notices = notices;
    }

    /** Who is at the desk, and the last notice of it so far: the page reads its lists, then listens after it. */
    public record Desk(String reviewerId,
                       @Schema(description = "The desk's last notice so far (0 before the first); open"
                               + " /api/desk/live?after=<lastSeq> to get each one after it") long lastSeq) {
    }

    @GET
    @RolesAllowed(Roles.REVIEWER)
    @WithSession
    @Operation(summary = "The signed-in reviewer's id and the number of their desk's last notice, for the live page")
    public Uni<Desk> desk() {
        String reviewerId = callers.current().reviewerId();
        return notices.lastSeq(reviewerId).map(last -> new Desk(reviewerId, last));
    }
}
