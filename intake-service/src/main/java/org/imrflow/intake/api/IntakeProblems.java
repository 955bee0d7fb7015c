package org.imrflow.intake.api;

import jakarta.ws.rs.core.UriInfo;
import org.imrflow.http.Problem;
import org.imrflow.events.documents.UnknownDocumentException;
import org.imrflow.intake.domain.CaseStateConflictException;
import org.imrflow.intake.domain.DuplicateApplicationException;
import org.imrflow.intake.domain.RecordRefusedException;
import org.imrflow.intake.domain.IdempotencyKeyReusedException;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Intake's own refusals as problem+json. */
public class IntakeProblems {

    @ServerExceptionMapper
    public RestResponse<Problem> duplicate(DuplicateApplicationException e, UriInfo uri) {
        return RestResponse.ResponseBuilder.<Problem>create(409)
                .entity(Problem.of(409, "duplicate-application", "Duplicate application", e.getMessage()
                        + ": the same claim number, UR decision date and disputed items", uri.getPath()))
                .type(Problem.MEDIA_TYPE)
                .location(uri.getBaseUriBuilder().path("api/cases").path(e.existingCaseNumber()).build())
                .build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> stateConflict(CaseStateConflictException e, UriInfo uri) {
        return problem(Problem.of(409, "case-state-conflict", "Not at this stage of the case", e.getMessage(), uri.getPath()));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> recordRefused(RecordRefusedException e, UriInfo uri) {
        return problem(switch (e.refusal()) {
            case EMPTY -> Problem.of(400, "empty-document", "Empty document", e.getMessage(), uri.getPath());
            case TOO_LARGE -> Problem.of(413, "document-too-large", "Document too large", e.getMessage(), uri.getPath());
            case UNSUPPORTED_TYPE, CONTENT_NOT_OF_TYPE ->
                    Problem.of(415, "unsupported-document", "Unsupported document", e.getMessage(), uri.getPath());
        });
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unknownDocument(UnknownDocumentException e, UriInfo uri) {
        // the case lists a document whose bytes the store does not have: the store was lost or not shared
        return problem(Problem.of(500, "document-missing", "Document missing from the store", e.getMessage(), uri.getPath()));
    }

    private static RestResponse<Problem> problem(Problem problem) {
        return RestResponse.ResponseBuilder.<Problem>create(problem.status()).entity(problem).type(Problem.MEDIA_TYPE).build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> keyReused(IdempotencyKeyReusedException e, UriInfo uri) {
        return RestResponse.ResponseBuilder.<Problem>create(422)
                .entity(Problem.of(422, "idempotency-key-reused", "Idempotency-Key reused", e.getMessage(), uri.getPath()))
                .type(Problem.MEDIA_TYPE)
                .build();
    }
}
