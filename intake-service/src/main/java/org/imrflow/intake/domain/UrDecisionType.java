package org.imrflow.intake.domain;

/** What Utilization Review decided about the requested treatment. */
public enum UrDecisionType {
    DENIED,
    MODIFIED,
    /** Not a decision on medical necessity: such a UR decision cannot go to IMR. */
    CONDITIONALLY_NON_CERTIFIED
}
