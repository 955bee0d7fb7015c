package org.imrflow.review.domain;

/** Where a case stands on the reviewers' desks. */
public enum ReviewStatus {
    /** Offered to the reviewer, who has not answered yet; the offer runs out at its expiry. */
    OFFERED,
    /** The reviewer accepted the offer: the case is theirs to decide. */
    ACCEPTED,
    /** The reviewer declined the offer, or let it run out: on nobody's desk until assignment offers it again. */
    DECLINED,
    /** The determination is recorded. */
    DECIDED,
    /** The claims administrator authorized the treatment first: the review ended without a determination. */
    WITHDRAWN;

    /** On a reviewer's desk now: an open offer or an accepted case. */
    public boolean onDesk() {
        return this == OFFERED || this == ACCEPTED;
    }

    /** Nothing moves the case any more. */
    public boolean ended() {
        return this == DECIDED || this == WITHDRAWN;
    }
}
