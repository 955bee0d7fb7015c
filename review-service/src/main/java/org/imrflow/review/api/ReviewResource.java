package org.imrflow.review.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imrflow.events.OfferDeclined.DeclineReason;
import org.imrflow.events.documents.DocumentStore;
import org.imrflow.http.InvalidRequestException;
import org.imrflow.http.Page;
import org.imrflow.http.PageRequest;
import org.imrflow.http.QueryParams;
import org.imrflow.http.identity.AccessLog;
import org.imrflow.http.identity.Caller;
import org.imrflow.http.identity.Callers;
import org.imrflow.http.identity.ReviewerAccess;
import org.imrflow.http.identity.Roles;
import org.imrflow.review.application.Drafts;
import org.imrflow.review.application.Offers;
import org.imrflow.review.application.ReviewDesk;
import org.imrflow.review.store.CaseFile;
import org.imrflow.review.store.Review;
import org.imrflow.review.store.ReviewDraft;
import org.imrflow.review.domain.ReviewStatus;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.function.Function;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/reviews")
@Cancellable(false)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reviews")
public class ReviewResource {
    private final ReviewDesk desk;
    private final Offers offers;
    private final Drafts drafts;
    private final Callers callers;
    private final AccessLog accessLog;
    private final DocumentStore documents;
    private final ObjectMapper json;

    ReviewResource(ReviewDesk desk, Offers offers, Drafts drafts, Callers callers, AccessLog accessLog,
                   DocumentStore documents, ObjectMapper json) {
        this.desk = desk;
        this.offers = offers;
        this.drafts = drafts;
        this.json = json;
        this.callers = callers;
        this.accessLog = accessLog;
        this.documents = documents;
    }

    @GET
    @RolesAllowed({Roles.REVIEWER, Roles.OPERATIONS})
    @WithSession
    @Operation(summary = "A reviewer's worklist: their reviews by due date (those whose clock has not started last), by"
            + " status; status=OFFERED are the offers to answer, status=ACCEPTED the cases to decide. Operations sees"
            + " every reviewer's, or one's with reviewerId")
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
    @Path("/{caseNumber}/acceptance")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Accept the case offered to you: from now only you record its determination (offer-accepted"
            + " goes to assignment). Another reviewer's case is 404")
    @APIResponse(responseCode = "200", description = "Accepted now, or by you already: sent again, it answers as the"
            + " first time and announces nothing")
    @APIResponse(responseCode = "409", description = "The offer is no longer open: declined, run out, moved to another"
            + " reviewer, decided or withdrawn")
    public Uni<ReviewView> accept(@PathParam("caseNumber") String caseNumber) {
        return offers.accept(caseNumber, callers.current().reviewerId())
                .onItem().ifNull().failWith(() -> noReview(caseNumber))
                .chain(ReviewResource::view);
    }

    /** Why a reviewer declines an offer. */
    public record Decline(@NotNull @Schema(enumeration = {"CONFLICT_IN_RECORDS", "UNAVAILABLE"}) DeclineReason reason) {
    }

    @POST
    @Path("/{caseNumber}/decline")
    @RolesAllowed(Roles.REVIEWER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decline the case offered to you: a conflict of interest found in the records, or unavailable."
            + " Assignment offers it to another reviewer; the due date does not move. Another reviewer's case is 404")
    @APIResponse(responseCode = "409", description = "The offer is no longer open")
    public Uni<ReviewView> decline(@PathParam("caseNumber") String caseNumber, @Valid @NotNull Decline decline) {
        if (decline.reason() == DeclineReason.TIMED_OUT) {
            throw new InvalidRequestException("reason", "TIMED_OUT is for an offer that runs out; decline with"
                    + " CONFLICT_IN_RECORDS or UNAVAILABLE");
        }
        return offers.decline(caseNumber, callers.current().reviewerId(), decline.reason())
                .onItem().ifNull().failWith(() -> noReview(caseNumber))
                .chain(ReviewResource::view);
    }

