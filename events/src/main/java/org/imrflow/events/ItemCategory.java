package org.imrflow.events;

/** The category of a disputed item, as on the IMR application. */
public enum ItemCategory {
    PHARMACY("Pharmacy"),
    PHYSICAL_THERAPY_OR_REHAB("Physical therapy or rehabilitation"),
    INJECTIONS("Injections"),
    DME("Durable medical equipment"),
    DIAGNOSTICS_OR_IMAGING("Diagnostics or imaging"),
    SURGERY("Surgery"),
    EVALUATION_AND_MANAGEMENT("Evaluation and management"),
    OTHER("Other");

    private final String display;

    ItemCategory(String display) {
        this.display = display;
    }

    /** As letters and the public archive print it: "Durable medical equipment". */
    public String display() {
        return display;
    }
}
