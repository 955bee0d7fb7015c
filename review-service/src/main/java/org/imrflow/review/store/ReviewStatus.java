package org.imrflow.review.store;

public enum ReviewStatus {
    /** On the reviewer's desk. */
    PENDING,
    /** The determination is recorded. */
    DECIDED,
    /** The claims administrator authorized the treatment first: the review ended without a determination. */
    WITHDRAWN
}
