package org.imrflow.local.load;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** One case of a load run, as the generator submitted it and as its events came by on the wire. */
final class LoadCase {
    final int index;
    final String claimNumber;
    final CaseMix.Dispute dispute;
    final String idempotencyKey = UUID.randomUUID().toString();
    /** When the POST was sent, epoch ms, and how long its answer took, µs; 0 until then. */
    volatile long submittedAt;
    volatile long acceptMicros;
    volatile String caseNumber;
    /** Intake's answer when it was not 201: a finding. */
    volatile String refused;
    /** When the generator saw the case's last event (letter-issued, or case-ineligible), epoch ms; 0 until then. */
    volatile long completedAt;
    volatile boolean ineligible;
    volatile boolean reviewerStarted;
    /** Counted down once the case is complete (for a claims administrator who waits for each case's end). */
    final java.util.concurrent.CountDownLatch completion = new java.util.concurrent.CountDownLatch(1);

    /** Per step: the distinct event ids seen, and the first one's record timestamp (epoch ms). Wire thread only. */
    private final Map<WireStep, Set<String>> ids = new EnumMap<>(WireStep.class);
    private final Map<WireStep, Long> committedAt = new EnumMap<>(WireStep.class);

    LoadCase(int index, String claimNumber, CaseMix.Dispute dispute) {
        this.index = index;
        this.claimNumber = claimNumber;
        this.dispute = dispute;
    }

    /** Records an event of this case; true when it is the step's first event id (a redelivered copy is not). */
    synchronized boolean seen(WireStep step, String eventId, long timestamp) {
        boolean first = !ids.containsKey(step);
        ids.computeIfAbsent(step, s -> new LinkedHashSet<>()).add(eventId);
        committedAt.merge(step, timestamp, Math::min);
        return first;
    }

    synchronized int distinctIds(WireStep step) {
        return ids.getOrDefault(step, Set.of()).size();
    }

    /** The step's first record timestamp, epoch ms, or 0 when it has not been seen. */
    synchronized long committedAt(WireStep step) {
        return committedAt.getOrDefault(step, 0L);
    }

    boolean submitted() {
        return caseNumber != null || refused != null;
    }

    boolean complete() {
        return completedAt > 0;
    }
}
