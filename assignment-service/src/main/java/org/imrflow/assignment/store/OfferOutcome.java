package org.imrflow.assignment.store;

/** Where an offer stands once it is not open any more: answered, or taken away. */
public enum OfferOutcome {
    ACCEPTED,
    DECLINED,
    TIMED_OUT,
    /** Operations offered the case to another reviewer. */
    REASSIGNED,
    /** The reviewer left the active roster; the case went to another. */
    REVIEWER_DEACTIVATED,
    /** The reviewer's profile changed so that they may no longer take the case; it went to another. */
    REVIEWER_INELIGIBLE,
    /** The case was withdrawn while the offer was open. */
    WITHDRAWN
}
