package org.imrflow.assignment.domain;

import org.imrflow.assignment.domain.ReviewerMatcher.Consideration;
import org.imrflow.assignment.domain.ReviewerMatcher.Match;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.imrflow.assignment.domain.QualificationsTest.TODAY;
import static org.imrflow.assignment.domain.QualificationsTest.qualified;
import static org.imrflow.events.ItemCategory.PHARMACY;
import static org.imrflow.events.ItemCategory.SURGERY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReviewerMatcherTest {
    private static final Instant NOV_20 = Instant.parse("2026-11-20T18:00:00Z");
    private static final Instant NOV_21 = Instant.parse("2026-11-21T18:00:00Z");
    private static final Set<PartyId> PARTIES = Set.of(
            new PartyId(PartyId.Kind.EMPLOYER, "95-1234567"),
            new PartyId(PartyId.Kind.CLAIM, "WC-2005-88123"),
            new PartyId(PartyId.Kind.LAW_FIRM, "counsel-co"),
            new PartyId(PartyId.Kind.CLAIMS_ADMINISTRATOR, "acme-claims"),
            new PartyId(PartyId.Kind.PROVIDER, "1234567893"),
            new PartyId(PartyId.Kind.MEDICAL_GROUP, "valley-spine-group"),
            new PartyId(PartyId.Kind.UR_ORGANIZATION, "ur-west"),
            new PartyId(PartyId.Kind.MANUFACTURER, "medtronic"));
    private static final CaseToAssign FUSION = new CaseToAssign("CM26-0000001",
            List.of(new CaseToAssign.Item(1, SURGERY, "M51.26")), PARTIES);

    private final ReviewerMatcher matcher = new ReviewerMatcher(ConditionSpecialtiesTest.TABLE);

    private static ReviewerLoad load(Reviewer reviewer, long open, Instant lastOffered) {
        return new ReviewerLoad(reviewer, open, lastOffered);
    }

    private static ReviewerLoad ortho(String id, long open, Instant lastOffered) {
        return load(qualified(id, "Orthopedic Surgery"), open, lastOffered);
    }

    private Match match(ReviewerLoad... roster) {
        return matcher.match(FUSION, List.of(roster), Map.of(), TODAY);
    }

    private static String reason(Match match, String reviewerId) {
        return match.of(reviewerId).map(Consideration::reason).orElseThrow();
    }

    @Test
    void theFewestOpenCasesWin() {
        Match match = match(ortho("a", 3, null), ortho("b", 1, NOV_21));
        assertEquals(Optional.of("b"), match.chosen());
        assertEquals("eligible, but more open cases (3)", reason(match, "a"));
    }

    @Test
    void onEqualLoadTheOldestLastOfferWinsAndNeverOfferedIsOldest() {
        assertEquals(Optional.of("b"), match(ortho("a", 1, NOV_21), ortho("b", 1, NOV_20)).chosen());
        Match neverOffered = match(ortho("a", 1, NOV_20), ortho("z", 1, null));
        assertEquals(Optional.of("z"), neverOffered.chosen());
        assertEquals("eligible, but offered a case more recently (2026-11-20)", reason(neverOffered, "a"));
    }

    @Test
    void onEqualLoadAndLastOfferTheRosterIdDecides() {
        Match match = match(ortho("b", 1, NOV_20), ortho("a", 1, NOV_20));
        assertEquals(Optional.of("a"), match.chosen());
        assertEquals("eligible, but as many open cases and offered as long ago; later by id", reason(match, "b"));
    }

    @Test
    void theChosenReviewersReasonNamesTheSpecialtyTheItemsTheLoadAndTheLastOffer() {
        Match match = match(ortho("a", 1, NOV_20));
        assertEquals("eligible: Orthopedic Surgery treats SURGERY of M51.26; 1 open case; last offered 2026-11-20", reason(match, "a"));
        assertEquals("eligible: Orthopedic Surgery treats SURGERY of M51.26; 0 open cases; never offered a case",
                reason(match(ortho("a", 0, null)), "a"));
    }

    @Test
    void aChiropractorNeverGetsSpinalSurgeryHoweverIdle() {
        Match match = match(load(qualified("chiro", "Chiropractic"), 0, null), ortho("ortho", 9, NOV_21),
                load(qualified("neuro", "Neurosurgery"), 8, NOV_21));
        assertEquals(Optional.of("neuro"), match.chosen());
        assertEquals("specialty Chiropractic does not treat SURGERY of M51.26", reason(match, "chiro"));
    }

    @Test
    void aReviewerMustTreatEveryItem() {
        CaseToAssign fusionAndAntidepressant = new CaseToAssign("CM26-0000002", List.of(
                new CaseToAssign.Item(1, SURGERY, "M51.26"), new CaseToAssign.Item(2, PHARMACY, "F32.1")), Set.of());
        Match match = matcher.match(fusionAndAntidepressant, List.of(ortho("ortho", 0, null),
                load(qualified("psych", "Psychiatry"), 0, null)), Map.of(), TODAY);
        assertEquals(Optional.empty(), match.chosen());
        assertEquals("specialty Orthopedic Surgery does not treat PHARMACY of F32.1", reason(match, "ortho"));
        assertEquals("specialty Psychiatry does not treat SURGERY of M51.26", reason(match, "psych"));
    }

    @Test
    void eachKindOfPartyIsAConflictByIdentifier() {
        for (PartyId party : PARTIES) {
            Reviewer conflicted = affiliated("conflicted", new PartyId(party.kind(), " " + party.id().toLowerCase() + " "));
            Match match = match(load(conflicted, 0, null), ortho("free", 9, NOV_21));
            assertEquals(Optional.of("free"), match.chosen(), party.toString());
            assertEquals("conflict: " + party.kind().label(), reason(match, "conflicted"));
        }
        assertEquals(Set.of(PartyId.Kind.values()), PARTIES.stream().map(PartyId::kind).collect(java.util.stream.Collectors.toSet()),
                "every kind is checked");
    }

    @Test
    void conflictReasonsUseThePartysWords() {
        assertEquals(List.of("employer", "claims administrator", "requesting physician", "medical group",
                        "representative's firm", "UR organization", "employee", "manufacturer"),
                Arrays.stream(PartyId.Kind.values()).map(PartyId.Kind::label).toList());
    }

    @Test
    void theSameIdentifierOfAnotherKindIsNoConflict() {
        // An employer's FEIN that happens to equal a law firm's id is another party.
        assertEquals(Optional.of("other"), match(load(affiliated("other", new PartyId(PartyId.Kind.LAW_FIRM, "95-1234567")), 0, null)).chosen());
    }

    private static Reviewer affiliated(String id, PartyId... affiliations) {
        Reviewer r = qualified(id, "Orthopedic Surgery");
        return new Reviewer(id, r.specialty(), r.licence(), r.boardCertification(), r.practiceStartedOn(),
                r.weeklyClinicalHours(), r.active(), Set.of(affiliations));
    }

    @Test
    void aReviewerWhoDeclinedTheCaseIsNeverChosenAgain() {
        Match match = matcher.match(FUSION, List.of(ortho("decliner", 0, null), ortho("other", 5, NOV_21)),
                Map.of("decliner", "declined this case"), TODAY);
        assertEquals(Optional.of("other"), match.chosen());
        assertEquals("declined this case", reason(match, "decliner"));
        assertEquals(Optional.empty(), matcher.match(FUSION, List.of(ortho("decliner", 0, null)),
                Map.of("decliner", "declined this case"), TODAY).chosen());
    }

    @Test
    void everyShortfallOfAReviewerIsNamedInOneReason() {
        Reviewer r = qualified("lapsed", "Chiropractic");
        Reviewer lapsed = new Reviewer(r.id(), r.specialty(), new CaliforniaLicence("DC 1", LocalDate.of(2026, 3, 1)),
                r.boardCertification(), r.practiceStartedOn(), r.weeklyClinicalHours(), true,
                Set.of(new PartyId(PartyId.Kind.EMPLOYER, "95-1234567")));
        assertEquals("licence expired 2026-03-01; conflict: employer; specialty Chiropractic does not treat SURGERY of M51.26",
                reason(match(load(lapsed, 0, null)), "lapsed"));
    }

    @Test
    void everyoneOnTheRosterIsConsideredInIdOrder() {
        Match match = match(ortho("c", 0, null), load(qualified("a", "Psychiatry"), 0, null), ortho("b", 2, null));
        assertEquals(List.of("a", "b", "c"), match.considered().stream().map(Consideration::reviewerId).toList());
        assertEquals(2, match.eligible());
    }

    @Test
    void aNamedReviewerGetsTheCaseOnlyIfEligibleAndTheOthersAreToldSo() {
        List<ReviewerLoad> roster = List.of(ortho("idle", 0, null), ortho("busy", 4, NOV_21), load(qualified("chiro", "Chiropractic"), 0, null));
        Match named = matcher.matchNamed(FUSION, roster, Map.of(), TODAY, "busy");
        assertEquals(Optional.of("busy"), named.chosen());
        assertTrue(reason(named, "busy").startsWith("named by operations; eligible: Orthopedic Surgery treats SURGERY of M51.26"));
        assertEquals("eligible, but operations named another reviewer", reason(named, "idle"));

        Match refused = matcher.matchNamed(FUSION, roster, Map.of(), TODAY, "chiro");
        assertEquals(Optional.empty(), refused.chosen());
        assertEquals("specialty Chiropractic does not treat SURGERY of M51.26", reason(refused, "chiro"));
    }
}
