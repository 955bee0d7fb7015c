package org.imrflow.events.deadletter;

/**
 * A dead letter that can never be replayed as it stands: its record is gone from the dead-letter topic (retention),
 * or its source topic is unknown (the REST API answers 409). The message names topics and offsets, never content.
 */
public class DeadLetterNotReplayableException extends RuntimeException {
    public DeadLetterNotReplayableException(String message) {
        super(message);
    }
}
