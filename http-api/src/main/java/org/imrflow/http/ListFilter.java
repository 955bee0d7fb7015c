package org.imrflow.http;

import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The optional equality filters of a list endpoint ({@code ?status=&reviewerId=}) as a Panache query: filters
 * whose value is absent are left out.
 */
public final class ListFilter {
    private final StringJoiner query = new StringJoiner(" and ");
    private final Map<String, Object> parameters = new HashMap<>();

    public ListFilter() {
        query.add("1 = 1");
    }

    public ListFilter eq(String field, Object value) {
        if (value != null) {
            query.add(field + " = :" + field);
            parameters.put(field, value);
        }
        return this;
    }

    /** The condition when {@code wanted} is true, its negation when false, nothing when null. */
    public ListFilter holds(Boolean wanted, String condition) {
        if (wanted != null) {
            query.add(wanted ? "(" + condition + ")" : "not (" + condition + ")");
        }
        return this;
    }

    public String query() {
        return query.toString();
    }

    public Map<String, Object> parameters() {
        return parameters;
    }
}
