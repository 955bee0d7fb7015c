package org.imrflow.review.domain;

import org.imrflow.events.OfferDeclined;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a case stands on the reviewers' desks, and who may do what with it. A case is offered to one reviewer at a
 * time; only that reviewer answers the offer, and only while it is open; only once they accepted may they draft,
 * preview or record the determination. A later offer (higher number) moves the case to another reviewer.
 *
 * @param reviewerId     the reviewer of the current offer
 * @param offerNumber    which offer of the case, from 1
 * @param offerExpiresAt when the current offer runs out unanswered
 */
public record DeskPosition(String reviewerId, ReviewStatus status, int offerNumber, Instant offerExpiresAt) {

    /** What a reviewer-assigned event does to the case. */
    public enum Arrival {
        /** The case was on no desk yet: it is offered. */
        OPENS,
        /** A later offer: the case moves to its reviewer, and whoever had it before loses it. */
        MOVES,
        /** An offer already taken in, or older than the current one: redelivered or out of order. */
        STALE,
        /** The case is decided or withdrawn: no offer changes it. */
        ENDED
    }

    /** The moment an offer made at {@code offeredAt} runs out. */
    public static Instant expiry(Instant offeredAt, Duration offerTime) {
        return offeredAt.plus(offerTime);
    }

    /** What an offer numbered {@code offerNumber} does to a case at this position; null position: no case yet. */
    public static Arrival arrival(DeskPosition position, int offerNumber) {
        if (position == null) {
            return Arrival.OPENS;
        }
        if (position.status.ended()) {
            return Arrival.ENDED;
        }
        return offerNumber > position.offerNumber ? Arrival.MOVES : Arrival.STALE;
    }

    public boolean isOf(String reviewer) {
        return reviewerId.equals(reviewer);
    }

    /** This reviewer accepted the current offer: their acceptance, sent again, is the same acceptance. */
    public boolean acceptedBy(String reviewer) {
        return status == ReviewStatus.ACCEPTED && isOf(reviewer);
    }

    /** Accepting or declining: the offer must still be open and not have run out. Check {@link #isOf} first. */
    public void requireOpenOffer(String caseNumber, Instant now) {
        if (status != ReviewStatus.OFFERED) {
            throw new OfferEndedException(caseNumber, "is " + status.name().toLowerCase(java.util.Locale.ROOT)
                    + ", not an open offer");
        }
        if (!now.isBefore(offerExpiresAt)) {
            throw new OfferEndedException(caseNumber, "ran out at " + offerExpiresAt);
        }
    }

    /**
     * Declining: an open offer, for either reason; or a case already accepted, but only for a conflict of interest
     * found in its records, which the reviewer may learn only once they read them. Check {@link #isOf} first.
     */
    public void requireDeclinable(String caseNumber, OfferDeclined.DeclineReason reason, Instant now) {
        if (status == ReviewStatus.ACCEPTED) {
            if (reason != OfferDeclined.DeclineReason.CONFLICT_IN_RECORDS) {
                throw new OfferEndedException(caseNumber, "is accepted: only a conflict found in the records hands it back");
            }
            return;
        }
        requireOpenOffer(caseNumber, now);
    }

    /**
     * Drafting, previewing or recording the determination: only the reviewer who accepted the case, until it is
     * decided or withdrawn.
     */
    public void requireWorksheetOf(String reviewer, String caseNumber) {
        if (!isOf(reviewer)) {
            throw new NotAcceptedException("Only the reviewer who accepted case " + caseNumber
                    + " may work on its determination");
        }
        switch (status) {
            case DECIDED -> throw new AlreadyDecidedException(caseNumber);
            case WITHDRAWN -> throw new CaseWithdrawnException(caseNumber);
            case OFFERED -> throw new NotAcceptedException("Accept the offer of case " + caseNumber
                    + " before working on its determination");
            case DECLINED -> throw new NotAcceptedException("The offer of case " + caseNumber
                    + " was declined or ran out; it is no longer yours to decide");
            case ACCEPTED -> {
                // the reviewer's case to decide
            }
        }
    }

    /** A time-out due at {@code dueAt} ends the offer when the offer still open then is the one it was set for. */
    public boolean timesOutAt(Instant dueAt) {
        return status == ReviewStatus.OFFERED && offerExpiresAt != null && !offerExpiresAt.isAfter(dueAt);
    }
}
