package org.imrflow.notification.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How often one client (an address, an API key) may call a public endpoint such as the archive search: a token bucket
 * of {@code burst} tokens, one back every {@code refillEvery}. A client that has used its burst waits, and is told how
 * long. Each client costs one entry, and no more than {@code maxClients} are kept: the least recently seen is
 * forgotten first, and comes back with a full bucket, which is the price of bounded memory under a flood of new keys.
 *
 * <p>The bucket is kept as the moment it will next be full ("generic cell rate algorithm"): a client may call while
 * that moment is less than {@code burst - 1} refills away, and each call moves it one refill on. Thread-safe: calls
 * come from several event-loop threads, and each holds the lock for a map lookup only.
 */
public final class ClientRateLimit {

    /** Whether the call may go ahead; if not, how long until it may ({@link Duration#ZERO} when allowed). */
    public record Decision(boolean allowed, Duration retryAfter) {
        /** The wait in whole seconds, rounded up, as a Retry-After header gives it. */
        public long retryAfterSeconds() {
            long seconds = retryAfter.getSeconds();
            return retryAfter.getNano() > 0 ? seconds + 1 : seconds;
        }
    }

    private static final Decision ALLOWED = new Decision(true, Duration.ZERO);

    private final Duration refillEvery;
    /** How far ahead of now the bucket's full moment may be and a call still go ahead: {@code burst - 1} refills. */
    private final Duration tolerance;
    private final Clock clock;
    /** Each client's moment its bucket is full again, least recently seen first. */
    private final LinkedHashMap<String, Instant> fullAt;

    /**
     * @param burst       how many calls a client may make at once
     * @param refillEvery how long one token takes to come back
     * @param maxClients  how many clients are remembered at the most
     */
    public ClientRateLimit(int burst, Duration refillEvery, int maxClients, Clock clock) {
        if (burst < 1) {
            throw new IllegalArgumentException("the burst must be at least 1, not " + burst);
        }
        if (refillEvery == null || refillEvery.isNegative() || refillEvery.isZero()) {
            throw new IllegalArgumentException("a token must take a positive time to come back, not " + refillEvery);
        }
        if (maxClients < 1) {
            throw new IllegalArgumentException("at least one client must be kept, not " + maxClients);
        }
        this.refillEvery = refillEvery;
        this.tolerance = refillEvery.multipliedBy(burst - 1L);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fullAt = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                return size() > maxClients;
            }
        };
    }

    /** Takes a token of the client's if there is one. */
    public Decision tryAcquire(String clientKey) {
        Objects.requireNonNull(clientKey, "clientKey");
        Instant now = clock.instant();
        synchronized (fullAt) {
            Instant full = fullAt.get(clientKey);
            if (full == null || full.isBefore(now)) {
                full = now;
            }
            Duration ahead = Duration.between(now, full);
            if (ahead.compareTo(tolerance) > 0) {
                return new Decision(false, ahead.minus(tolerance));
            }
            fullAt.put(clientKey, full.plus(refillEvery));
            return ALLOWED;
        }
    }

    /** How many clients are remembered. */
    int clients() {
        synchronized (fullAt) {
            return fullAt.size();
        }
    }
}
