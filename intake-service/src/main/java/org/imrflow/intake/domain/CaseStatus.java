package org.imrflow.intake.domain;

/** Where an application stands, as its claims administrator follows it. */
public enum CaseStatus {
    /** Eligible, and announced to assignment. */
    RECEIVED,
    /** An expert reviewer has the case. */
    ASSIGNED,
    /** The Final Determination letter has gone to the parties. */
    DETERMINATION_ISSUED,
    INELIGIBLE,
    /** Waiting for a liability dispute to be resolved. */
    DEFERRED,
    /** The claims administrator authorized the treatment: the review ended without a letter. */
    WITHDRAWN;

    public static CaseStatus after(ScreeningResult.Verdict verdict) {
        return switch (verdict) {
            case ELIGIBLE -> RECEIVED;
            case INELIGIBLE -> INELIGIBLE;
            case DEFERRED -> DEFERRED;
        };
    }

    /**
     * The status once {@code reached} is reported. Progress only moves forward: events from different topics may
     * arrive in any order, and a late assignment must not undo an issued letter. Screened-out and withdrawn cases do
     * not move.
     */
    public CaseStatus progressTo(CaseStatus reached) {
        if (!inReview() || !reached.inReview()) {
            return this;
        }
        return reached.ordinal() > ordinal() ? reached : this;
    }

    /** Whether the claims administrator may still end the review: any time before the letter, while not closed. */
    public boolean withdrawable() {
        return this == RECEIVED || this == ASSIGNED || this == DEFERRED;
    }

    /** Whether medical records are still taken: the case is eligible and not closed. */
    public boolean takesRecords() {
        return this == RECEIVED || this == ASSIGNED;
    }

    private boolean inReview() {
        return this == RECEIVED || this == ASSIGNED || this == DETERMINATION_ISSUED;
    }
}
