package org.imrflow.events;

/** Standard, or expedited when the physician certifies an imminent, serious threat to the employee's health. */
public enum ReviewType {
    STANDARD,
    EXPEDITED
}
