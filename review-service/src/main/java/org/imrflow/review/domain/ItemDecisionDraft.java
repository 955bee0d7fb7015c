package org.imrflow.review.domain;

import org.imrflow.events.ClaimsAdministratorGuideline;
import org.imrflow.events.EvidenceLevel;
import org.imrflow.events.Outcome;
import org.imrflow.events.ReviewerGuideline;

import java.util.Map;

/**
 * The reviewer's decision on one disputed item, before it is checked against the case.
 *
 * @param whyNotHigher for each evidence level above the one cited, why it does not apply
 */
public record ItemDecisionDraft(
        int itemNumber,
        Outcome outcome,
        ClaimsAdministratorGuideline claimsAdministratorGuideline,
        ReviewerGuideline reviewerGuideline,
        Map<EvidenceLevel, String> whyNotHigher,
        String rationale) {

    public ItemDecisionDraft {
        whyNotHigher = whyNotHigher == null ? Map.of() : Map.copyOf(whyNotHigher);
    }
}
