package org.imrflow.review.api;

import org.imrflow.events.ClaimsAdministratorGuideline;
import org.imrflow.events.DisputedItem;
import org.imrflow.events.Outcome;
import org.imrflow.events.ReviewType;
import org.imrflow.events.ReviewerGuideline;
import org.imrflow.review.store.Review;
import org.imrflow.review.store.ReviewStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A review as its reviewer sees it. */
public record ReviewView(
        String caseNumber,
        ReviewStatus status,
        String reviewerId,
        ReviewType reviewType,
        Instant assignedAt,
        LocalDate determinationDueDate,
        ClaimsAdministratorGuideline claimsAdministratorGuideline,
        List<DisputedItem> disputedItems,
        String clinicalCaseSummary,
        Instant decidedAt,
        List<Decision> decisions) {

    public record Decision(int itemNumber, Outcome outcome, ClaimsAdministratorGuideline claimsAdministratorGuideline,
                           ReviewerGuideline reviewerGuideline, String rationale) {
    }

    static ReviewView of(Review r, List<DisputedItem> items) {
        return new ReviewView(r.caseNumber, r.status, r.reviewerId, r.reviewType, r.assignedAt, r.determinationDueDate,
                r.urGuideline(), items, r.clinicalCaseSummary, r.decidedAt,
                r.decisions.stream().map(d -> new Decision(d.itemNumber, d.outcome, d.claimsAdministratorGuideline(),
                        d.reviewerGuideline(), d.rationale)).toList());
    }
}
