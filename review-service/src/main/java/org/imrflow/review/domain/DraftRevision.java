package org.imrflow.review.domain;

/**
 * A worksheet's draft is saved over the revision it was based on, so that a second device does not silently overwrite
 * the first: revisions count from 1, and 0 means "there was no draft".
 */
public final class DraftRevision {
    private DraftRevision() {
    }

    /** The revision a save makes, or {@link StaleDraftException} when the draft moved on since {@code basedOn}. */
    public static int next(int current, int basedOn) {
        if (basedOn != current) {
            throw new StaleDraftException(current);
        }
        return current + 1;
    }
}
