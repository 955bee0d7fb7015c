package org.imrflow.assignment.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which specialties treat the condition and the disputed items: an ordered table of {@link SpecialtyRule}s, the first
 * that fits an item deciding, and the other names a specialty goes by ("PM&R" for Physical Medicine and
 * Rehabilitation). The table is data (matching/condition-specialties.json); this is how it is read.
 */
public final class ConditionSpecialties {
    private final List<SpecialtyRule> rules;
    private final Map<String, String> specialtyAliases;
    private final Map<String, String> aliases;

    public ConditionSpecialties(List<SpecialtyRule> rules, Map<String, String> specialtyAliases) {
        this.rules = List.copyOf(rules);
        if (this.rules.isEmpty() || !this.rules.get(this.rules.size() - 1).catchesAll()) {
            throw new IllegalArgumentException("The last matching rule must fit every item (no categories, no prefixes)");
        }
        this.specialtyAliases = Map.copyOf(specialtyAliases);
        this.aliases = new HashMap<>();
        specialtyAliases.forEach((alias, specialty) -> aliases.put(normalize(alias), specialty));
    }

    public List<SpecialtyRule> rules() {
        return rules;
    }

    /** Other names of specialties, each to the name the rules use. */
    public Map<String, String> specialtyAliases() {
        return specialtyAliases;
    }

    /** The first rule that fits the item; there is always one. */
    public SpecialtyRule ruleFor(CaseToAssign.Item item) {
        return rules.stream().filter(rule -> rule.fits(item)).findFirst().orElseThrow();
    }

    public boolean treats(String specialty, CaseToAssign.Item item) {
        String canonical = canonical(specialty);
        return ruleFor(item).specialties().stream().anyMatch(accepted -> canonical(accepted).equals(canonical));
    }

    /** The item of the case the specialty does not treat, the first by item number; empty when it treats them all. */
    public Optional<CaseToAssign.Item> firstNotTreated(String specialty, CaseToAssign imrCase) {
        return imrCase.items().stream().filter(item -> !treats(specialty, item)).findFirst();
    }

    /** The specialty's one name, whatever its case, spacing or alias: "pm&r" is "physical medicine and rehabilitation". */
    String canonical(String specialty) {
        String name = normalize(specialty);
        return normalize(aliases.getOrDefault(name, name));
    }

    private static String normalize(String specialty) {
        return Optional.ofNullable(specialty).orElse("").strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
