package org.imrflow.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value this API refuses although Jackson could read it (see {@link StrictJson}), with the message for the
 * field. Jackson adds the field's path as the exception travels up, so the 400 can name it.
 */
public class RejectedJsonValueException extends MismatchedInputException {
    private final String reason;

    public RejectedJsonValueException(JsonParser parser, Class<?> targetType, String reason) {
        super(parser, reason, targetType);
        this.reason = reason;
    }

    /** The field message, e.g. "must be a date as yyyy-MM-dd". */
    public String reason() {
        return reason;
    }
}
