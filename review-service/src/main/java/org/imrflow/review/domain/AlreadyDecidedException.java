package org.imrflow.review.domain;

/** A determination for a case that already has one: the first stands. */
public class AlreadyDecidedException extends RuntimeException {
    public AlreadyDecidedException(String caseNumber) {
        super("Case " + caseNumber + " is already decided");
    }
}
