package org.imrflow.assignment.domain;

import org.imrflow.events.ItemCategory;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What matching needs to know about a case.
 *
 * @param items   the disputed items, which decide the acceptable specialties
 * @param parties everyone on the case by identifier: employer, claims administrator, requesting physician and their
 *                medical group, representative's firm, UR organization, the claim (the employee), and the maker of
 *                each disputed drug or device
 */
public record CaseToAssign(String caseNumber, List<Item> items, Set<PartyId> parties) {

    public CaseToAssign {
        items = items.stream().sorted(Comparator.comparingInt(Item::itemNumber)).toList();
        parties = Set.copyOf(parties);
    }

    /** A disputed item as matching reads it: its category and its diagnosis. */
    public record Item(int itemNumber, ItemCategory category, String icd10Code) {

        /** {@code SURGERY of M51.26} */
        @Override
        public String toString() {
            return category + (icd10Code == null || icd10Code.isBlank() ? " with no ICD-10 code" : " of " + icd10Code.strip());
        }
    }
}
