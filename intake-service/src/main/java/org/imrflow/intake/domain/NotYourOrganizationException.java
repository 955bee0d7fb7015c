package org.imrflow.intake.domain;

/** A claims administrator acting for an organization that is not theirs: 403. */
public class NotYourOrganizationException extends RuntimeException {
    public NotYourOrganizationException(String message) {
        super(message);
    }
}
