package org.imrflow.assignment.domain;

import org.imrflow.events.ReviewType;

import java.time.LocalDate;

/**
 * When the determination is due: a number of calendar days after the request and its documents are received (30 for
 * standard review, 3 for expedited). A late determination is still valid; the date is tracked, not enforced.
 */
public final class DeterminationDeadline {
    private final int standardDays;
    private final int expeditedDays;

    public DeterminationDeadline(int standardDays, int expeditedDays) {
        if (standardDays < 1 || expeditedDays < 1) {
            throw new IllegalArgumentException("Determination periods are at least one day");
        }
        this.standardDays = standardDays;
        this.expeditedDays = expeditedDays;
    }

    public LocalDate dueDate(ReviewType reviewType, LocalDate received) {
        return received.plusDays(reviewType == ReviewType.EXPEDITED ? expeditedDays : standardDays);
    }
}
