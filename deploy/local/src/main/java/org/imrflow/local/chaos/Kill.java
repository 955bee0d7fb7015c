package org.imrflow.local.chaos;

import org.imrflow.local.LocalSystem.Component;

/** One kill -9 and its restart; times in epoch milliseconds, {@code readyAt} 0 if it never came back. */
public record Kill(Component target, long pid, long killedAt, long readyAt, String failure) {
    public boolean restarted() {
        return readyAt > 0;
    }
}
