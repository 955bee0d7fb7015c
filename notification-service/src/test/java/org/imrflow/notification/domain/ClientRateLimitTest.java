package org.imrflow.notification.domain;

import org.imrflow.notification.domain.ClientRateLimit.Decision;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientRateLimitTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));

    private static int allowed(ClientRateLimit limit, String client, int calls) {
        int allowed = 0;
        for (int i = 0; i < calls; i++) {
            if (limit.tryAcquire(client).allowed()) {
                allowed++;
            }
        }
        return allowed;
    }

    @Test
    void aNewClientHasItsWholeBurstThenWaitsOneRefill() {
        ClientRateLimit limit = new ClientRateLimit(5, SECOND, 100, clock);
        for (int i = 0; i < 5; i++) {
            assertEquals(new Decision(true, Duration.ZERO), limit.tryAcquire("203.0.113.7"), "call " + (i + 1));
        }
        assertEquals(new Decision(false, SECOND), limit.tryAcquire("203.0.113.7"));
        assertEquals(new Decision(false, SECOND), limit.tryAcquire("203.0.113.7"), "a refused call costs nothing");
    }

    @Test
    void tokensComeBackOneEveryRefillUpToTheBurst() {
        ClientRateLimit limit = new ClientRateLimit(5, SECOND, 100, clock);
        assertEquals(5, allowed(limit, "a", 10));

        clock.advance(Duration.ofMillis(400));
        assertEquals(new Decision(false, Duration.ofMillis(600)), limit.tryAcquire("a"), "the wait shrinks with time");
        clock.advance(Duration.ofMillis(600));
        assertEquals(1, allowed(limit, "a", 3), "one back after a second");
        clock.advance(Duration.ofMillis(2500));
        assertEquals(2, allowed(limit, "a", 3), "two and a half back: two whole ones");
        clock.advance(Duration.ofMillis(500));
        assertEquals(1, allowed(limit, "a", 3), "the half is not lost");
        clock.advance(Duration.ofHours(1));
        assertEquals(5, allowed(limit, "a", 10), "never more than the burst, however long the client was away");
    }

    @Test
    void aClientThatWaitsAsItIsToldGetsIn() {
        ClientRateLimit limit = new ClientRateLimit(3, Duration.ofSeconds(20), 100, clock);
        allowed(limit, "a", 3);
        Decision refused = limit.tryAcquire("a");
        assertFalse(refused.allowed());
        clock.advance(refused.retryAfter().minusNanos(1));
        assertFalse(limit.tryAcquire("a").allowed(), "a nanosecond early");
        clock.advance(Duration.ofNanos(1));
        assertTrue(limit.tryAcquire("a").allowed(), "on time");
    }

    @Test
    void aBurstOfOneIsOneCallPerRefill() {
        ClientRateLimit limit = new ClientRateLimit(1, Duration.ofMinutes(1), 100, clock);
        assertTrue(limit.tryAcquire("a").allowed());
        assertEquals(new Decision(false, Duration.ofMinutes(1)), limit.tryAcquire("a"));
        clock.advance(Duration.ofSeconds(59));
        assertEquals(new Decision(false, SECOND), limit.tryAcquire("a"));
        clock.advance(SECOND);
        assertTrue(limit.tryAcquire("a").allowed());
    }

    @Test
    void eachClientHasItsOwnBucket() {
        ClientRateLimit limit = new ClientRateLimit(2, SECOND, 100, clock);
        assertEquals(2, allowed(limit, "a", 5));
        assertEquals(2, allowed(limit, "b", 5));
        assertEquals(2, allowed(limit, "", 5), "an empty key is a key");
        assertThrows(NullPointerException.class, () -> limit.tryAcquire(null));
    }

    @Test
    void theLeastRecentlySeenClientIsForgottenBeyondTheMost() {
        ClientRateLimit limit = new ClientRateLimit(2, Duration.ofMinutes(1), 2, clock);
        assertEquals(2, allowed(limit, "a", 3));
        assertEquals(2, allowed(limit, "b", 3));
        assertFalse(limit.tryAcquire("a").allowed(), "a seen again, though refused: b is now the least recent");
        assertEquals(2, allowed(limit, "c", 3));
        assertEquals(2, limit.clients());

        assertFalse(limit.tryAcquire("a").allowed(), "a is remembered");
        assertEquals(2, allowed(limit, "b", 3), "b was forgotten, and is back with a full bucket");
        assertEquals(2, limit.clients());
    }

    @Test
    void manyClientsNeverTakeMoreThanTheMostEntries() {
        ClientRateLimit limit = new ClientRateLimit(1, SECOND, 1000, clock);
        for (int i = 0; i < 50_000; i++) {
            limit.tryAcquire("client-" + i);
        }
        assertEquals(1000, limit.clients());
    }

    @Test
    void callsFromManyThreadsTakeExactlyTheBurst() throws Exception {
        ClientRateLimit limit = new ClientRateLimit(100, Duration.ofMinutes(1), 50, clock);
        AtomicInteger allowed = new AtomicInteger();
        AtomicInteger others = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < 1000; i++) {
                        if (limit.tryAcquire("shared").allowed()) {
                            allowed.incrementAndGet();
                        }
                        // and a churn of other clients, evicting each other meanwhile
                        if (limit.tryAcquire("other-" + thread + "-" + i).allowed()) {
                            others.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(100, allowed.get(), "no token taken twice, none lost");
        assertEquals(8000, others.get());
        assertTrue(limit.clients() <= 50);
    }

    @Test
    void theWaitIsToldInWholeSecondsRoundedUp() {
        assertEquals(0, new Decision(true, Duration.ZERO).retryAfterSeconds());
        assertEquals(1, new Decision(false, Duration.ofMillis(1)).retryAfterSeconds());
        assertEquals(1, new Decision(false, SECOND).retryAfterSeconds());
        assertEquals(2, new Decision(false, Duration.ofMillis(1200)).retryAfterSeconds());
        assertEquals(60, new Decision(false, Duration.ofMinutes(1)).retryAfterSeconds());
    }

    @Test
    void aClockThatStepsBackRefusesRatherThanFails() {
        ClientRateLimit limit = new ClientRateLimit(2, SECOND, 10, clock);
        allowed(limit, "a", 2);
        clock.advance(Duration.ofSeconds(-10));
        Decision decision = limit.tryAcquire("a");
        assertFalse(decision.allowed());
        assertEquals(Duration.ofSeconds(11), decision.retryAfter());
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ClientRateLimit(0, SECOND, 10, clock));
        assertThrows(IllegalArgumentException.class, () -> new ClientRateLimit(1, Duration.ZERO, 10, clock));
        assertThrows(IllegalArgumentException.class, () -> new ClientRateLimit(1, SECOND.negated(), 10, clock));
        assertThrows(IllegalArgumentException.class, () -> new ClientRateLimit(1, null, 10, clock));
        assertThrows(IllegalArgumentException.class, () -> new ClientRateLimit(1, SECOND, 0, clock));
        assertThrows(NullPointerException.class, () -> new ClientRateLimit(1, SECOND, 10, null));
    }
}
