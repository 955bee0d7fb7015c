package org.imrflow.intake.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * What late medical records cost the claims administrator (8 CCR 9792.12(c)(6)): $500 for each day late, a part day
 * counting as a day, up to $5,000 per case.
 */
public final class LateRecords {
    public static final int DOLLARS_PER_DAY = 500;
    public static final int MOST_DOLLARS = 5_000;

    private LateRecords() {
    }

    /** Whole days after the deadline, a started day counting; 0 when on time or when there is no deadline yet. */
    public static int daysLate(Instant dueAt, Instant receivedAt) {
        if (dueAt == null || !receivedAt.isAfter(dueAt)) {
            return 0;
        }
        Duration late = Duration.between(dueAt, receivedAt);
        long days = late.toDays() + (late.minusDays(late.toDays()).isZero() ? 0 : 1);
        return (int) Math.min(days, Integer.MAX_VALUE);
    }

    public static int penaltyDollars(int daysLate) {
        return (int) Math.min((long) daysLate * DOLLARS_PER_DAY, MOST_DOLLARS);
    }
}
