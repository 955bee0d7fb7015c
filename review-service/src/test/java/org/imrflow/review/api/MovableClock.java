package org.imrflow.review.api;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock review reads in tests: real time, moved forward when a test needs a deadline to pass. Tests move it
 * instead of sleeping, and put it back when done, because every test class shares the application.
 */
public class MovableClock extends Clock {
    private static final AtomicReference<Duration> AHEAD = new AtomicReference<>(Duration.ZERO);

    /** Moves every clock of the application forward. */
    public static void advance(Duration by) {
        AHEAD.updateAndGet(ahead -> ahead.plus(by));
    }

    public static void reset() {
        AHEAD.set(Duration.ZERO);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(AHEAD.get());
    }

    /** Replaces the system clock (org.imrflow.events.SystemClock, a default bean) in the test application. */
    public static class Producer {
        @Produces
        @Singleton
        Clock clock() {
            return new MovableClock();
        }
    }
}
