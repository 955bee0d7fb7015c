package org.imrflow.events;

/** The decision on one disputed item. */
public enum Outcome {
    /** The UR denial stands: the item is not medically necessary. */
    UPHELD,
    /** The item is medically necessary and appropriate. */
    OVERTURNED;

    /** As the letter writes it. */
    public String display() {
        return this == UPHELD ? "Upheld" : "Overturned";
    }
}
