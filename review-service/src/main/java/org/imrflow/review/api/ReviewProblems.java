package org.imrflow.review.api;

import jakarta.ws.rs.core.UriInfo;
import org.imrflow.http.FieldError;
import org.imrflow.http.Problem;
import org.imrflow.review.domain.AlreadyDecidedException;
import org.imrflow.review.domain.CaseWithdrawnException;
import org.imrflow.review.domain.DeterminationRejectedException;
import org.imrflow.review.domain.RecordsNotReadyException;
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
    public RestResponse<Problem> rejected(DeterminationRejectedException e, UriInfo uri) {
        return problem(Problem.invalidRequest(uri.getPath(), e.violations().stream()
                .map(v -> new FieldError(v.field(), v.message())).toList()));
    }

    private static RestResponse<Problem> problem(Problem problem) {
        return RestResponse.ResponseBuilder.<Problem>create(problem.status()).entity(problem).type(Problem.MEDIA_TYPE).build();
    }
}
