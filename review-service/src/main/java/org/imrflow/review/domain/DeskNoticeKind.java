package org.imrflow.review.domain;

/** What changed on a reviewer's desk; the page reads the case again over REST. No PHI. */
public enum DeskNoticeKind {
    /** A case was offered to the reviewer. */
    OFFERED,
    /** A case the reviewer had (offered or accepted) moved to another reviewer. */
    OFFER_WITHDRAWN,
    ACCEPTED,
    DECLINED,
    /** The reviewer's offer ran out unanswered. */
    TIMED_OUT,
    /** Records received or complete, a deadline reached, converted to expedited. */
    CASE_UPDATED,
    /** The claims administrator authorized the treatment: the case left the desk. */
    CASE_WITHDRAWN,
    /** The worksheet's draft was saved, perhaps from another device. */
    DRAFT_SAVED,
    DECIDED
}
