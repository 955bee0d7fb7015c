package org.imrflow.review.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.imrflow.events.ClaimsAdministratorGuideline;
import org.imrflow.http.ListFilter;
import org.imrflow.events.ReviewType;
import org.imrflow.events.ReviewerQualifications;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A case on an expert reviewer's desk: pending until the determination is recorded. */
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

    @Column(name = "determination_due_date", nullable = false)
    public LocalDate determinationDueDate;

    @Column(name = "ur_guideline_based_on_mtus", nullable = false)
    public boolean urGuidelineBasedOnMtus;

    @Column(name = "ur_guideline_citation", nullable = false)
    public String urGuidelineCitation;

    /** JSON array of the disputed items, as assignment sent them. */
    @Column(name = "disputed_items", nullable = false)
    public String disputedItems;

    @Column(name = "clinical_case_summary")
    public String clinicalCaseSummary;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "item_decision", joinColumns = @JoinColumn(name = "case_number"))
    @OrderBy("itemNumber")
    public List<ItemDecisionRow> decisions = new ArrayList<>();

    public ClaimsAdministratorGuideline urGuideline() {
        return new ClaimsAdministratorGuideline(urGuidelineBasedOnMtus, urGuidelineCitation);
    }

    public ReviewerQualifications qualifications() {
        return new ReviewerQualifications(reviewerSpecialty, reviewerBoardCertification);
    }

    public static PanacheQuery<Review> worklist(String reviewerId, ReviewStatus status) {
        ListFilter filter = new ListFilter().eq("reviewerId", reviewerId).eq("status", status);
        return find(filter.query(), Sort.ascending("determinationDueDate", "caseNumber"), filter.parameters());
    }
}
