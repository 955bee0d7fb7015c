package org.imrflow.assignment.api;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
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

@Path("/api/assignments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assignments")
public class AssignmentResource {

    @GET
    @WithSession
    @Operation(summary = "Assignments, oldest case first, by status and reviewer")
    public Uni<Page<AssignmentView>> list(
            @QueryParam("status") @Parameter(schema = @Schema(implementation = AssignmentStatus.class)) String status,
            @QueryParam("reviewerId") String reviewerId,
            @BeanParam @Valid PageRequest page) {
        return Page.of(CaseAssignment.listed(QueryParams.oneOf("status", status, AssignmentStatus.class), reviewerId), page,
                AssignmentView::of);
    }

    @GET
    @Path("/{caseNumber}")
    @WithSession
    @Operation(summary = "The assignment of one case")
    public Uni<AssignmentView> get(@PathParam("caseNumber") String caseNumber) {
        return CaseAssignment.findByCaseNumber(caseNumber)
                .onItem().ifNull().failWith(() -> new NotFoundException("No assignment for case " + caseNumber))
                .map(AssignmentView::of);
    }
}
