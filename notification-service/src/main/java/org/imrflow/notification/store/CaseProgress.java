package org.imrflow.notification.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.imrflow.events.EventType;
import org.imrflow.notification.domain.CaseMilestones;
import org.imrflow.notification.domain.CaseStage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A case's furthest stage, as the operations view has seen it on the stream. */
@Entity
@Table(name = "operations_case")
public class CaseProgress extends PanacheEntityBase {
    @Id
    @Column(name = "case_number")
    public String caseNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStage stage;

    @Column(name = "first_event_at", nullable = false)
    public Instant firstEventAt;

    @Column(name = "last_event_at", nullable = false)
    public Instant lastEventAt;

    @Column(name = "clock_started_at")
    public Instant clockStartedAt;

    @Column(name = "determination_due_date")
    public LocalDate determinationDueDate;

    /** When the event that told the due date happened: the one told last counts. */
    @Column(name = "due_date_told_at")
    public Instant dueDateToldAt;

    @Column(name = "reviewer_id")
    public String reviewerId;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** Events of one case are consumed from several topics at once. */
    @Version
    public long version;

    public CaseMilestones milestones() {
        return new CaseMilestones(clockStartedAt, determinationDueDate, dueDateToldAt, reviewerId, assignedAt, decidedAt);
    }

    public void setMilestones(CaseMilestones milestones) {
        clockStartedAt = milestones.clockStartedAt();
        determinationDueDate = milestones.determinationDueDate();
        dueDateToldAt = milestones.dueDateToldAt();
        reviewerId = milestones.reviewerId();
        assignedAt = milestones.assignedAt();
        decidedAt = milestones.decidedAt();
    }

    /** How many cases stand at each stage now; every stage is present, with 0 if none. */
    public static Uni<Map<CaseStage, Long>> countsByStage() {
        return getSession().chain(session -> session
                .createSelectionQuery("select p.stage, count(p) from CaseProgress p group by p.stage", Object[].class)
                .getResultList())
                .map(CaseProgress::everyStage);
    }

    private static Map<CaseStage, Long> everyStage(List<Object[]> rows) {
        Map<CaseStage, Long> counts = new EnumMap<>(CaseStage.class);
        for (CaseStage stage : CaseStage.values()) {
            counts.put(stage, 0L);
        }
        rows.forEach(row -> counts.put((CaseStage) row[0], (Long) row[1]));
        return counts;
    }

    /** Not yet decided nor withdrawn: a withdrawn case's clock stopped for good. */
    private static final String OPEN = "decidedAt is null and stage <> org.imrflow.notification.domain.CaseStage.WITHDRAWN";

    /** Open cases due on or before the given day, by due date. */
    public static PanacheQuery<CaseProgress> openDueBy(LocalDate lastDay, boolean latestFirst) {
        Sort sort = latestFirst ? Sort.descending("determinationDueDate", "caseNumber")
                : Sort.ascending("determinationDueDate", "caseNumber");
        return find(OPEN + " and determinationDueDate <= ?1", sort, lastDay);
    }

    public static Uni<Long> countOpenDueBy(LocalDate lastDay) {
        return count(OPEN + " and determinationDueDate <= ?1", lastDay);
    }

    /**
     * The age from clock start to determination of the cases decided since the given time; not of those withdrawn
     * after their decision, which got no letter.
     */
    public record DeterminationAge(long cases, Double averageDays, Double p90Days) {
    }

    public static Uni<DeterminationAge> determinationAgeSince(Instant since) {
        return getSession().chain(session -> session.createNativeQuery(
                        "select count(*), avg(age), percentile_cont(0.9) within group (order by age) from ("
                                + " select extract(epoch from decided_at - clock_started_at) / 86400.0 as age"
                                + " from operations_case where decided_at > :since and clock_started_at is not null"
                                + " and stage <> 'WITHDRAWN') ages",
                        Object[].class)
                .setParameter("since", since)
                .getSingleResult())
                .map(row -> new DeterminationAge(((Number) row[0]).longValue(), rounded(row[1]), rounded(row[2])));
    }

    private static Double rounded(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue() * 100) / 100.0;
    }

    /**
     * One reviewer's cases as the stream has shown them, and how they answer offers: the offers they declined or let
     * run out, and the average hours from an offer to its acceptance.
     */
    public record ReviewerLoad(String reviewerId, long openCases, long decidedCases, Double averageDaysToDecide,
                               long declinedOffers, Double averageHoursToAccept) {
    }

    /**
     * Every reviewer who has been offered a case, most open cases first; a withdrawn case is no longer open. The
     * answers are read from the events, pairing each acceptance with the latest offer of its case to that reviewer
     * before it: the two come on different topics in no mutual order, so nothing is paired as they arrive.
     */
    public static Uni<List<ReviewerLoad>> reviewerLoads() {
        return getSession().chain(session -> session.createNativeQuery(
                        "with loads as (select reviewer_id,"
                                + " count(*) filter (where decided_at is null and stage <> 'WITHDRAWN') open_cases,"
                                + " count(*) filter (where decided_at is not null) decided_cases,"
                                + " avg(extract(epoch from decided_at - assigned_at) / 86400.0) filter (where decided_at is not null) days_to_decide"
                                + " from operations_case where reviewer_id is not null group by reviewer_id),"
                                + " answers as (select answer.reviewer_id,"
                                + " count(*) filter (where answer.event_type = :declined) declined,"
                                + " avg(extract(epoch from answer.occurred_at - offer.offered_at) / 3600.0)"
                                + "  filter (where answer.event_type = :accepted) hours_to_accept"
                                + " from operations_event answer left join lateral (select max(o.occurred_at) offered_at"
                                + "  from operations_event o where o.case_number = answer.case_number"
                                + "  and o.reviewer_id = answer.reviewer_id and o.event_type = :offered"
                                + "  and o.occurred_at <= answer.occurred_at) offer on true"
                                + " where answer.event_type in (:accepted, :declined) and answer.reviewer_id is not null"
                                + " group by answer.reviewer_id)"
                                + " select coalesce(l.reviewer_id, a.reviewer_id), coalesce(l.open_cases, 0),"
                                + " coalesce(l.decided_cases, 0), l.days_to_decide, coalesce(a.declined, 0), a.hours_to_accept"
                                + " from loads l full join answers a on a.reviewer_id = l.reviewer_id order by 2 desc, 1",
                        Object[].class)
                .setParameter("offered", EventType.REVIEWER_ASSIGNED.cloudEventType())
                .setParameter("accepted", EventType.OFFER_ACCEPTED.cloudEventType())
                .setParameter("declined", EventType.OFFER_DECLINED.cloudEventType())
                .getResultList())
                .map(rows -> rows.stream().map(row -> new ReviewerLoad((String) row[0], ((Number) row[1]).longValue(),
                        ((Number) row[2]).longValue(), rounded(row[3]), ((Number) row[4]).longValue(), rounded(row[5])))
                        .toList());
    }
}
