package org.imrflow.intake.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * What the eligibility screen looks at.
 *
 * @param receivedOn                  the day the IMR organization received the application
 * @param urDecisionServedOn          the day the UR decision was served on the employee
 * @param servedBy                    how it was served: by mail adds 5 days
 * @param formularyDispute            the dispute is over a drug formulary decision: a shorter window
 * @param urDecisionType              what UR decided
 * @param urDecisionAttached          a copy of the written UR decision came with the application
 * @param signedBy                    who signed; null when unsigned
 * @param liabilityDisputed           the claims administrator disputes liability for the injury or body part
 * @param eligibleDespiteLiability    the claims administrator agrees the case is eligible all the same
 * @param disputedItems               the treatments in dispute, in the application's order
 * @param earlierReviews              the same claim's treatments already taken to IMR by earlier cases
 */
public record ScreeningFacts(
        LocalDate receivedOn,
        LocalDate urDecisionServedOn,
        UrServiceMethod servedBy,
        boolean formularyDispute,
        UrDecisionType urDecisionType,
        boolean urDecisionAttached,
        Signatory signedBy,
        boolean liabilityDisputed,
        boolean eligibleDespiteLiability,
        List<String> disputedItems,
        List<EarlierReview> earlierReviews) {

    /** A treatment an earlier case of the same claim took to IMR. */
    public record EarlierReview(String caseNumber, String treatment) {
    }

    public ScreeningFacts {
        disputedItems = List.copyOf(disputedItems);
        earlierReviews = List.copyOf(earlierReviews);
    }
}
