package org.imrflow.intake.api;

import jakarta.ws.rs.core.UriInfo;
import org.imrflow.http.Problem;
import org.imrflow.intake.domain.DuplicateApplicationException;
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
    public RestResponse<Problem> keyReused(IdempotencyKeyReusedException e, UriInfo uri) {
        return RestResponse.ResponseBuilder.<Problem>create(422)
                .entity(Problem.of(422, "idempotency-key-reused", "Idempotency-Key reused", e.getMessage(), uri.getPath()))
                .type(Problem.MEDIA_TYPE)
                .build();
    }
}
