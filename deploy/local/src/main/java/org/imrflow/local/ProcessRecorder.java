package org.imrflow.local;

/** Told of every process the stack starts (and restarts), so that the pid file always lists what is running. */
@FunctionalInterface
public interface ProcessRecorder {
    ProcessRecorder NONE = (name, pid) -> {
    };

    void started(String name, long pid);
}
