package org.imrflow.assignment.application;

/** Operations asked for a reassignment that cannot be made: the case is closed, or no (named) reviewer may take it. */
public class ReassignmentRefused extends RuntimeException {
    public ReassignmentRefused(String reason) {
        super(reason);
    }
}
