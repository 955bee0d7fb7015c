package org.imrflow.events.inbox;

/**
 * A valid event that the consuming service's rules refuse (for example, progress for a case the service never had).
 * Retrying cannot help: the inbox sends it to the dead-letter topic with this message as the reason.
 */
public class EventRejectedException extends RuntimeException {
    public EventRejectedException(String reason) {
        super(reason);
    }
}
