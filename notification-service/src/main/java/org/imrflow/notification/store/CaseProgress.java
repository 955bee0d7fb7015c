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
                .map(row -> new DeterminationAge(((Number) row[0]).longValue(), days(row[1]), days(row[2])));
    }

    private static Double days(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue() * 100) / 100.0;
    }

    /** One reviewer's cases as the stream has shown them. */
    public record ReviewerLoad(String reviewerId, long openCases, long decidedCases, Double averageDaysToDecide) {
    }

    /** Every reviewer who has been assigned a case, most open cases first; a withdrawn case is no longer open. */
    public static Uni<List<ReviewerLoad>> reviewerLoads() {
        return getSession().chain(session -> session.createNativeQuery(
                        "select reviewer_id, count(*) filter (where decided_at is null and stage <> 'WITHDRAWN'),"
                                + " count(*) filter (where decided_at is not null),"
                                + " avg(extract(epoch from decided_at - assigned_at) / 86400.0) filter (where decided_at is not null)"
                                + " from operations_case where reviewer_id is not null"
                                + " group by reviewer_id order by 2 desc, 1",
                        Object[].class)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new ReviewerLoad((String) row[0], ((Number) row[1]).longValue(),
                        ((Number) row[2]).longValue(), days(row[3]))).toList());
    }
}