    @GET
    @Path("/{caseNumber}/draft")
    @RolesAllowed(Roles.REVIEWER)
    @WithSession
    @Operation(summary = "The worksheet's draft, as last saved from any device; revision 0 and empty when none. Only"
            + " the reviewer who accepted the case; another reviewer's case is 404")
    @APIResponse(responseCode = "403", description = "The offer is not accepted (yet), or was declined")
    @APIResponse(responseCode = "409", description = "The case is decided or withdrawn: its draft is gone")
    public Uni<RestResponse<WorksheetDraft.Saved>> draft(@PathParam("caseNumber") String caseNumber) {
        Caller caller = callers.current();
        return drafts.current(caseNumber, caller.reviewerId())
                .onItem().ifNull().failWith(() -> noReview(caseNumber))
                .call(found -> accessLog.read(caller, "draft"))
                .map(this::draftResponse);
    }

    @PUT
    @Path("/{caseNumber}/draft")
    @RolesAllowed(Roles.REVIEWER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save the worksheet's draft over the revision it was based on; answers the new revision."
            + " Every field is optional, with the determination's size limits")
    @APIResponse(responseCode = "409", description = "Saved meanwhile from another device (draft-changed: the detail and"
            + " the ETag give the current revision; read it again), or the case is decided or withdrawn")
    public Uni<RestResponse<WorksheetDraft.Saved>> saveDraft(@PathParam("caseNumber") String caseNumber,
                                                             @Valid @NotNull WorksheetDraft.Save save) {
        return drafts.save(caseNumber, callers.current().reviewerId(), save.revision(), toJson(save.worksheet()))
                .onItem().ifNull().failWith(() -> noReview(caseNumber))
                .map(this::draftResponse);
    }

    @POST
    @Path("/{caseNumber}/letter-preview")
    @RolesAllowed(Roles.REVIEWER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_PLAIN)
    @WithSession
    @Operation(summary = "The Final Determination letter this determination would give, exactly as it will be issued,"
            + " dated today in California. Checked as the determination is; nothing is recorded")
    @APIResponse(responseCode = "403", description = "Not the reviewer who accepted the case")
    public Uni<String> previewLetter(@PathParam("caseNumber") String caseNumber,
                                     @Valid @NotNull DeterminationRequest determination) {
        return desk.preview(caseNumber, callers.current().reviewerId(), determination.clinicalCaseSummary().strip(),
                        determination::drafts)
                .onItem().ifNull().failWith(() -> noReview(caseNumber));
    }

    @POST
    @Path("/{caseNumber}/determination")
    @RolesAllowed(Roles.REVIEWER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the Final Determination: every disputed item Upheld or Overturned, with its basis."
            + " Only the reviewer who accepted the case")
    @APIResponse(responseCode = "403", description = "Another reviewer's case, or one not accepted (yet)")
    @APIResponse(responseCode = "409", description = "The case is already decided or withdrawn, its medical records are"
            + " neither complete nor past their deadline, or another determination won a race")
    public Uni<ReviewView> decide(@PathParam("caseNumber") String caseNumber,
                                  @Valid @NotNull DeterminationRequest determination) {
        return desk.decide(caseNumber, callers.current().reviewerId(), determination.clinicalCaseSummary().strip(),
                        determination::drafts)
                .onItem().ifNull().failWith(() -> noReview(caseNumber))
                .chain(ReviewResource::view);
    }

    private static NotFoundException noReview(String caseNumber) {
        return new NotFoundException("No review for case " + caseNumber);
    }

    private RestResponse<WorksheetDraft.Saved> draftResponse(ReviewDraft draft) {
        WorksheetDraft worksheet = fromJson(draft.worksheet);
        return RestResponse.ResponseBuilder.ok(new WorksheetDraft.Saved(draft.caseNumber, draft.revision, draft.savedAt,
                        worksheet.clinicalCaseSummary(), worksheet.decisions() == null ? List.of() : worksheet.decisions()))
                .header(HttpHeaders.ETAG, "\"" + draft.revision + "\"")
                .build();
    }

    private String toJson(WorksheetDraft worksheet) {
        try {
            return json.writeValueAsString(worksheet);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A worksheet does not serialize", e);
        }
    }

    private WorksheetDraft fromJson(String worksheet) {
        try {
            return json.readValue(worksheet, WorksheetDraft.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored draft is unreadable", e);
        }
    }

    /** The review, if the caller may see it: a reviewer only their own; another's is as if it did not exist. */
    private static Uni<Review> visibleReview(Caller caller, String caseNumber) {
        return Review.<Review>findById(caseNumber)
                .map(found -> found != null && ReviewerAccess.maySee(caller, found.holder()) ? found : null)
                .onItem().ifNull().failWith(() -> noReview(caseNumber));
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
