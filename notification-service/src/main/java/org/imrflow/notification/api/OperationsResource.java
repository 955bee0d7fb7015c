package org.imrflow.notification.api;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.quarkus.security.identity.SecurityIdentity;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imrflow.http.Page;
import org.imrflow.http.PageRequest;
import org.imrflow.http.QueryParams;
import org.imrflow.http.identity.Roles;
import org.imrflow.notification.application.OperationsView;
import org.imrflow.notification.application.ProjectionRebuild;
import org.imrflow.notification.application.SpineHealth;
import org.imrflow.notification.application.OperationsView.CaseTimeline;
import org.imrflow.notification.application.OperationsView.Clocks;
import org.imrflow.notification.application.OperationsView.FeedEvent;
import org.imrflow.notification.domain.Pipeline;
import org.imrflow.notification.store.CaseProgress;

import java.util.List;
import org.jboss.resteasy.reactive.server.Cancellable;

/** The operations view of the whole stream: stages, clocks, reviewers, every event, and one case's timeline. */
@Path("/api/operations")
@Cancellable(false)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATIONS)
@Tag(name = "Operations")
public class OperationsResource {
    /** The order of the clocks list: soonest due first (the default), or latest due first. */
    public enum DueOrder { SOONEST_FIRST, LATEST_FIRST }

    private final OperationsView view;
    private final SpineHealth spine;
    private final ProjectionRebuild rebuild;
    private final SecurityIdentity caller;

    OperationsResource(OperationsView view, SpineHealth spine, ProjectionRebuild rebuild, SecurityIdentity caller) {
        this.view = view;
        this.spine = spine;
        this.rebuild = rebuild;
        this.caller = caller;
    }

    @GET
    @Path("/pipeline")
    @WithSession
    @Operation(summary = "How many cases stand at each stage now, and the rates into and out of each over the last minutes")
    public Uni<Pipeline> pipeline() {
        return view.pipeline();
    }

    @GET
    @Path("/events")
    @WithSession
    @Operation(summary = "Every event, newest first, optionally of one type (e.g. org.imrflow.letter-issued.v1) or one case")
    public Uni<Page<FeedEvent>> events(@QueryParam("type") String type, @QueryParam("caseNumber") String caseNumber,
                                       @BeanParam @Valid PageRequest page) {
        return view.events(QueryParams.text(type), QueryParams.text(caseNumber), page);
    }

    @GET
    @Path("/clocks")
    @WithSession
    @Operation(summary = "Open cases due in the next days and overdue ones, by due date (order=SOONEST_FIRST or "
            + "LATEST_FIRST), and the average and 90th percentile days from complete records (or their deadline) to "
            + "determination")
    public Uni<Clocks> clocks(@QueryParam("order") String order, @BeanParam @Valid PageRequest page) {
        return view.clocks(QueryParams.oneOf("order", order, DueOrder.class) == DueOrder.LATEST_FIRST, page);
    }

    @GET
    @Path("/reviewers")
    @WithSession
    @Operation(summary = "Each reviewer's open cases, decided cases and average days from assignment to decision")
    public Uni<List<CaseProgress.ReviewerLoad>> reviewers() {
        return view.reviewers();
    }

    @GET
    @Path("/spine")
    @Operation(summary = "Each service's readiness, outbox backlog and dead letters, and its consumer groups' lag per "
            + "topic and partition, as last checked")
    public SpineHealth.Spine spine() {
        return spine.current();
    }

    @POST
    @Path("/rebuild")
    @Operation(summary = "Rebuilds the operations view from the start of every topic; 409 while a rebuild runs")
    public Uni<RestResponse<ProjectionRebuild.Status>> rebuild() {
        return rebuild.start(caller.getPrincipal().getName())
                .map(status -> RestResponse.status(RestResponse.Status.ACCEPTED, status))
                .onFailure(ProjectionRebuild.RebuildRunningException.class)
                .transform(running -> new ClientErrorException(running.getMessage(), Response.Status.CONFLICT))
                .onFailure(ProjectionRebuild.NotReadyException.class)
                .transform(notReady -> new ServiceUnavailableException(notReady.getMessage()));
    }

    @GET
    @Path("/rebuild")
    @Operation(summary = "The running or last rebuild of the operations view")
    public ProjectionRebuild.Status rebuildStatus() {
        return rebuild.status();
    }

    @GET
    @Path("/cases/{caseNumber}/timeline")
    @WithSession
    @Operation(summary = "Every event of one case, oldest first, with the gaps between them; includes the reviewer id")
    public Uni<CaseTimeline> timeline(@PathParam("caseNumber") String caseNumber) {
        return view.timeline(caseNumber).map(timeline -> timeline.orElseThrow(() ->
                new NotFoundException("No event of case " + caseNumber + " has been seen")));
    }
}
