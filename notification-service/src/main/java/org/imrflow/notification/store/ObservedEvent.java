package org.imrflow.notification.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.imrflow.http.ListFilter;
import org.imrflow.notification.domain.CaseStage;

import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
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

    /** The stage this event brought its case to, if it tells one; counted for the pipeline's rates. */
    @Enumerated(EnumType.STRING)
    @Column(name = "stage_reached")
    public CaseStage stageReached;

    /** Newest first, optionally of one type or one case. */
    public static PanacheQuery<ObservedEvent> newestFirst(String eventType, String caseNumber) {
        ListFilter filter = new ListFilter().eq("eventType", eventType).eq("caseNumber", caseNumber);
        return find(filter.query(), Sort.descending("occurredAt", "eventId"), filter.parameters());
    }

    /** How many events brought a case to each stage since the given time: the pipeline's entries. */
    public static Uni<Map<CaseStage, Long>> stageEntriesSince(Instant since) {
        return getSession().chain(session -> session
                .createSelectionQuery("select e.stageReached, count(e) from ObservedEvent e"
                        + " where e.stageReached is not null and e.occurredAt > :since group by e.stageReached", Object[].class)
                .setParameter("since", since)
                .getResultList())
                .map(rows -> {
                    Map<CaseStage, Long> entries = new EnumMap<>(CaseStage.class);
                    rows.forEach(row -> entries.put((CaseStage) row[0], (Long) row[1]));
                    return entries;
                });
    }
}
