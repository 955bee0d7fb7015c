package org.imrflow.events.deadletter;

/** No dead letter has this id (the REST API answers 404). */
public class UnknownDeadLetterException extends RuntimeException {
    public UnknownDeadLetterException(long id) {
        super("No dead letter " + id);
    }
}
