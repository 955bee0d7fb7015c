package org.imrflow.http;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Checks every REST request makes before its resource method is called, whatever the endpoint. */
public class RequestChecks {
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    /**
     * Path parameters and query values follow the same text rule as body strings ({@link PlainText}): a {@code %00}
     * in {@code /api/cases/{caseNumber}} is a 400 naming {@code caseNumber}, not a 500 from the database.
     */
    @ServerRequestFilter
    public void rejectControlCharacters(UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        check(uri.getPathParameters(true), errors);
        check(uri.getQueryParameters(true), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /**
     * A body must say what it is. JAX-RS matches a request without Content-Type, or with a wildcard one, to any
     * {@code @Consumes}; here they are a 415 like any other type the endpoint does not take.
     */
    @ServerRequestFilter
    public void requireAConcreteContentType(ContainerRequestContext request) {
        if (!WITH_BODY.contains(request.getMethod()) || !hasBody(request)) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        MediaType type;
        try {
            type = header == null || header.isBlank() ? null : MediaType.valueOf(header);
        } catch (IllegalArgumentException e) {
            type = null;
        }
        if (type == null || type.isWildcardType() || type.isWildcardSubtype()) {
            throw new NotSupportedException("A request body needs a Content-Type such as application/json");
        }
    }

    /**
     * Whether a body comes, as HTTP/1.1 announces one: by a length above zero, or chunked. An action without a body (a
     * browser's {@code fetch('…/acceptance', {method: 'POST'})} sends {@code Content-Length: 0} and no type) needs
     * no type.
     */
    private static boolean hasBody(ContainerRequestContext request) {
        if (request.getHeaderString("Transfer-Encoding") != null) {
            return true;
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        try {
            return length != null && Long.parseLong(length.strip()) > 0;
        } catch (NumberFormatException e) {
            return true; // a malformed length: let the type be checked, and the body refused
        }
    }

    private static void check(MultivaluedMap<String, String> parameters, List<FieldError> errors) {
        for (Map.Entry<String, List<String>> parameter : new TreeMap<>(parameters).entrySet()) {
            if (PlainText.violation(parameter.getKey()) != null) {
                errors.add(new FieldError("(query)", "parameter names " + PlainText.violation(parameter.getKey())));
                continue;
            }
            for (String value : parameter.getValue()) {
                String violation = value == null ? null : PlainText.violation(value);
                if (violation != null) {
                    errors.add(new FieldError(parameter.getKey(), violation));
                    break;
                }
            }
        }
    }
}
