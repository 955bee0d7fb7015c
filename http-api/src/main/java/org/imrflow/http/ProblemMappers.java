package org.imrflow.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Turns every failure a REST call can meet into RFC 9457 problem+json. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public RestResponse<Problem> invalidBody(ResteasyReactiveViolationException e, UriInfo uri) {
        return violations(e, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> violations(ConstraintViolationException e, UriInfo uri) {
        boolean aboutTheResponse = e.getConstraintViolations().stream().anyMatch(v -> java.util.stream.StreamSupport
                .stream(v.getPropertyPath().spliterator(), false).anyMatch(n -> n.getKind() == ElementKind.RETURN_VALUE));
        if (aboutTheResponse) {
            LOG.error("A response violated its own constraints", e);
            return problem(Problem.of(500, "internal-error", "Internal error", "The server produced an invalid response",
                    path(uri)));
        }
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        return problem(Problem.invalidRequest(path(uri), errors));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> invalidRequest(InvalidRequestException e, UriInfo uri) {
        return problem(Problem.invalidRequest(path(uri), e.errors()));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = jsonPath(e);
        String message;
        if (e instanceof RejectedJsonValueException rejected) {
            message = rejected.reason();
        } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            message = "must be one of " + Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", ", "[", "]"));
        } else if (e.getTargetType() != null && java.time.temporal.Temporal.class.isAssignableFrom(e.getTargetType())) {
            message = "must be an ISO-8601 date (yyyy-MM-dd) or date-time";
        } else {
            message = "must be a " + (e.getTargetType() == null ? "value of the right type" : describe(e.getTargetType()));
        }
        return problem(Problem.invalidRequest(path(uri), List.of(new FieldError(field.isEmpty() ? "(body)" : field, message))));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> malformedJson(JsonProcessingException e, UriInfo uri) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr();
        return problem(Problem.invalidRequest(path(uri),
                List.of(new FieldError("(body)", "is not valid JSON" + where + ": " + e.getOriginalMessage()))));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> webApplication(WebApplicationException e, UriInfo uri) {
        // The JSON reader wraps parse failures of the body in a plain 400.
        if (e.getCause() instanceof MismatchedInputException mismatched) {
            return mismatchedInput(mismatched, uri);
        }
        if (e.getCause() instanceof JsonProcessingException malformed) {
            return malformedJson(malformed, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        String slug = status.getReasonPhrase().toLowerCase().replace(' ', '-');
        return problem(Problem.of(status.getStatusCode(), slug, status.getReasonPhrase(), e.getMessage(), path(uri)));
    }

    /**
     * No token, or one that is expired, wrongly signed, or from another issuer or audience: 401 with the bearer
     * challenge of RFC 6750. Authentication is not proactive (see META-INF/microprofile-config.properties), so these
     * reach this mapper rather than Quarkus's bare answer.
     */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public RestResponse<Problem> unauthenticated(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        boolean presented = headers.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
        String challenge = presented
                ? "Bearer realm=\"imrflow\", error=\"invalid_token\", error_description=\"The access token is not valid here\""
                : "Bearer realm=\"imrflow\"";
        return RestResponse.ResponseBuilder.<Problem>create(401)
                .entity(Problem.of(401, "unauthorized", "Unauthorized", presented
                        ? "The access token is expired, not signed by the trusted issuer, or not meant for this service"
                        : "Sign in: send an OpenID Connect access token as Authorization: Bearer", path(uri)))
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .build();
    }

    /** A role that may not do this at all. */
    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return problem(Problem.of(403, "forbidden", "Forbidden", "Your role may not do this", path(uri)));
    }

    /** A role that may do this, but not to this. */
    @ServerExceptionMapper
    public RestResponse<Problem> accessDenied(org.imrflow.http.identity.AccessDeniedException e, UriInfo uri) {
        return problem(Problem.of(403, "forbidden", "Forbidden", e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Exception e, UriInfo uri) {
        if (WriteConflicts.isConflict(e)) {
            LOG.debugf("Concurrent write on %s: %s", path(uri), e.toString());
            return problem(Problem.of(409, "concurrent-change", "Conflict",
                    "Someone changed this at the same time and nothing of this request was saved; read it again and retry",
                    path(uri)));
        }
        // Never echo internals: they may carry PHI. The log has the detail.
        LOG.errorf(e, "Unexpected failure on %s", path(uri));
        return problem(Problem.internalError(path(uri)));
    }

    private static RestResponse<Problem> problem(Problem problem) {
        return RestResponse.ResponseBuilder.<Problem>create(problem.status())
                .entity(problem)
                .type(Problem.MEDIA_TYPE)
                .build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    /** {@code submit.request.disputedItems[0].category} becomes {@code disputedItems[0].category}. */
    static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            // Hibernate Validator puts a list element's index on the node that follows the list.
            if (node.isInIterable()) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.length() == 0 ? "(body)" : field.toString();
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String describe(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean (true or false)";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        return type == String.class ? "string" : "JSON object";
    }
}
