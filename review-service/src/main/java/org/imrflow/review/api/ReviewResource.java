package org.imrflow.review.api;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
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
import org.imrflow.events.documents.DocumentStore;
import org.imrflow.http.Page;
import org.imrflow.http.PageRequest;
import org.imrflow.http.QueryParams;
import org.imrflow.http.identity.AccessLog;
import org.imrflow.http.identity.Caller;
import org.imrflow.http.identity.Callers;
import org.imrflow.http.identity.ReviewerAccess;
import org.imrflow.http.identity.Roles;
import org.imrflow.review.application.ReviewDesk;
import org.imrflow.review.store.CaseFile;
import org.imrflow.review.store.Review;
import org.imrflow.review.store.ReviewStatus;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.function.Function;

@Path("/api/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reviews")
public class ReviewResource {
    private final ReviewDesk desk;
    private final Callers callers;
    private final AccessLog accessLog;
    private final DocumentStore documents;

    ReviewResource(ReviewDesk desk, Callers callers, AccessLog accessLog, DocumentStore documents) {
        this.desk = desk;
        this.callers = callers;
        this.accessLog = accessLog;
        this.documents = documents;
    }

    @GET
    @RolesAllowed({Roles.REVIEWER, Roles.OPERATIONS})
    @WithSession
    @Operation(summary = "A reviewer's worklist: their reviews by due date (those whose clock has not started last), by"
            + " status; status=PENDING is the open desk, a withdrawn review has status WITHDRAWN. Operations sees every"
            + " reviewer's, or one's with reviewerId")
    public Uni<Page<ReviewView>> list(
            @QueryParam("reviewerId") String reviewerId,
            @QueryParam("status") @Parameter(schema = @Schema(implementation = ReviewStatus.class)) String status,
            @BeanParam @Valid PageRequest page) {
        Caller caller = callers.current();
        String reviewer = ReviewerAccess.reviewerOfList(caller, reviewerId).orElse(null);
        return Page.of(Review.worklist(reviewer, QueryParams.oneOf("status", status, ReviewStatus.class)), page,
                        Function.<Review>identity())
                .chain(ReviewResource::views)
                .call(listed -> accessLog.read(caller, "reviews"));
    }

    @GET
    @Path("/{caseNumber}")
    @RolesAllowed({Roles.REVIEWER, Roles.OPERATIONS})
    @WithSession
    @Operation(summary = "One review, with its disputed items; a reviewer sees only their own")
    public Uni<ReviewView> get(@PathParam("caseNumber") String caseNumber) {
        Caller caller = callers.current();
        return visibleReview(caller, caseNumber)
                .call(found -> accessLog.read(caller, "review"))
                .chain(ReviewResource::view);
    }

    @GET
    @Path("/{caseNumber}/documents/{documentId}")
    @RolesAllowed({Roles.REVIEWER, Roles.OPERATIONS})
    // Declared as bytes so the byte writer is chosen (a wildcard gets JSON); the answer carries the document's own type.
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @WithSession
    @Operation(summary = "One document of the case's medical records, as received, with its media type and name;"
            + " whoever may read the review may read it")
    @APIResponse(responseCode = "404", description = "No such review for the caller, or no such document on the case")
    public Uni<RestResponse<byte[]>> document(@PathParam("caseNumber") String caseNumber,
                                              @PathParam("documentId") String documentId) {
        Caller caller = callers.current();
        return visibleReview(caller, caseNumber)
                .chain(review -> CaseFile.<CaseFile>findById(caseNumber))
                .map(file -> file == null ? null : file.document(documentId).orElse(null))
                .onItem().ifNull().failWith(() -> new NotFoundException("No document " + documentId + " on case " + caseNumber))
                .call(found -> accessLog.read(caller, "document"))
                .chain(found -> documents.get(found.sha256).map(bytes -> DocumentDownload.of(found, bytes)));
    }

    @POST
    @Path("/{caseNumber}/determination")
    @RolesAllowed(Roles.REVIEWER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the Final Determination: every disputed item Upheld or Overturned, with its basis."
            + " Only the reviewer the case is assigned to; another's case is 404")
    @APIResponse(responseCode = "409", description = "The case is already decided or withdrawn, its medical records are"
            + " neither complete nor past their deadline, or another determination won a race")
    public Uni<ReviewView> decide(@PathParam("caseNumber") String caseNumber,
                                  @Valid @NotNull DeterminationRequest determination) {
        return desk.decide(caseNumber, callers.current().reviewerId(), determination.clinicalCaseSummary().strip(),
                        determination::drafts)
                .onItem().ifNull().failWith(() -> new NotFoundException("No review for case " + caseNumber))
                .chain(ReviewResource::view);
    }

    /** The review, if the caller may see it: a reviewer only their own; another's is as if it did not exist. */
    private static Uni<Review> visibleReview(Caller caller, String caseNumber) {
        return Review.<Review>findById(caseNumber)
                .map(found -> found != null && ReviewerAccess.maySee(caller, found.reviewerId) ? found : null)
                .onItem().ifNull().failWith(() -> new NotFoundException("No review for case " + caseNumber));
    }

    private static Uni<ReviewView> view(Review review) {
        return CaseFile.<CaseFile>findById(review.caseNumber).map(file -> ReviewView.of(review, file));
    }

    private static Uni<Page<ReviewView>> views(Page<Review> reviews) {
        return CaseFile.of(reviews.items().stream().map(review -> review.caseNumber).toList())
                .map(files -> new Page<>(reviews.items().stream()
                        .map(review -> ReviewView.of(review, files.get(review.caseNumber))).toList(),
                        reviews.page(), reviews.size(), reviews.total()));
    }
}
