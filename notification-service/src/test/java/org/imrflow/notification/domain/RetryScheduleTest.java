package org.imrflow.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryScheduleTest {

    private static final Instant FIRST = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration DAY = Duration.ofHours(24);

    /** A spread that is always the same: 0 shortens most, 0.5 not at all, just under 1 lengthens most. */
    private static RandomGenerator always(double spread) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                return spread;
            }
        };
    }

    private static final double MOST = Math.nextDown(1.0);

    @Test
    void eachWaitIsTwiceTheOneBeforeFromTheFirst() {
        RetrySchedule schedule = new RetrySchedule(MINUTE, DAY, always(0.5));
        Instant now = FIRST.plusSeconds(5);
        for (int failed = 1; failed <= 9; failed++) {
            Duration expected = MINUTE.multipliedBy(1L << (failed - 1));
            assertEquals(Optional.of(now.plus(expected)), schedule.nextAttempt(FIRST, failed, now), "after " + failed);
        }
    }

    @Test
    void noWaitIsLongerThanSixHours() {
        RetrySchedule schedule = new RetrySchedule(MINUTE, Duration.ofDays(3650), always(0.5));
        assertEquals(Duration.ofMinutes(256), schedule.waitAfter(9, 0.5), "under the cap");
        assertEquals(Duration.ofHours(6), schedule.waitAfter(10, 0.5), "512 minutes, capped");
        for (int failed : new int[] {10, 11, 40, 63, 64, 1000, Integer.MAX_VALUE}) {
            assertEquals(Optional.of(FIRST.plus(Duration.ofHours(6))), schedule.nextAttempt(FIRST, failed, FIRST),
                    "after " + failed + " failures, and no overflow");
        }
        assertEquals(Duration.ofHours(6), new RetrySchedule(Duration.ofHours(10), DAY).waitAfter(1, 0.5),
                "a first wait above the cap is capped too");
    }

    @Test
    void theSpreadIsATenthEitherWayAndNeverPassesTheCap() {
        RetrySchedule schedule = new RetrySchedule(Duration.ofMinutes(10), DAY);
        assertEquals(Duration.ofMinutes(9), schedule.waitAfter(1, 0.0));
        assertEquals(Duration.ofMinutes(10), schedule.waitAfter(1, 0.5));
        Duration longest = schedule.waitAfter(1, MOST);
        assertTrue(longest.compareTo(Duration.ofMinutes(11)) <= 0 && longest.compareTo(Duration.ofSeconds(659)) > 0,
                longest.toString());
        assertEquals(Duration.ofMinutes(42), schedule.waitAfter(3, 0.75), "40 minutes, a twentieth more");

        assertEquals(Duration.ofMinutes(324), schedule.waitAfter(7, 0.0), "640 minutes capped at 6 h, shortened by a tenth");
        assertEquals(Duration.ofHours(6), schedule.waitAfter(7, MOST), "lengthened, but held at the cap");
    }

    @Test
    void theRandomSpreadStaysWithinItsBoundsAndSpreads() {
        RetrySchedule schedule = new RetrySchedule(MINUTE, DAY);
        Duration low = Duration.ofSeconds(54);
        Duration high = Duration.ofSeconds(66);
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            Instant next = schedule.nextAttempt(FIRST, 1, FIRST).orElseThrow();
            Duration wait = Duration.between(FIRST, next);
            assertTrue(wait.compareTo(low) >= 0 && wait.compareTo(high) <= 0, wait.toString());
            waits.add(wait);
        }
        assertTrue(waits.stream().anyMatch(w -> w.compareTo(Duration.ofSeconds(56)) < 0), "some come early");
        assertTrue(waits.stream().anyMatch(w -> w.compareTo(Duration.ofSeconds(64)) > 0), "some come late");
        assertTrue(waits.stream().distinct().count() > 1000, "retries spread");
    }

    @Test
    void theDeliveryFailsWhenTheNextAttemptWouldComeAfterTheTimeToGiveUp() {
        RetrySchedule schedule = new RetrySchedule(MINUTE, DAY, always(0.5));
        Instant deadline = FIRST.plus(DAY);
        assertEquals(Optional.of(deadline), schedule.nextAttempt(FIRST, 1, deadline.minus(MINUTE)), "at the deadline");
        assertEquals(Optional.empty(), schedule.nextAttempt(FIRST, 1, deadline.minus(MINUTE).plusNanos(1)),
                "a nanosecond after it");
        assertEquals(Optional.empty(), schedule.nextAttempt(FIRST, 1, deadline.plusSeconds(1)), "already past it");

        RetrySchedule never = new RetrySchedule(MINUTE, Duration.ZERO, always(0.0));
        assertEquals(Optional.empty(), never.nextAttempt(FIRST, 1, FIRST), "no time to retry: one attempt only");
    }

    @Test
    void aDeliveryThatAlwaysFailsIsTriedElevenTimesInADayWithTheDefaults() {
        RetrySchedule schedule = new RetrySchedule(MINUTE, DAY, always(0.5));
        List<Instant> attempts = new ArrayList<>(List.of(FIRST));
        Optional<Instant> next;
        while ((next = schedule.nextAttempt(FIRST, attempts.size(), attempts.get(attempts.size() - 1))).isPresent()) {
            attempts.add(next.get());
        }
        // 1, 2, 4 ... 256 minutes (8 h 31 min in all), then 6 h twice: 20 h 31 min; another 6 h passes the day
        assertEquals(12, attempts.size());
        assertEquals(FIRST.plus(Duration.ofMinutes(511)).plus(Duration.ofHours(12)), attempts.get(11));
        assertTrue(attempts.get(11).isBefore(FIRST.plus(DAY)));
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ZERO, DAY));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(MINUTE.negated(), DAY));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(null, DAY));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(MINUTE, DAY.negated()));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(MINUTE, null));
        assertThrows(NullPointerException.class, () -> new RetrySchedule(MINUTE, DAY, null));
        RetrySchedule schedule = new RetrySchedule(MINUTE, DAY);
        assertThrows(IllegalArgumentException.class, () -> schedule.nextAttempt(FIRST, 0, FIRST));
        assertThrows(IllegalArgumentException.class, () -> schedule.nextAttempt(FIRST, -1, FIRST));
    }
}
