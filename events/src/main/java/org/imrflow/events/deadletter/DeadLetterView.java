package org.imrflow.events.deadletter;

import java.time.Instant;

/**
 * A dead letter as the REST API shows it: where the event came from, which event it was, why it was rejected, and
 * whether it has been replayed. Never the payload.
 *
 * @param topic          the topic the consumer read it from, and where replay sends it
 * @param partition      its partition there
 * @param offset         its offset there
 * @param eventId        {@code ce_id}
 * @param eventType      {@code ce_type}
 * @param caseNumber     {@code ce_subject}, the record key
 * @param reason         why the consumer rejected it ({@code dead-letter-reason})
 * @param failure        the exception class ({@code dead-letter-exception-class-name})
 * @param deadLetteredAt when the consumer gave up on it
 */
public record DeadLetterView(long id, String topic, Integer partition, Long offset, String eventId, String eventType,
                             String caseNumber, String reason, String failure, Instant deadLetteredAt,
                             String deadLetterTopic, int deadLetterPartition, long deadLetterOffset,
                             Instant replayedAt, int replayCount) {

    public static DeadLetterView of(DeadLetter letter) {
        return new DeadLetterView(letter.id, letter.sourceTopic, letter.sourcePartition, letter.sourceOffset,
                letter.eventId, letter.eventType, letter.caseNumber, letter.reason, letter.exceptionClass,
                letter.deadLetteredAt, letter.dlqTopic, letter.dlqPartition, letter.dlqOffset, letter.replayedAt,
                letter.replayCount);
    }
}
