package org.imrflow.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A qualified reviewer took the case. Carries what the review needs, so review never calls back to intake.
 */
public record ReviewerAssigned(
        String caseNumber,
        String reviewerId,
        ReviewerQualifications qualifications,
        Instant assignedAt,
        ReviewType reviewType,
        LocalDate determinationDueDate,
        ClaimsAdministratorGuideline claimsAdministratorGuideline,
        List<DisputedItem> disputedItems) {
}
