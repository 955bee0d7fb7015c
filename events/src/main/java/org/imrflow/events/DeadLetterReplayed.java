package org.imrflow.events;

import java.time.Instant;

/**
 * A dead letter announced by {@link EventDeadLettered} was sent back to its source topic. If the consumer refuses it
 * again, that is a new dead letter with an id of its own.
 */
public record DeadLetterReplayed(String caseNumber, String service, long deadLetterId, Instant replayedAt) {
}
