package org.imrflow.assignment.api;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imrflow.assignment.application.CaseAssigner;
import org.imrflow.assignment.application.ReassignmentRefused;
import org.imrflow.assignment.store.AssignmentOffer;
import org.imrflow.assignment.store.AssignmentStatus;
import org.imrflow.assignment.store.CaseAssignment;
import org.imrflow.http.Page;
import org.imrflow.http.PageRequest;
import org.imrflow.http.QueryParams;
import org.imrflow.http.identity.Caller;
import org.imrflow.http.identity.Callers;
import org.imrflow.http.identity.ReviewerAccess;
import org.imrflow.http.identity.Roles;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/assignments")
@Cancellable(false)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assignments")
@RolesAllowed({Roles.OPERATIONS, Roles.REVIEWER})
public class AssignmentResource {
    private final Callers callers;

    private final CaseAssigner assigner;

    AssignmentResource(Callers callers, CaseAssigner assigner) {
        this.callers = callers;
        this.assigner = assigner;
    }

    @GET
    @WithSession
    @Operation(summary = "Assignments, oldest case first, by status and reviewer; a reviewer sees only their own. A waiting"
            + " case (AWAITING_REVIEWER) says since when and why")
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
                .onItem().ifNull().failWith(() -> notFound(caseNumber))
                .map(AssignmentView::of);
    }

    @GET
    @Path("/{caseNumber}/offers")
    @WithSession
    @RolesAllowed(Roles.OPERATIONS)
    @Operation(summary = "Every offer of a case, first first: to whom, why them, why not each other reviewer, and how it ended")
    public Uni<Page<OfferView>> offers(@PathParam("caseNumber") String caseNumber, @BeanParam @Valid PageRequest page) {
        return CaseAssignment.findByCaseNumber(caseNumber)
                .onItem().ifNull().failWith(() -> notFound(caseNumber))
                .chain(found -> Page.of(AssignmentOffer.ofCase(caseNumber), page, OfferView::of));
    }

    @POST
    @Path("/{caseNumber}/reassignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATIONS)
    @Operation(summary = "Take an open case from its reviewer and offer it to the reviewer named, or to the next eligible"
            + " one; 409 naming why when that cannot be done, and then nothing changes")
    public Uni<OfferView> reassign(@PathParam("caseNumber") String caseNumber, @Valid @NotNull Reassignment reassignment) {
        return assigner.reassign(caseNumber, reassignment.reviewerId(), reassignment.reason())
                .onFailure(ReassignmentRefused.class).transform(refused -> new ClientErrorException(refused.getMessage(), Response.Status.CONFLICT))
                .onItem().ifNull().failWith(() -> notFound(caseNumber))
                .map(OfferView::of);
    }

    private static NotFoundException notFound(String caseNumber) {
        return new NotFoundException("No assignment for case " + caseNumber);
    }
}
