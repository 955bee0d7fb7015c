package org.imrflow.intake.domain;

/** Where an application stands, as its claims administrator follows it. */
public enum CaseStatus {
    /** Eligible, and announced to assignment. */
    RECEIVED,
    /** An expert reviewer has the case; the determination is due on a known date. */
    ASSIGNED,
    /** The Final Determination letter has gone to the parties. */
    DETERMINATION_ISSUED,
    INELIGIBLE,
    /** Waiting for a liability dispute to be resolved. */
    DEFERRED;

    public static CaseStatus after(ScreeningResult.Verdict verdict) {
        return switch (verdict) {
            case ELIGIBLE -> RECEIVED;
            case INELIGIBLE -> INELIGIBLE;
            case DEFERRED -> DEFERRED;
        };
    }

    /**
     * The status once {@code reached} is reported. Progress only moves forward: events from different topics may
     * arrive in any order, and a late assignment must not undo an issued letter. Screened-out cases do not move.
     */
    public CaseStatus progressTo(CaseStatus reached) {
        if (!inReview() || !reached.inReview()) {
            return this;
        }
        return reached.ordinal() > ordinal() ? reached : this;
    }

    private boolean inReview() {
        return this == RECEIVED || this == ASSIGNED || this == DETERMINATION_ISSUED;
    }
}
