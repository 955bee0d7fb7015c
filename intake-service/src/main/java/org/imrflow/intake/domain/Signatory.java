package org.imrflow.intake.domain;

/** Who signed the application (DWC Form IMR). Only the employee, or the employee's representative, may. */
public enum Signatory {
    EMPLOYEE,
    REPRESENTATIVE,
    CLAIMS_ADMINISTRATOR,
    EMPLOYER,
    OTHER;

    public boolean mayFile() {
        return this == EMPLOYEE || this == REPRESENTATIVE;
    }
}
