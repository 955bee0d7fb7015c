package org.imrflow.events;

import java.time.Instant;

/**
 * A service gave up on one of a case's events and put it on its dead-letter topic: the case cannot go on until the
 * event is replayed. Announced by that service's dead-letter office, so that intake can show the case as stuck.
 *
 * @param deadLetterId the dead letter's id in {@code service}'s {@code /api/dead-letters}
 * @param eventType    the CloudEvents type of the event, or null when its envelope did not say
 * @param reason       why the consumer gave up, cut to {@link EventLimits#DEAD_LETTER_REASON}; null if not told
 */
public record EventDeadLettered(String caseNumber, String service, long deadLetterId, String eventType,
                                String reason, Instant deadLetteredAt) {
}
