package org.imrflow.review.api;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imrflow.http.Page;
import org.imrflow.http.PageRequest;
import org.imrflow.http.QueryParams;
import org.imrflow.review.application.ReviewDesk;
import org.imrflow.review.store.Review;
import org.imrflow.review.store.ReviewStatus;

@Path("/api/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reviews")
public class ReviewResource {
    private final ReviewDesk desk;

    ReviewResource(ReviewDesk desk) {
        this.desk = desk;
    }

    @GET
    @WithSession
    @Operation(summary = "A reviewer's worklist: reviews by due date, by reviewer and status")
    public Uni<Page<ReviewView>> list(
            @QueryParam("reviewerId") String reviewerId,
            @QueryParam("status") @Parameter(schema = @Schema(implementation = ReviewStatus.class)) String status,
            @BeanParam @Valid PageRequest page) {
        return Page.of(Review.worklist(reviewerId, QueryParams.oneOf("status", status, ReviewStatus.class)), page,
                this::view);
    }

    @GET
    @Path("/{caseNumber}")
    @WithSession
    @Operation(summary = "One review, with its disputed items")
    public Uni<ReviewView> get(@PathParam("caseNumber") String caseNumber) {
        return Review.<Review>findById(caseNumber)
                .onItem().ifNull().failWith(() -> new NotFoundException("No review for case " + caseNumber))
                .map(this::view);
    }

    @POST
    @Path("/{caseNumber}/determination")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the Final Determination: every disputed item Upheld or Overturned, with its basis")
    @APIResponse(responseCode = "409", description = "The case is already decided, or another determination won a race")
    public Uni<ReviewView> decide(@PathParam("caseNumber") String caseNumber,
                                  @Valid @NotNull DeterminationRequest determination) {
        return desk.decide(caseNumber, determination.clinicalCaseSummary().strip(), determination::drafts)
                .onItem().ifNull().failWith(() -> new NotFoundException("No review for case " + caseNumber))
                .map(this::view);
    }

    private ReviewView view(Review review) {
        return ReviewView.of(review, review.items());
    }
}
