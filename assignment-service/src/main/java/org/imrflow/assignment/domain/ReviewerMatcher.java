package org.imrflow.assignment.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the expert reviewer for a case. A reviewer may take it only if every line of the letter's first section
 * holds: no affiliation with a party, board certified, licensed in California, more than five years in active
 * practice, at least 24 hours a week in practice now, and the same or a similar specialty. Among those, the same
 * specialty comes before a similar one, then the lightest load, then the roster id, so the choice is repeatable.
 */
public final class ReviewerMatcher {
    static final int MIN_YEARS_EXCLUSIVE = 5;
    static final int MIN_WEEKLY_HOURS = 24;

    public Optional<Reviewer> choose(CaseToAssign imrCase, List<ReviewerLoad> roster) {
        return roster.stream()
                .filter(load -> qualified(load.reviewer()))
                .filter(load -> conflictFree(load.reviewer(), imrCase))
                .filter(load -> SpecialtyFamilies.same(load.reviewer().specialty(), imrCase.specialty())
                        || SpecialtyFamilies.similar(load.reviewer().specialty(), imrCase.specialty()))
                .min(Comparator
                        .comparing((ReviewerLoad load) -> !SpecialtyFamilies.same(load.reviewer().specialty(), imrCase.specialty()))
                        .thenComparingLong(ReviewerLoad::openCases)
                        .thenComparing(load -> load.reviewer().id()))
                .map(ReviewerLoad::reviewer);
    }

    static boolean qualified(Reviewer reviewer) {
        return reviewer.active()
                && reviewer.licensedInCalifornia()
                && reviewer.boardCertification() != null && !reviewer.boardCertification().isBlank()
                && reviewer.yearsInActivePractice() > MIN_YEARS_EXCLUSIVE
                && reviewer.weeklyClinicalHours() >= MIN_WEEKLY_HOURS;
    }

    static boolean conflictFree(Reviewer reviewer, CaseToAssign imrCase) {
        return !reviewer.affiliatedWithAnyOf(imrCase.parties());
    }
}
