package org.imrflow.notification.domain;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A public archive search the archive cannot run, with every field that is wrong, so that the searcher can correct
 * them all at once.
 */
public final class InvalidArchiveQuery extends RuntimeException {

    /** What is wrong with one field; {@code field} is the search parameter's name. */
    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public InvalidArchiveQuery(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
