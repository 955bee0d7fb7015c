package org.imrflow.intake.domain;

/** Where an application stands, as intake knows it. */
public enum CaseStatus {
    /** Eligible, and announced to assignment. */
    RECEIVED,
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
}
