package org.imrflow.events.deadletter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One record on one of this service's dead-letter topics, as the {@link DeadLetterOffice} recorded it: where it came
 * from, why it was rejected and which event it was. Metadata only: the payload stays on the topic, because it may
 * hold PHI, and replay reads it back from there.
 */
@Entity
@Table(name = "dead_letter")
public class DeadLetter {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Where the record lies: replay reads it back from here. Unique together, so a redelivery is the same row. */
    @Column(name = "dlq_topic", nullable = false)
    public String dlqTopic;

    @Column(name = "dlq_partition", nullable = false)
    public int dlqPartition;

    @Column(name = "dlq_offset", nullable = false)
    public long dlqOffset;

    /** The topic the consumer read it from, and where replay sends it; null if neither header nor name tells. */
    @Column(name = "source_topic")
    public String sourceTopic;

    @Column(name = "source_partition")
    public Integer sourcePartition;

    @Column(name = "source_offset")
    public Long sourceOffset;

    /** {@code ce_id}; text, because a dead letter's envelope may be exactly what was wrong with it. */
    @Column(name = "event_id")
    public String eventId;

    /** {@code ce_type} */
    @Column(name = "event_type")
    public String eventType;

    /** {@code ce_subject}, else the record key: the IMR case number. */
    @Column(name = "case_number")
    public String caseNumber;

    /** SmallRye's {@code dead-letter-reason}: the message of the exception the consumer nacked with. */
    @Column
    public String reason;

    /** SmallRye's {@code dead-letter-exception-class-name}. */
    @Column(name = "exception_class")
    public String exceptionClass;

    /** The dead-letter record's timestamp: when the consumer gave up on it. */
    @Column(name = "dead_lettered_at", nullable = false)
    public Instant deadLetteredAt;

    @Column(name = "recorded_at", nullable = false, insertable = false, updatable = false)
    public Instant recordedAt;

    @Column(name = "replayed_at")
    public Instant replayedAt;

    @Column(name = "replay_count", nullable = false)
    public int replayCount;
}
