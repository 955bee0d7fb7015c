package org.imrflow.review.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.imrflow.http.FieldError;
import org.imrflow.http.Problem;
import org.imrflow.review.domain.AlreadyDecidedException;
import org.imrflow.review.domain.CaseWithdrawnException;
import org.imrflow.review.domain.DeterminationRejectedException;
import org.imrflow.review.domain.OfferEndedException;
import org.imrflow.review.domain.RecordsNotReadyException;
import org.imrflow.review.domain.StaleDraftException;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The review desk's refusals as problem+json. */
public class ReviewProblems {

    @ServerExceptionMapper
    public RestResponse<Problem> alreadyDecided(AlreadyDecidedException e, UriInfo uri) {
        return problem(Problem.of(409, "already-decided", "Already decided", e.getMessage(), uri.getPath()));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> recordsNotReady(RecordsNotReadyException e, UriInfo uri) {
        return problem(Problem.of(409, "records-not-ready", "Records not ready", e.getMessage(), uri.getPath()));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> withdrawn(CaseWithdrawnException e, UriInfo uri) {
        return problem(Problem.of(409, "case-withdrawn", "Case withdrawn", e.getMessage(), uri.getPath()));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> offerEnded(OfferEndedException e, UriInfo uri) {
        return problem(Problem.of(409, "offer-ended", "Offer ended", e.getMessage(), uri.getPath()));
    }

    /** The current revision goes in the detail and, for clients, in the ETag, as a GET of the draft gives it. */
    @ServerExceptionMapper
    public RestResponse<Problem> staleDraft(StaleDraftException e, UriInfo uri) {
        Problem problem = Problem.of(409, "draft-changed", "Draft changed", e.getMessage(), uri.getPath());
        return RestResponse.ResponseBuilder.<Problem>create(409).entity(problem).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.ETAG, "\"" + e.currentRevision() + "\"").build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> rejected(DeterminationRejectedException e, UriInfo uri) {
        return problem(Problem.invalidRequest(uri.getPath(), e.violations().stream()
                .map(v -> new FieldError(v.field(), v.message())).toList()));
    }

    private static RestResponse<Problem> problem(Problem problem) {
        return RestResponse.ResponseBuilder.<Problem>create(problem.status()).entity(problem).type(Problem.MEDIA_TYPE).build();
    }
}
