package org.imrflow.assignment.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReviewerMatcherTest {
    private final ReviewerMatcher matcher = new ReviewerMatcher();
    private static final PartyId EMPLOYER = new PartyId(PartyId.Kind.EMPLOYER, "95-1234567");
    private static final CaseToAssign PAIN_CASE = new CaseToAssign("CM26-0000001", "Pain Medicine", Set.of(EMPLOYER,
            new PartyId(PartyId.Kind.CLAIMS_ADMINISTRATOR, "acme-claims"), new PartyId(PartyId.Kind.PROVIDER, "1234567893"),
            new PartyId(PartyId.Kind.LAW_FIRM, "counsel-co"), new PartyId(PartyId.Kind.CLAIM, "WC-2005-88123")));

    private static Reviewer reviewer(String id, String specialty) {
        return new Reviewer(id, specialty, specialty, true, 10, 30, true, Set.of());
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
        Reviewer unlicensed = new Reviewer("x", "Pain Medicine", "Pain Medicine", false, 10, 30, true, Set.of());
        assertEquals(Optional.empty(), choose(load(unlicensed, 0)));
    }

    @Test
    void aReviewerMustBeBoardCertified() {
        Reviewer uncertified = new Reviewer("x", "Pain Medicine", " ", true, 10, 30, true, Set.of());
        assertEquals(Optional.empty(), choose(load(uncertified, 0)));
    }

    @Test
    void aReviewerNeedsMoreThanFiveYearsInPractice() {
        assertEquals(Optional.empty(), choose(load(new Reviewer("x", "Pain Medicine", "Pain Medicine", true, 5, 30, true, Set.of()), 0)));
        assertTrue(choose(load(new Reviewer("x", "Pain Medicine", "Pain Medicine", true, 6, 30, true, Set.of()), 0)).isPresent());
    }

    @Test
    void aReviewerWorksAtLeast24HoursAWeek() {
        assertEquals(Optional.empty(), choose(load(new Reviewer("x", "Pain Medicine", "Pain Medicine", true, 10, 23, true, Set.of()), 0)));
        assertTrue(choose(load(new Reviewer("x", "Pain Medicine", "Pain Medicine", true, 10, 24, true, Set.of()), 0)).isPresent());
    }

    @Test
    void anInactiveReviewerIsNotChosen() {
        assertEquals(Optional.empty(), choose(load(new Reviewer("x", "Pain Medicine", "Pain Medicine", true, 10, 30, false, Set.of()), 0)));
    }

    private static Reviewer affiliated(String id, PartyId... affiliations) {
        return new Reviewer(id, "Pain Medicine", "Pain Medicine", true, 10, 30, true, Set.of(affiliations));
    }

    @Test
    void aReviewerAffiliatedWithAnyPartyIsNotChosen() {
        for (PartyId party : PAIN_CASE.parties()) {
            Reviewer conflicted = affiliated("conflicted", party);
            assertEquals(Optional.of("free"), choose(load(conflicted, 0), load(reviewer("free", "Pain Medicine"), 9)), party.toString());
            assertEquals(Optional.empty(), choose(load(conflicted, 0)), party.toString());
        }
    }

    @Test
    void conflictsCompareIdentifiersWhateverTheirCaseAndSpacing() {
        assertEquals(Optional.empty(), choose(load(affiliated("conflicted", new PartyId(PartyId.Kind.CLAIMS_ADMINISTRATOR, " ACME-Claims ")), 0)));
    }

    @Test
    void theSameIdentifierOfAnotherKindIsNoConflict() {
        // An employer's FEIN that happens to equal a law firm's id is another party.
        assertEquals(Optional.of("other"), choose(load(affiliated("other", new PartyId(PartyId.Kind.LAW_FIRM, "95-1234567")), 0)));
    }
}
