package org.imrflow.review.domain;

/** An answer to an offer that is no longer open: accepted, declined, run out, moved on, decided or withdrawn. */
public class OfferEndedException extends RuntimeException {
    public OfferEndedException(String caseNumber, String why) {
        super("The offer of case " + caseNumber + " " + why);
    }
}
