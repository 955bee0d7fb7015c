package org.imrflow.assignment.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReviewerMatcherTest {
    private final ReviewerMatcher matcher = new ReviewerMatcher();
    private static final CaseToAssign PAIN_CASE = new CaseToAssign("CM26-0000001", "Pain Medicine",
            List.of("Pat Example", "City Fleet Services", "Acme Claims Services", "Dr. Lee Treating"));

    private static Reviewer reviewer(String id, String specialty) {
        return new Reviewer(id, specialty, specialty, true, 10, 30, true, List.of());
    }

    private static ReviewerLoad load(Reviewer reviewer, long open) {
        return new ReviewerLoad(reviewer, open);
    }

    private Optional<String> choose(ReviewerLoad... roster) {
        return matcher.choose(PAIN_CASE, List.of(roster)).map(Reviewer::id);
    }

    @Test
    void theSameSpecialtyComesBeforeASimilarOne() {
        assertEquals(Optional.of("pain"), choose(load(reviewer("occ", "Occupational Medicine"), 0),
                load(reviewer("pain", "Pain Medicine"), 5)));
    }

    @Test
    void aSimilarSpecialtyServesWhenNoneIsTheSame() {
        assertEquals(Optional.of("occ"), choose(load(reviewer("occ", "Occupational Medicine"), 0),
                load(reviewer("psy", "Psychiatry"), 0)));
    }

    @Test
    void anUnrelatedSpecialtyNeverServes() {
        assertEquals(Optional.empty(), choose(load(reviewer("psy", "Psychiatry"), 0)));
    }

    @Test
    void specialtyNamesMatchWhateverTheirCaseAndSpacing() {
        assertEquals(Optional.of("pain"), choose(load(reviewer("pain", "  pain   MEDICINE "), 0)));
    }

    @Test
    void theLightestLoadWinsThenTheRosterId() {
        assertEquals(Optional.of("b"), choose(load(reviewer("a", "Pain Medicine"), 3), load(reviewer("b", "Pain Medicine"), 1)));
        assertEquals(Optional.of("a"), choose(load(reviewer("b", "Pain Medicine"), 1), load(reviewer("a", "Pain Medicine"), 1)));
    }

    @Test
    void aReviewerMustBeLicensedInCalifornia() {
        Reviewer unlicensed = new Reviewer("x", "Pain Medicine", "Pain Medicine", false, 10, 30, true, List.of());
        assertEquals(Optional.empty(), choose(load(unlicensed, 0)));
    }

    @Test
    void aReviewerMustBeBoardCertified() {
        Reviewer uncertified = new Reviewer("x", "Pain Medicine", " ", true, 10, 30, true, List.of());
        assertEquals(Optional.empty(), choose(load(uncertified, 0)));
    }

    @Test
    void aReviewerNeedsMoreThanFiveYearsInPractice() {
        assertEquals(Optional.empty(), choose(load(new Reviewer("x", "Pain Medicine", "Pain Medicine", true, 5, 30, true, List.of()), 0)));
        assertTrue(choose(load(new Reviewer("x", "Pain Medicine", "Pain Medicine", true, 6, 30, true, List.of()), 0)).isPresent());
    }

    @Test
    void aReviewerWorksAtLeast24HoursAWeek() {
        assertEquals(Optional.empty(), choose(load(new Reviewer("x", "Pain Medicine", "Pain Medicine", true, 10, 23, true, List.of()), 0)));
        assertTrue(choose(load(new Reviewer("x", "Pain Medicine", "Pain Medicine", true, 10, 24, true, List.of()), 0)).isPresent());
    }

    @Test
    void anInactiveReviewerIsNotChosen() {
        assertEquals(Optional.empty(), choose(load(new Reviewer("x", "Pain Medicine", "Pain Medicine", true, 10, 30, false, List.of()), 0)));
    }

    @Test
    void aReviewerAffiliatedWithAnyPartyIsNotChosen() {
        Reviewer employerDoctor = new Reviewer("conflicted", "Pain Medicine", "Pain Medicine", true, 10, 30, true,
                List.of("city fleet  services"));
        assertEquals(Optional.of("free"), choose(load(employerDoctor, 0), load(reviewer("free", "Pain Medicine"), 9)));
        assertEquals(Optional.empty(), choose(load(employerDoctor, 0)));
    }
}
