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
import java.util.List;
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

    /**
     * The stage this event took its case out of, as the view knew it then; null when it did not move the case or the
     * case was new. The pipeline counts it for withdrawals, whose event does not tell the stage they left.
     */
    @Enumerated(EnumType.STRING)
    @Column(name = "stage_left")
    public CaseStage stageLeft;

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
                .map(ObservedEvent::byStage);
    }

    /** How many withdrawals since the given time took a case out of each stage: the pipeline's side exits. */
    public static Uni<Map<CaseStage, Long>> withdrawalsSince(Instant since) {
        return getSession().chain(session -> session
                .createSelectionQuery("select e.stageLeft, count(e) from ObservedEvent e where e.stageReached = :withdrawn"
                        + " and e.stageLeft is not null and e.occurredAt > :since group by e.stageLeft", Object[].class)
                .setParameter("withdrawn", CaseStage.WITHDRAWN)
                .setParameter("since", since)
                .getResultList())
                .map(ObservedEvent::byStage);
    }

    private static Map<CaseStage, Long> byStage(List<Object[]> rows) {
        Map<CaseStage, Long> counts = new EnumMap<>(CaseStage.class);
        rows.forEach(row -> counts.put((CaseStage) row[0], (Long) row[1]));
        return counts;
    }
}
