package org.imrflow.http;

/** One bad field: its JSON path in the request body (e.g. {@code disputedItems[0].category}) and what is wrong. */
public record FieldError(String field, String message) {
}
