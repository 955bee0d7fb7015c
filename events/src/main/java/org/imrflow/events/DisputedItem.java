package org.imrflow.events;

/**
 * One requested treatment as written on the RFA.
 *
 * @param itemNumber 1-based position on the application
 */
public record DisputedItem(int itemNumber, String description, ItemCategory category, String icd10Code) {
}
