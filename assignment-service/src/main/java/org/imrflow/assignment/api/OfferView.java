package org.imrflow.assignment.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imrflow.assignment.domain.ReviewerMatcher.Consideration;
import org.imrflow.assignment.store.AssignmentOffer;
import org.imrflow.assignment.store.OfferAnswer;
import org.imrflow.assignment.store.OfferCause;
import org.imrflow.assignment.store.OfferOutcome;
import org.imrflow.events.OfferDeclined.DeclineReason;

import java.time.Instant;
import java.util.List;

/** One offer of a case, for operations: who, why them, why not everyone else, and how it ended. */
public record OfferView(
        int offerNumber,
        String reviewerId,
        Instant offeredAt,
        OfferCause whyOffered,
        @Schema(description = "What operations wrote when reassigning by hand")
        String operationsNote,
        @Schema(description = "Absent while the offer waits for an answer")
        OfferOutcome outcome,
        Instant outcomeAt,
        @Schema(description = "The reviewer's answer, kept even when it came after the offer had ended")
        OfferAnswer answer,
        DeclineReason declineReason,
        Instant answeredAt,
        @Schema(description = "Every reviewer on the roster at the time, by id, with why they were or were not chosen")
        List<Consideration> reasons) {

    static OfferView of(AssignmentOffer offer) {
        return new OfferView(offer.offerNumber, offer.reviewerId, offer.offeredAt, offer.whyOffered, offer.operationsNote,
                offer.outcome, offer.outcomeAt, offer.answer, offer.declineReason, offer.answeredAt, offer.considerations());
    }
}
