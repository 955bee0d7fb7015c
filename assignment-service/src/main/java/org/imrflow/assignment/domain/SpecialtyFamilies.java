package org.imrflow.assignment.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Specialties that evaluate and treat the same conditions, for "the same or a similar specialty". The groups follow
 * where IMR determinations come from in practice: musculoskeletal and pain care, the nervous system, mental health.
 */
public final class SpecialtyFamilies {
    private static final List<List<String>> FAMILIES = List.of(
            List.of("physical medicine and rehabilitation", "pm&r", "occupational medicine", "orthopedic surgery",
                    "pain medicine", "anesthesiology", "chiropractic", "sports medicine"),
            List.of("neurology", "neurological surgery", "pain medicine"),
            List.of("psychiatry", "psychology"),
            List.of("internal medicine", "family medicine", "occupational medicine"));

    private SpecialtyFamilies() {
    }

    public static boolean same(String a, String b) {
        return normalize(a).equals(normalize(b));
    }

    public static boolean similar(String a, String b) {
        String left = normalize(a);
        String right = normalize(b);
        return FAMILIES.stream().anyMatch(family -> family.contains(left) && family.contains(right));
    }

    static String normalize(String specialty) {
        return Optional.ofNullable(specialty).orElse("").trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
