package org.imrflow.assignment.domain;

import java.util.List;
import java.util.Locale;

/**
 * An expert reviewer on the roster, with what the qualification rules read.
 *
 * @param affiliations organizations and people the reviewer is affiliated with: employers, insurers, practices
 */
public record Reviewer(
        String id,
        String specialty,
        String boardCertification,
        boolean licensedInCalifornia,
        int yearsInActivePractice,
        int weeklyClinicalHours,
        boolean active,
        List<String> affiliations) {

    public Reviewer {
        affiliations = List.copyOf(affiliations);
    }

    boolean affiliatedWith(String party) {
        if (party == null || party.isBlank()) {
            return false;
        }
        String normalized = normalize(party);
        return affiliations.stream().map(Reviewer::normalize).anyMatch(normalized::equals);
    }

    static String normalize(String name) {
        return name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
