package org.imrflow.events;

import java.time.Instant;

/**
 * The reviewer a case was offered to accepted it: from now only they may record its determination.
 *
 * @param offerNumber which offer of the case, from 1 (as {@link ReviewerAssigned#offerNumber()} numbered it)
 */
public record OfferAccepted(String caseNumber, int offerNumber, String reviewerId, Instant acceptedAt) {
}
