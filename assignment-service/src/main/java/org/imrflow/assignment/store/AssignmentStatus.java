package org.imrflow.assignment.store;

public enum AssignmentStatus {
    /** No eligible reviewer on the roster now: the case waits, and the sweep keeps trying. */
    AWAITING_REVIEWER,
    /** Offered to a reviewer, who has not answered yet: counts toward their load. */
    OFFERED,
    /** The reviewer accepted it: on their desk, counts toward their load. */
    ACCEPTED,
    /** The reviewer recorded the determination: off their desk. */
    DECIDED,
    /** The claims administrator authorized the treatment before a determination: off the desk, or never offered. */
    WITHDRAWN;

    /** Waiting or with a reviewer: what a withdrawal still ends. */
    public boolean open() {
        return this == AWAITING_REVIEWER || onADesk();
    }

    /** Offered or accepted: the case counts toward its reviewer's load, and can be moved to another. */
    public boolean onADesk() {
        return this == OFFERED || this == ACCEPTED;
    }
}
