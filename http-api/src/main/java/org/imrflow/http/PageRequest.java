package org.imrflow.http;

import jakarta.ws.rs.QueryParam;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ?page=&size=} of every list endpoint; use with {@code @BeanParam}. Both are read as text and checked
 * here, so that {@code ?page=abc} is a 400 naming {@code page} rather than the 404 JAX-RS gives a value it cannot
 * convert. {@code page} is bounded so that {@code page * size} stays well inside an int.
 */
public class PageRequest {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    public static final int MAX_PAGE = 1_000_000;

    @QueryParam("page")
    String page;

    @QueryParam("size")
    String size;

    public PageRequest() {
    }

    /** For tests and callers outside JAX-RS: the parameters as they would arrive, null when absent. */
    public PageRequest(String page, String size) {
        this.page = page;
        this.size = size;
    }

    /** From 0. */
    public int page() {
        return parsed().page();
    }

    public int size() {
        return parsed().size();
    }

    private record Parsed(int page, int size) {
    }

    /** Throws one {@link InvalidRequestException} naming every bad parameter. */
    private Parsed parsed() {
        List<FieldError> errors = new ArrayList<>();
        int pageNumber = 0;
        int pageSize = DEFAULT_SIZE;
        try {
            pageNumber = QueryParams.wholeNumber("page", page, 0, 0, MAX_PAGE);
        } catch (InvalidRequestException e) {
            errors.addAll(e.errors());
        }
        try {
            pageSize = QueryParams.wholeNumber("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
        } catch (InvalidRequestException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new Parsed(pageNumber, pageSize);
    }
}
