package org.imrflow.intake.domain;

/** What was asked cannot happen at the case's stage: records for a closed case, a withdrawal after the letter. */
public class CaseStateConflictException extends RuntimeException {
    public CaseStateConflictException(String message) {
        super(message);
    }
}
