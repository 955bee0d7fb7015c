package org.imrflow.local.chaos;

import org.imrflow.local.LocalSystem.Component;

/**
 * One kill -9 and its restart; times in epoch milliseconds, {@code readyAt} 0 if it never came back.
 *
 * @param instance       what was killed: the component's label, or a replica's name ({@code intake-service-2})
 * @param takeoverMillis with replicas: from the kill until the other replicas held every partition of the service's
 *                       groups (-1 if not measured, or they never did)
 */
public record Kill(Component target, String instance, long pid, long killedAt, long readyAt, String failure,
                   long takeoverMillis) {
    public boolean restarted() {
        return readyAt > 0;
    }
}
