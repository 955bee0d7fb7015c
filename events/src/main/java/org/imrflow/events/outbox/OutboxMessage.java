package org.imrflow.events.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.imrflow.events.tracing.TraceParent;

import java.time.Instant;
import java.util.UUID;

/** One event waiting in, or already sent from, a service's outbox. */
@Entity
@Table(name = "event_outbox")
public class OutboxMessage {

    /** Insertion order, which for the rows of one case is commit order (see {@link Outbox}): the relay publishes in it. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    /** The IMR case number: the Kafka key and the CloudEvents subject. */
    @Column(name = "case_number", nullable = false)
    public String caseNumber;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "event_source", nullable = false)
    public String eventSource;

    @Column(nullable = false)
    public String payload;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** Set when Kafka refused the row for good; the case's later rows wait behind it. */
    @Column(name = "parked_at")
    public Instant parkedAt;

    @Column(name = "park_reason")
    public String parkReason;

    /** The trace context of the span that appended the event; null while tracing is off. */
    @Embedded
    public TraceParent trace;
}
