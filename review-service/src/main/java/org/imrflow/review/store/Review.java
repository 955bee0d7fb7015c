package org.imrflow.review.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.imrflow.events.ClaimsAdministratorGuideline;
import org.imrflow.events.DisputedItem;
import org.imrflow.http.ListFilter;
import org.imrflow.events.OfferDeclined;
import org.imrflow.events.ReviewerAssigned;
import org.imrflow.review.domain.DeskPosition;
import org.imrflow.review.domain.ReviewStatus;
import org.imrflow.events.ReviewType;
import org.imrflow.events.ReviewerQualifications;
import org.imrflow.events.tracing.TraceParent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A case on an expert reviewer's desk: offered, accepted, then decided; or declined, moved on or withdrawn. */
@Entity
@Table(name = "review")
public class Review extends PanacheEntityBase {
    @Id
    @Column(name = "case_number")
    public String caseNumber;

    @Column(name = "reviewer_id", nullable = false)
    public String reviewerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReviewStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_type", nullable = false)
    public ReviewType reviewType;

    @Column(name = "reviewer_specialty", nullable = false)
    public String reviewerSpecialty;

    @Column(name = "reviewer_board_certification", nullable = false)
    public String reviewerBoardCertification;

    @Column(name = "assigned_at", nullable = false)
    public Instant assignedAt;

    @Column(name = "offer_number", nullable = false)
    public int offerNumber;

    @Column(name = "offered_at", nullable = false)
    public Instant offeredAt;

    @Column(name = "offer_expires_at")
    public Instant offerExpiresAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "declined_at")
    public Instant declinedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "decline_reason")
    public OfferDeclined.DeclineReason declineReason;

    @Column(name = "date_of_injury")
    public LocalDate dateOfInjury;

    @Column(name = "ur_decision_date")
    public LocalDate urDecisionDate;

    @Column(name = "requesting_physician_specialty")
    public String requestingPhysicianSpecialty;

    @Column(name = "ur_guideline_based_on_mtus", nullable = false)
    public boolean urGuidelineBasedOnMtus;

    @Column(name = "ur_guideline_citation", nullable = false)
    public String urGuidelineCitation;

    /**
     * Guards the case: of two determinations sent at once, or an acceptance and the offer's time-out, or an answer and
     * a new offer, one commits and the other gets a conflict.
     */
    @Version
    public long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "review_item", joinColumns = @JoinColumn(name = "case_number"))
    @OrderBy("itemNumber")
    public List<ReviewItemRow> disputedItems = new ArrayList<>();

    @Column(name = "clinical_case_summary")
    public String clinicalCaseSummary;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** The records deadline had passed without complete records when the determination was recorded. */
    @Column(name = "decided_without_complete_records", nullable = false)
    public boolean decidedWithoutCompleteRecords;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "item_decision", joinColumns = @JoinColumn(name = "case_number"))
    @OrderBy("itemNumber")
    public List<ItemDecisionRow> decisions = new ArrayList<>();

    /** The case's trace, as the assignment carried it: the determination continues it (see ReviewDesk). */
    @Embedded
    public TraceParent caseTrace;

    /**
     * The reviewer whose case this is, for reading it: null once they declined it or let it run out, when it is on
     * nobody's desk until the next offer, so the case file and records are no longer theirs to read.
     */
    public String holder() {
        return status == ReviewStatus.DECLINED ? null : reviewerId;
    }

    public DeskPosition position() {
        return new DeskPosition(reviewerId, status, offerNumber, offerExpiresAt);
    }

    /** The application's facts, or null on an offer from before they were sent. */
    public ReviewerAssigned.ApplicationFacts application() {
        return dateOfInjury == null && urDecisionDate == null && requestingPhysicianSpecialty == null ? null
                : new ReviewerAssigned.ApplicationFacts(dateOfInjury, urDecisionDate, requestingPhysicianSpecialty);
    }

    public ClaimsAdministratorGuideline urGuideline() {
        return new ClaimsAdministratorGuideline(urGuidelineBasedOnMtus, urGuidelineCitation);
    }

    public List<DisputedItem> items() {
        return disputedItems.stream().map(ReviewItemRow::toItem).toList();
    }

    public ReviewerQualifications qualifications() {
        return new ReviewerQualifications(reviewerSpecialty, reviewerBoardCertification);
    }

    /** By the determination's due date, from the case file: a review whose clock has not started comes last. */
    /** @param reviewerId a reviewer's own list, without the cases they declined; null for every reviewer's */
    public static PanacheQuery<Review> worklist(String reviewerId, ReviewStatus status) {
        ListFilter filter = new ListFilter().eq("reviewerId", reviewerId).eq("status", status)
                .holds(reviewerId == null ? null : Boolean.FALSE, "r.status = " + ReviewStatus.class.getName() + ".DECLINED");
        return find("select r from Review r left join CaseFile f on f.caseNumber = r.caseNumber where " + filter.query()
                + " order by f.determinationDueDate nulls last, r.caseNumber", filter.parameters());
    }
}
