package org.imrflow.assignment.store;

public enum AssignmentStatus {
    /** No qualified, conflict-free reviewer on the roster yet. */
    AWAITING_REVIEWER,
    /** On a reviewer's desk: counts toward their load. */
    ASSIGNED,
    /** The reviewer recorded the determination: off their desk. */
    DECIDED,
    /** The claims administrator authorized the treatment before a determination: off the desk, or never assigned. */
    WITHDRAWN;

    /** Waiting or on a desk: what a withdrawal still ends. */
    public boolean open() {
        return this == AWAITING_REVIEWER || this == ASSIGNED;
    }
}
