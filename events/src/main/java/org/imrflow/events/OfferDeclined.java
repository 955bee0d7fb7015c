package org.imrflow.events;

import java.time.Instant;

/**
 * The reviewer a case was offered to declined it, or let the offer run out: assignment offers the case to the next
 * eligible reviewer, never again to this one. The determination's due date does not move.
 *
 * @param offerNumber which offer of the case, from 1 (as {@link ReviewerAssigned#offerNumber()} numbered it)
 */
public record OfferDeclined(String caseNumber, int offerNumber, String reviewerId, DeclineReason reason,
                            Instant declinedAt) {

    /** Why an offer ended without an acceptance. */
    public enum DeclineReason {
        /** The reviewer found a conflict of interest in the records that the roster did not show. */
        CONFLICT_IN_RECORDS,
        /** The reviewer cannot take the case now. */
        UNAVAILABLE,
        /** Nobody answered the offer within the offer time. */
        TIMED_OUT
    }
}
