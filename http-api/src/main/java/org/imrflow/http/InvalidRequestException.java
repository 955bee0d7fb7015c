package org.imrflow.http;

import java.util.List;

/**
 * A request that is well-formed but breaks a business rule, with every field at fault. Answered with 400 and the
 * same problem+json as a validation failure, so clients handle both alike.
 */
public class InvalidRequestException extends RuntimeException {
    private final List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super(errors.size() + " invalid field(s)");
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("An invalid request names at least one field");
        }
        this.errors = List.copyOf(errors);
    }

    public InvalidRequestException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
