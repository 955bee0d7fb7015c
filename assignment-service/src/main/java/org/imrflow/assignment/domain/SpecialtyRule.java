package org.imrflow.assignment.domain;

import org.imrflow.events.ItemCategory;

import java.util.List;
import java.util.Locale;

/**
 * One line of the matching table: items of these categories (none = any) with an ICD-10 code starting with one of
 * these prefixes (none = any code, or none) may be reviewed by these specialties.
 *
 * @param why a short reason in words, shown to operations
 */
public record SpecialtyRule(List<ItemCategory> categories, List<String> icd10Prefixes, List<String> specialties,
                            String why) {

    public SpecialtyRule {
        categories = List.copyOf(categories == null ? List.of() : categories);
        icd10Prefixes = List.copyOf(icd10Prefixes == null ? List.of() : icd10Prefixes);
        specialties = List.copyOf(specialties == null ? List.of() : specialties);
        if (specialties.isEmpty() || why == null || why.isBlank()) {
            throw new IllegalArgumentException("A matching rule names at least one specialty and why");
        }
    }

    boolean fits(CaseToAssign.Item item) {
        return (categories.isEmpty() || categories.contains(item.category()))
                && (icd10Prefixes.isEmpty() || item.icd10Code() != null
                && icd10Prefixes.stream().anyMatch(prefix -> code(item.icd10Code()).startsWith(code(prefix))));
    }

    /** M51.26, m5126 and " M51.26 " are one code. */
    static String code(String icd10) {
        return icd10.replace(".", "").strip().toUpperCase(Locale.ROOT);
    }

    boolean catchesAll() {
        return categories.isEmpty() && icd10Prefixes.isEmpty();
    }
}
