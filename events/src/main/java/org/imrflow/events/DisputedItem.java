package org.imrflow.events;

/**
 * One requested treatment as written on the RFA.
 *
 * @param itemNumber     1-based position on the application
 * @param manufacturerId the maker of a disputed drug or device, by identifier, when the application names one: a
 *                       reviewer affiliated with it may not review the case
 */
public record DisputedItem(int itemNumber, String description, ItemCategory category, String icd10Code,
                           String manufacturerId) {

    public DisputedItem(int itemNumber, String description, ItemCategory category, String icd10Code) {
        this(itemNumber, description, category, icd10Code, null);
    }
}
