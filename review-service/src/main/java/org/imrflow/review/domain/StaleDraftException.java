package org.imrflow.review.domain;

/** A draft saved over a revision that is no longer the current one: another device saved meanwhile. */
public class StaleDraftException extends RuntimeException {
    private final int currentRevision;

    public StaleDraftException(int currentRevision) {
        super("The draft was saved elsewhere meanwhile: it is at revision " + currentRevision
                + "; read it again before saving");
        this.currentRevision = currentRevision;
    }

    public int currentRevision() {
        return currentRevision;
    }
}
