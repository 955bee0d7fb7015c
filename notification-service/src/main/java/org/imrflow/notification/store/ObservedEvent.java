package org.imrflow.notification.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.imrflow.http.ListFilter;

import java.time.Instant;
import java.util.UUID;

/** One event on the stream, as the operations view keeps it: its facts in a line, never its payload. */
@Entity
@Table(name = "operations_event")
public class ObservedEvent extends PanacheEntityBase {
    @Id
    @Column(name = "event_id")
    public UUID eventId;

    /** The CloudEvents type, e.g. org.imrflow.case-received.v1. */
    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "case_number", nullable = false)
    public String caseNumber;

    @Column(nullable = false)
    public String source;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "observed_at", nullable = false)
    public Instant observedAt;

    @Column(nullable = false)
    public String summary;

    @Column(name = "reviewer_id")
    public String reviewerId;

    /** Newest first, optionally of one type or one case. */
    public static PanacheQuery<ObservedEvent> newestFirst(String eventType, String caseNumber) {
        ListFilter filter = new ListFilter().eq("eventType", eventType).eq("caseNumber", caseNumber);
        return find(filter.query(), Sort.descending("occurredAt", "eventId"), filter.parameters());
    }
}
