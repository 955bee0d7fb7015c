package org.imrflow.review.domain;

import org.imrflow.events.ClaimsAdministratorGuideline;
import org.imrflow.events.Outcome;
import org.imrflow.events.ReviewerGuideline;

/** The reviewer's decision on one disputed item, before it is checked against the case. */
public record ItemDecisionDraft(
        int itemNumber,
        Outcome outcome,
        ClaimsAdministratorGuideline claimsAdministratorGuideline,
        ReviewerGuideline reviewerGuideline,
        String rationale) {
}
