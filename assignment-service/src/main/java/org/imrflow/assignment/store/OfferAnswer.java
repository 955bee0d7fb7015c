package org.imrflow.assignment.store;

/** What the reviewer's desk said about an offer: kept even when it came too late to count. */
public enum OfferAnswer {
    ACCEPTED,
    DECLINED,
    TIMED_OUT
}
