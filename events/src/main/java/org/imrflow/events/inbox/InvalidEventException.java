package org.imrflow.events.inbox;

/** A message that can never be processed: it goes to the dead-letter topic with this message as the reason. */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String reason) {
        super(reason);
    }
}
