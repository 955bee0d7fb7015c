package org.imrflow.assignment.store;

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
import org.imrflow.events.ReviewType;
import org.imrflow.http.ListFilter;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A case and the reviewer its current offer is with, or that it is waiting for one. {@link AssignmentOffer} keeps every
 * offer; this row holds the current one's number.
 */
@Entity
@Table(name = "case_assignment")
public class CaseAssignment extends PanacheEntityBase {
    @Id
    @Column(name = "case_number")
    public String caseNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssignmentStatus status;

    @Column(name = "reviewer_id")
    public String reviewerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_type", nullable = false)
    public ReviewType reviewType;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** The number of the latest offer, from 1; 0 before the first. */
    @Column(name = "offer_number", nullable = false)
    public int offerNumber;

    @Column(name = "offered_at")
    public Instant offeredAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    /** When the current wait for a reviewer began; null when not waiting. */
    @Column(name = "waiting_since")
    public Instant waitingSince;

    @Column(name = "waiting_because")
    public String waitingBecause;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    /** The case-received event as it came, so a waiting case can be assigned later without calling intake. */
    @Column(name = "case_received", nullable = false)
    public String caseReceived;

    @Version
    public long version;

    public static Uni<CaseAssignment> findByCaseNumber(String caseNumber) {
        return findById(caseNumber);
    }

    public static PanacheQuery<CaseAssignment> listed(AssignmentStatus status, String reviewerId) {
        ListFilter filter = new ListFilter().eq("status", status).eq("reviewerId", reviewerId);
        return find(filter.query(), Sort.ascending("receivedAt", "caseNumber"), filter.parameters());
    }

    /**
     * Holds the case for the rest of the transaction. case-received and case-withdrawn come on two topics with no
     * order between them: without this, each could miss the other's uncommitted row and a withdrawn case be assigned.
     */
    public static Uni<Void> lock(String caseNumber) {
        return getSession().chain(session -> session
                .createNativeQuery("select 1 from pg_advisory_xact_lock(hashtextextended(:caseNumber, 0))", Integer.class)
                .setParameter("caseNumber", caseNumber)
                .getSingleResult())
                .replaceWithVoid();
    }

    /** Open cases per reviewer, for balancing the load. */
    public static Uni<Map<String, Long>> openCasesByReviewer() {
        return getSession().chain(session -> session
                .createSelectionQuery("select a.reviewerId, count(a) from CaseAssignment a where a.status in :status"
                        + " group by a.reviewerId", Object[].class)
                .setParameter("status", List.of(AssignmentStatus.OFFERED, AssignmentStatus.ACCEPTED))
                .getResultList())
                .map(rows -> rows.stream().collect(Collectors.toMap(row -> (String) row[0], row -> (Long) row[1])));
    }

    /** The case numbers of the oldest waiting cases, at most {@code limit}. */
    public static Uni<List<String>> awaitingReviewer(int limit) {
        return find("status", Sort.ascending("receivedAt", "caseNumber"), AssignmentStatus.AWAITING_REVIEWER)
                .page(0, limit).project(CaseNumberOnly.class).list()
                .map(rows -> rows.stream().map(CaseNumberOnly::caseNumber).toList());
    }

    /** The open cases a reviewer holds (offered or accepted), oldest first. */
    public static Uni<List<String>> heldBy(String reviewerId) {
        return find("reviewerId = ?1 and status in ?2", Sort.ascending("receivedAt", "caseNumber"), reviewerId,
                List.of(AssignmentStatus.OFFERED, AssignmentStatus.ACCEPTED))
                .project(CaseNumberOnly.class).list()
                .map(rows -> rows.stream().map(CaseNumberOnly::caseNumber).toList());
    }

    /** Open cases still held by reviewers no longer active, at most {@code limit}: a deactivation that did not finish. */
    public static Uni<List<String>> heldByInactiveReviewers(int limit) {
        return find("status in ?1 and reviewerId in (select r.id from ReviewerEntity r where r.active = false)",
                Sort.ascending("receivedAt", "caseNumber"), List.of(AssignmentStatus.OFFERED, AssignmentStatus.ACCEPTED))
                .page(0, limit).project(CaseNumberOnly.class).list()
                .map(rows -> rows.stream().map(CaseNumberOnly::caseNumber).toList());
    }

    /** A projection: only the case number. */
    public record CaseNumberOnly(String caseNumber) {
    }
}
