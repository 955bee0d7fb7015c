package org.imrflow.http;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code errors} is this API's extension member: one entry per bad field, so a client can
 * put each message next to the field that caused it.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPES = "https://imrflow.org/problems/";

    public static Problem invalidRequest(String instance, List<FieldError> errors) {
        String detail = errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid";
        return new Problem(URI.create(TYPES + "invalid-request"), "Invalid request", 400, detail, instance, errors);
    }

    /**
     * The answer to a failure nobody foresaw. It may have come after the change was committed (a timeout, a lost
     * connection), so it does not promise that nothing changed.
     */
    public static Problem internalError(String instance) {
        return of(500, "internal-error", "Internal error",
                "The request could not be completed. It may or may not have taken effect; check before retrying.",
                instance);
    }

    public static Problem of(int status, String slug, String title, String detail, String instance) {
        return new Problem(URI.create(TYPES + slug), title, status, detail, instance, List.of());
    }
}
