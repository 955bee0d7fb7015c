package org.imrflow.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The expert reviewer's determination: the clinical case summary and one decision per disputed item. The letter's
 * clinical text travels here, once, and in no other event.
 */
public record DecisionRecorded(
        String caseNumber,
        String reviewerId,
        ReviewerQualifications qualifications,
        Instant decidedAt,
        LocalDate determinationDueDate,
        String clinicalCaseSummary,
        List<ItemDecision> decisions) {

    public record ItemDecision(
            int itemNumber,
            String description,
            ItemCategory category,
            Outcome outcome,
            ClaimsAdministratorGuideline claimsAdministratorGuideline,
            ReviewerGuideline reviewerGuideline,
            String rationale) {
    }
}
