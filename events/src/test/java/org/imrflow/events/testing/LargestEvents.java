package org.imrflow.events.testing;

import org.imrflow.events.ClaimsAdministratorGuideline;
import org.imrflow.events.DecisionRecorded;
import org.imrflow.events.EventLimits;
import org.imrflow.events.EvidenceLevel;
import org.imrflow.events.ItemCategory;
import org.imrflow.events.Outcome;
import org.imrflow.events.ReviewerGuideline;
import org.imrflow.events.ReviewerQualifications;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The largest events the REST APIs can cause: every list at its maximum and every text at its maximum length in
 * characters that need 3 bytes in UTF-8, the worst case for Kafka's size limit.
 */
public final class LargestEvents {
    /** U+20AC, the euro sign: 3 bytes in UTF-8, 1 UTF-16 code unit. */
    private static final String WIDEST = "\u20AC";

    private LargestEvents() {
    }

    public static String text(int length) {
        return WIDEST.repeat(length);
    }

    public static DecisionRecorded determination(String caseNumber) {
        return new DecisionRecorded(caseNumber, "r".repeat(EventLimits.REVIEWER_ID),
                new ReviewerQualifications(text(EventLimits.SPECIALTY), text(EventLimits.BOARD_CERTIFICATION)),
                Instant.now(), LocalDate.now().plusDays(30), text(EventLimits.CLINICAL_CASE_SUMMARY),
                IntStream.rangeClosed(1, EventLimits.DISPUTED_ITEMS).mapToObj(item -> new DecisionRecorded.ItemDecision(
                        item, text(EventLimits.ITEM_DESCRIPTION), ItemCategory.EVALUATION_AND_MANAGEMENT, Outcome.OVERTURNED,
                        new ClaimsAdministratorGuideline(false, text(EventLimits.GUIDELINE_CITATION)),
                        new ReviewerGuideline(EvidenceLevel.LIKELY_BENEFICIAL_WHEN_OTHERS_INEFFECTIVE,
                                text(EventLimits.GUIDELINE_SOURCE), text(EventLimits.GUIDELINE_CHAPTER),
                                text(EventLimits.GUIDELINE_PAGES)),
                        text(EventLimits.RATIONALE))).toList());
    }
}
