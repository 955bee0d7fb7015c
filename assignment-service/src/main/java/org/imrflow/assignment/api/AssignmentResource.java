package org.imrflow.assignment.api;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imrflow.assignment.store.AssignmentStatus;
import org.imrflow.assignment.store.CaseAssignment;
import org.imrflow.http.Page;
import org.imrflow.http.PageRequest;
import org.imrflow.http.QueryParams;
import org.imrflow.http.identity.Caller;
import org.imrflow.http.identity.Callers;
import org.imrflow.http.identity.ReviewerAccess;
import org.imrflow.http.identity.Roles;

@Path("/api/assignments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assignments")
@RolesAllowed({Roles.OPERATIONS, Roles.REVIEWER})
public class AssignmentResource {
    private final Callers callers;

    AssignmentResource(Callers callers) {
        this.callers = callers;
    }

    @GET
    @WithSession
    @Operation(summary = "Assignments, oldest case first, by status and reviewer; a reviewer sees only their own")
    public Uni<Page<AssignmentView>> list(
            @QueryParam("status") @Parameter(schema = @Schema(implementation = AssignmentStatus.class)) String status,
            @QueryParam("reviewerId") String reviewerId,
            @BeanParam @Valid PageRequest page) {
        String reviewer = ReviewerAccess.reviewerOfList(callers.current(), reviewerId).orElse(null);
        return Page.of(CaseAssignment.listed(QueryParams.oneOf("status", status, AssignmentStatus.class), reviewer), page,
                AssignmentView::of);
    }

    @GET
    @Path("/{caseNumber}")
    @WithSession
    @Operation(summary = "The assignment of one case; a reviewer sees only their own")
    public Uni<AssignmentView> get(@PathParam("caseNumber") String caseNumber) {
        Caller caller = callers.current();
        return CaseAssignment.findByCaseNumber(caseNumber)
                .map(found -> found != null && ReviewerAccess.maySee(caller, found.reviewerId) ? found : null)
                .onItem().ifNull().failWith(() -> new NotFoundException("No assignment for case " + caseNumber))
                .map(AssignmentView::of);
    }
}
