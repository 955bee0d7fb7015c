package org.imrflow.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery (an email, a webhook) is tried again: after {@code first}, then twice as long after each
 * further failure, no single wait longer than {@link #LONGEST_WAIT}, until the attempt would come later than
 * {@code giveUpAfter} from the first one, when the delivery has failed. Each wait is spread by up to a tenth either
 * way, so that the deliveries that failed together (a party's server down for an hour) do not all come back at once.
 */
public final class RetrySchedule {
    /** The longest a delivery waits between two attempts, so that a recovered party does not wait half a day. */
    public static final Duration LONGEST_WAIT = Duration.ofHours(6);
    /** How far a wait is spread either way. */
    static final double JITTER = 0.10;

    private final Duration first;
    private final Duration giveUpAfter;
    private final RandomGenerator random;

    /** With a random spread that is safe to use from any thread. */
    public RetrySchedule(Duration first, Duration giveUpAfter) {
        this(first, giveUpAfter, () -> ThreadLocalRandom.current().nextLong());
    }

    /** @param random where the spread comes from; it must be safe for the threads that call {@link #nextAttempt} */
    public RetrySchedule(Duration first, Duration giveUpAfter, RandomGenerator random) {
        if (first == null || first.isNegative() || first.isZero()) {
            throw new IllegalArgumentException("the first wait must be positive, not " + first);
        }
        if (giveUpAfter == null || giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("the time to give up after must not be negative, not " + giveUpAfter);
        }
        this.first = first;
        this.giveUpAfter = giveUpAfter;
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * When to try again after a failure; empty when that would be later than {@code giveUpAfter} from the first
     * attempt, and the delivery has failed.
     *
     * @param failedAttempts how many attempts have failed, this one included: 1 after the first
     * @param now            when the last attempt failed
     */
    public Optional<Instant> nextAttempt(Instant firstAttemptAt, int failedAttempts, Instant now) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("a retry follows a failed attempt, not " + failedAttempts);
        }
        Instant next = now.plus(waitAfter(failedAttempts, random.nextDouble()));
        return next.isAfter(firstAttemptAt.plus(giveUpAfter)) ? Optional.empty() : Optional.of(next);
    }

    /**
     * The wait after so many failures: {@code first} doubled for each failure after the first, capped, spread by
     * {@code spread} (0 inclusive to 1 exclusive, from most shortened to most lengthened) and capped again, so that
     * no wait is longer than {@link #LONGEST_WAIT}.
     */
    Duration waitAfter(int failedAttempts, double spread) {
        double longest = LONGEST_WAIT.toNanos();
        // in doubles: 2^62 nanoseconds are enough to overflow a long, and the cap is what counts
        double doubled = Math.min(first.toNanos() * Math.pow(2, failedAttempts - 1), longest);
        double spreadOut = doubled * (1 - JITTER + 2 * JITTER * spread);
        return Duration.ofNanos(Math.round(Math.min(spreadOut, longest)));
    }
}
