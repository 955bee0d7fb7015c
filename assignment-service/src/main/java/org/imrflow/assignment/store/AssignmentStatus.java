package org.imrflow.assignment.store;

public enum AssignmentStatus {
    /** No qualified, conflict-free reviewer on the roster yet. */
    AWAITING_REVIEWER,
    ASSIGNED
}
