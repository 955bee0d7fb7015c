package org.imrflow.assignment.domain;

import java.time.Instant;

/**
 * A reviewer with the cases on their desk now and when they were last offered one.
 *
 * @param openCases     cases offered to them or accepted, not yet decided or withdrawn
 * @param lastOfferedAt their latest offer of any case; null if never offered one
 */
public record ReviewerLoad(Reviewer reviewer, long openCases, Instant lastOfferedAt) {
}
