package org.imrflow.intake.domain;

/** The same dispute (claim, UR decision date, treatments) is already an open or decided case. */
public class DuplicateApplicationException extends RuntimeException {
    private final String existingCaseNumber;

    public DuplicateApplicationException(String existingCaseNumber) {
        super("The same application is already case " + existingCaseNumber);
        this.existingCaseNumber = existingCaseNumber;
    }

    public String existingCaseNumber() {
        return existingCaseNumber;
    }
}
