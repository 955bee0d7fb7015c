package org.imrflow.events;

/** The category of a disputed item, as on the IMR application. */
public enum ItemCategory {
    PHARMACY,
    PHYSICAL_THERAPY_OR_REHAB,
    INJECTIONS,
    DME,
    DIAGNOSTICS_OR_IMAGING,
    SURGERY,
    EVALUATION_AND_MANAGEMENT,
    OTHER
}
