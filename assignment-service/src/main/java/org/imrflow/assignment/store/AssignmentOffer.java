package org.imrflow.assignment.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.imrflow.assignment.domain.ReviewerMatcher.Consideration;
import org.imrflow.events.OfferDeclined.DeclineReason;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** One offer of a case to a reviewer: why it was made, why everyone else was passed over, and how it ended. */
@Entity
@Table(name = "assignment_offer")
@IdClass(AssignmentOffer.Key.class)
public class AssignmentOffer extends PanacheEntityBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Id
    @Column(name = "case_number")
    public String caseNumber;

    @Id
    @Column(name = "offer_number")
    public int offerNumber;

    @Column(name = "reviewer_id", nullable = false)
    public String reviewerId;

    @Column(name = "offered_at", nullable = false)
    public Instant offeredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "why_offered", nullable = false)
    public OfferCause whyOffered;

    /** What operations wrote when they reassigned the case by hand. */
    @Column(name = "operations_note")
    public String operationsNote;

    /** The {@link Consideration}s of the roster for this offer, as JSON. */
    @Column(nullable = false)
    public String reasons;

    /** The reviewer's answer, recorded even when it came after the offer had ended. */
    @Enumerated(EnumType.STRING)
    public OfferAnswer answer;

    @Enumerated(EnumType.STRING)
    @Column(name = "decline_reason")
    public DeclineReason declineReason;

    @Column(name = "answered_at")
    public Instant answeredAt;

    /** Null while the offer waits for an answer. */
    @Enumerated(EnumType.STRING)
    public OfferOutcome outcome;

    @Column(name = "outcome_at")
    public Instant outcomeAt;

    /** The composite key: the case and its offer number. */
    public static class Key implements Serializable {
        public String caseNumber;
        public int offerNumber;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.offerNumber == offerNumber && Objects.equals(key.caseNumber, caseNumber);
        }

        @Override
        public int hashCode() {
            return Objects.hash(caseNumber, offerNumber);
        }
    }

    public void end(OfferOutcome outcome, Instant at) {
        this.outcome = outcome;
        this.outcomeAt = at;
    }

    public List<Consideration> considerations() {
        try {
            return JSON.readValue(reasons, new TypeReference<List<Consideration>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored offer reasons are unreadable", e);
        }
    }

    public void considerations(List<Consideration> considered) {
        try {
            reasons = JSON.writeValueAsString(considered);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Uni<AssignmentOffer> find(String caseNumber, int offerNumber) {
        return find("caseNumber = ?1 and offerNumber = ?2", caseNumber, offerNumber).firstResult();
    }

    public static PanacheQuery<AssignmentOffer> ofCase(String caseNumber) {
        return find("caseNumber", Sort.ascending("offerNumber"), caseNumber);
    }

    /** Reviewers who declined the case or let its offer time out, each with why they may not have it again. */
    public static Uni<Map<String, String>> refusedBy(String caseNumber) {
        return AssignmentOffer.<AssignmentOffer>list("caseNumber = ?1 and answer in ?2", caseNumber,
                        List.of(OfferAnswer.DECLINED, OfferAnswer.TIMED_OUT))
                .map(offers -> offers.stream().collect(Collectors.toMap(offer -> offer.reviewerId,
                        offer -> offer.answer == OfferAnswer.DECLINED ? "declined this case" : "let this case's offer time out",
                        (first, second) -> first)));
    }

    /** When each reviewer was last offered any case; a reviewer never offered one is absent. */
    public static Uni<Map<String, Instant>> lastOfferedAt() {
        // One index lookup per reviewer (assignment_offer_reviewer), not a scan of every offer ever made.
        return getSession().chain(session -> session
                        .createSelectionQuery("select r.id, (select max(o.offeredAt) from AssignmentOffer o where o.reviewerId = r.id)"
                                + " from ReviewerEntity r", Object[].class)
                        .getResultList())
                .map(rows -> rows.stream().filter(row -> row[1] != null)
                        .collect(Collectors.toMap(row -> (String) row[0], row -> (Instant) row[1])));
    }
}
