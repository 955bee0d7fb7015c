package org.imrflow.review.domain;

/** The claims administrator authorized the treatment: the review ended without a determination (8 CCR 9792.10.6(a)). */
public class CaseWithdrawnException extends RuntimeException {
    public CaseWithdrawnException(String caseNumber) {
        super("Case " + caseNumber + " was withdrawn: the claims administrator authorized the treatment, so no"
                + " determination is made");
    }
}
