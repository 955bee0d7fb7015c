package org.imrflow.review.store;

public enum ReviewStatus {
    PENDING,
    DECIDED
}
