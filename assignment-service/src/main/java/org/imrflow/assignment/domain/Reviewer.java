package org.imrflow.assignment.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/**
 * An expert reviewer on the roster, with what the qualification rules read.
 *
 * @param specialty         what the reviewer practises, matched against the condition and the disputed items
 * @param practiceStartedOn the day active clinical practice began
 * @param affiliations      employers, insurers, practices, firms, makers and people the reviewer is affiliated with
 */
public record Reviewer(
        String id,
        String specialty,
        CaliforniaLicence licence,
        BoardCertification boardCertification,
        LocalDate practiceStartedOn,
        int weeklyClinicalHours,
        boolean active,
        Set<PartyId> affiliations) {

    public Reviewer {
        affiliations = Set.copyOf(affiliations);
    }

    /** The first party of the case the reviewer is affiliated with, in the order of {@link PartyId.Kind}. */
    Optional<PartyId> conflictWith(Set<PartyId> parties) {
        return parties.stream().filter(affiliations::contains).min(Comparator.comparing(PartyId::kind));
    }
}
