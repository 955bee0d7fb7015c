package org.imrflow.events;

/** The parties a notice or a Final Determination is addressed to (8 CCR 9792.10.4, 9792.10.6). */
public enum PartyRole {
    EMPLOYEE("Employee"),
    REPRESENTATIVE("Employee's representative"),
    EMPLOYER("Employer"),
    REQUESTING_PHYSICIAN("Requesting physician"),
    CLAIMS_ADMINISTRATOR("Claims administrator");

    private final String display;

    PartyRole(String display) {
        this.display = display;
    }

    /** "Requesting physician" */
    public String display() {
        return display;
    }
}
