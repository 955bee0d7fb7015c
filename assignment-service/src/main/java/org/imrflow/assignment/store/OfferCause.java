package org.imrflow.assignment.store;

/** Why a case was offered (again). */
public enum OfferCause {
    /** Its first offer. */
    FIRST,
    /** The reviewer before declined it. */
    DECLINED,
    /** The offer before ran out unanswered. */
    TIMED_OUT,
    /** Operations took it from the reviewer before. */
    REASSIGNED_BY_OPERATIONS,
    /** The reviewer before left the active roster. */
    REVIEWER_DEACTIVATED,
    /** The reviewer before may no longer take it: their profile changed (a conflict, a lapsed licence, …). */
    REVIEWER_INELIGIBLE;

    /** Why the next offer is made, given how the one before ended; FIRST when there was none. */
    public static OfferCause after(OfferOutcome previous) {
        if (previous == null) {
            return FIRST;
        }
        return switch (previous) {
            case DECLINED -> DECLINED;
            case TIMED_OUT -> TIMED_OUT;
            case REASSIGNED -> REASSIGNED_BY_OPERATIONS;
            case REVIEWER_DEACTIVATED -> REVIEWER_DEACTIVATED;
            case REVIEWER_INELIGIBLE -> REVIEWER_INELIGIBLE;
            case ACCEPTED, WITHDRAWN -> FIRST;
        };
    }
}
