package org.imrflow.events.timer;

import io.smallrye.mutiny.Uni;

/**
 * What a service does when one of its timers fires. Runs in the transaction that deletes the timer, so what it writes
 * (its state, its outbox events) commits exactly when the timer is spent: once, even with two replicas polling.
 */
public interface TimerHandler {
    Uni<Void> fire(DueTimer timer);
}
