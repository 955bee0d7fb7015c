package org.imrflow.http;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Reads query parameters that JAX-RS would otherwise convert itself. JAX-RS answers a value it cannot convert with
 * 404, as if the resource did not exist; these answer 400 and name the parameter. An absent or empty parameter
 * ({@code ?status=}) counts as not given.
 */
public final class QueryParams {
    private QueryParams() {
    }

    /** The enum constant named exactly {@code raw}, or null if none was given. */
    public static <E extends Enum<E>> E oneOf(String parameter, String raw, Class<E> type) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(raw)) {
                return constant;
            }
        }
        throw new InvalidRequestException(parameter, "must be one of " + Arrays.stream(type.getEnumConstants())
                .map(Enum::name).collect(Collectors.joining(", ", "[", "]")));
    }

    /** A whole number from {@code min} to {@code max}, written in plain decimal digits; the default if none was given. */
    public static int wholeNumber(String parameter, String raw, int defaultValue, int min, int max) {
        if (raw == null || raw.isEmpty()) {
            return defaultValue;
        }
        String message = "must be a whole number from " + min + " to " + max;
        if (!raw.matches("-?[0-9]{1,10}")) {
            throw new InvalidRequestException(parameter, message);
        }
        long value = Long.parseLong(raw);
        if (value < min || value > max) {
            throw new InvalidRequestException(parameter, message);
        }
        return (int) value;
    }

    /** {@code true} or {@code false}, exactly, or null if none was given: JAX-RS would read any other word as false. */
    public static Boolean trueOrFalse(String parameter, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        if (!raw.equals("true") && !raw.equals("false")) {
            throw new InvalidRequestException(parameter, "must be true or false");
        }
        return Boolean.valueOf(raw);
    }

    /** The value as given, or null if none was given. */
    public static String text(String raw) {
        return raw == null || raw.isEmpty() ? null : raw;
    }
}
