package org.imrflow.events.deadletter;

/** Kafka did not give the record back or did not acknowledge it; nothing was marked, so try again (REST: 503). */
public class ReplayFailedException extends RuntimeException {
    public ReplayFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
