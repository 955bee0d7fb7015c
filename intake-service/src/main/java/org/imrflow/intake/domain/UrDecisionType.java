package org.imrflow.intake.domain;

/** What Utilization Review decided about the requested treatment. */
public enum UrDecisionType {
    DENIED,
    /** Approved in part: reviewable. */
    MODIFIED,
    /** Denied because requested information never came: not a decision on medical necessity, so not reviewable. */
    CONDITIONALLY_NON_CERTIFIED,
    /** Denied on liability alone: raises no question of medical necessity, so not reviewable. */
    DENIED_FOR_LIABILITY;

    public boolean onMedicalNecessity() {
        return this == DENIED || this == MODIFIED;
    }
}
