package org.imrflow.assignment.domain;

import java.util.Set;

/**
 * An expert reviewer on the roster, with what the qualification rules read.
 *
 * @param affiliations employers, insurers, practices, firms and people the reviewer is affiliated with, by identifier
 */
public record Reviewer(
        String id,
        String specialty,
        String boardCertification,
        boolean licensedInCalifornia,
        int yearsInActivePractice,
        int weeklyClinicalHours,
        boolean active,
        Set<PartyId> affiliations) {

    public Reviewer {
        affiliations = Set.copyOf(affiliations);
    }

    boolean affiliatedWithAnyOf(Set<PartyId> parties) {
        return parties.stream().anyMatch(affiliations::contains);
    }
}
