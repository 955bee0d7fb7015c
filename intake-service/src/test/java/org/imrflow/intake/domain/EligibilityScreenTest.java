package org.imrflow.intake.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EligibilityScreenTest {
    /** A Thursday: day 30 is Saturday 2026-10-31, rolled to Monday 2026-11-02; day 35 is Thursday 2026-11-05. */
    private static final LocalDate SERVED = LocalDate.of(2026, 10, 1);
    private final EligibilityScreen screen = new EligibilityScreen(FilingWindow.standard(new CaliforniaCalendar(false)));

    /** A timely, signed application against a denial, served personally, with the UR decision attached. */
    private static Facts facts() {
        return new Facts(SERVED.plusDays(10), UrServiceMethod.PERSONAL_OR_ELECTRONIC, false, UrDecisionType.DENIED, true,
                Signatory.EMPLOYEE, false, false, List.of("Cervical medial branch neurotomy"), List.of());
    }

    private record Facts(LocalDate received, UrServiceMethod servedBy, boolean formulary, UrDecisionType type,
                         boolean attached, Signatory signedBy, boolean liability, boolean agreed, List<String> items,
                         List<ScreeningFacts.EarlierReview> earlier) {
        Facts received(LocalDate day) {
            return new Facts(day, servedBy, formulary, type, attached, signedBy, liability, agreed, items, earlier);
        }

        Facts servedBy(UrServiceMethod method) {
            return new Facts(received, method, formulary, type, attached, signedBy, liability, agreed, items, earlier);
        }

        Facts asFormularyDispute() {
            return new Facts(received, servedBy, true, type, attached, signedBy, liability, agreed, items, earlier);
        }

        Facts type(UrDecisionType decision) {
            return new Facts(received, servedBy, formulary, decision, attached, signedBy, liability, agreed, items, earlier);
        }

        Facts notAttached() {
            return new Facts(received, servedBy, formulary, type, false, signedBy, liability, agreed, items, earlier);
        }

        Facts signedBy(Signatory who) {
            return new Facts(received, servedBy, formulary, type, attached, who, liability, agreed, items, earlier);
        }

        Facts liabilityDisputed(boolean agreedEligible) {
            return new Facts(received, servedBy, formulary, type, attached, signedBy, true, agreedEligible, items, earlier);
        }

        Facts earlier(ScreeningFacts.EarlierReview... reviews) {
            return new Facts(received, servedBy, formulary, type, attached, signedBy, liability, agreed, items, List.of(reviews));
        }

        ScreeningFacts toFacts() {
            return new ScreeningFacts(received, SERVED, servedBy, formulary, type, attached, signedBy, liability, agreed, items, earlier);
        }
    }

    private ScreeningResult screened(Facts facts) {
        return screen.screen(facts.toFacts());
    }

    @Test
    void aTimelySignedApplicationAgainstADenialIsEligible() {
        ScreeningResult result = screened(facts());
        assertEquals(ScreeningResult.Verdict.ELIGIBLE, result.verdict());
        assertTrue(result.reasons().isEmpty());
    }

    @Test
    void aModificationCanBeReviewedToo() {
        assertTrue(screened(facts().type(UrDecisionType.MODIFIED)).eligible());
    }

    @Test
    void day30IsInTimeAndDay31IsNot_whenServedPersonally() {
        // served Wednesday 2026-09-02: day 30 is Friday 2026-10-02, day 31 Saturday 2026-10-03
        LocalDate served = LocalDate.of(2026, 9, 2);
        ScreeningFacts day30 = new ScreeningFacts(served.plusDays(30), served, UrServiceMethod.PERSONAL_OR_ELECTRONIC, false,
                UrDecisionType.DENIED, true, Signatory.EMPLOYEE, false, false, List.of("x"), List.of());
        ScreeningFacts day31 = new ScreeningFacts(served.plusDays(31), served, UrServiceMethod.PERSONAL_OR_ELECTRONIC, false,
                UrDecisionType.DENIED, true, Signatory.EMPLOYEE, false, false, List.of("x"), List.of());
        assertTrue(screen.screen(day30).eligible());
        ScreeningResult late = screen.screen(day31);
        assertEquals(ScreeningResult.Verdict.INELIGIBLE, late.verdict());
        assertEquals(List.of("The application was received on 2026-10-03, after the filing window closed on 2026-10-02"
                + " (UR decision served 2026-09-02 personally or electronically)."), late.reasons());
    }

    @Test
    void day35IsInTimeAndDay36IsNot_whenServedByMail() {
        Facts mailed = facts().servedBy(UrServiceMethod.MAIL);
        assertTrue(screened(mailed.received(SERVED.plusDays(35))).eligible());
        assertFalse(screened(mailed.received(SERVED.plusDays(36))).eligible());
    }

    @Test
    void aLastDayOnASaturdayRollsToMonday() {
        // day 30 from 2026-10-01 is Saturday 2026-10-31; the window stays open until Monday 2026-11-02
        assertTrue(screened(facts().received(LocalDate.of(2026, 11, 2))).eligible());
        assertFalse(screened(facts().received(LocalDate.of(2026, 11, 3))).eligible());
    }

    @Test
    void theFormularyWindowIsShorter() {
        assertTrue(screened(facts().asFormularyDispute().received(SERVED.plusDays(10))).eligible());
        assertFalse(screened(facts().asFormularyDispute().received(SERVED.plusDays(13))).eligible());
    }

    @Test
    void onlyTheEmployeeOrTheRepresentativeMaySign() {
        assertTrue(screened(facts().signedBy(Signatory.REPRESENTATIVE)).eligible());
        ScreeningResult byAdministrator = screened(facts().signedBy(Signatory.CLAIMS_ADMINISTRATOR));
        assertEquals(List.of("The application is signed by the claims administrator; only the employee or the employee's"
                + " representative may sign it."), byAdministrator.reasons());
        assertFalse(screened(facts().signedBy(Signatory.EMPLOYER)).eligible());
        assertEquals(List.of("The application is not signed."), screened(facts().signedBy(null)).reasons());
    }

    @Test
    void theUrDecisionMustBeAttached() {
        assertEquals(List.of("A copy of the written UR decision is not attached."), screened(facts().notAttached()).reasons());
    }

    @Test
    void onlyDecisionsOnMedicalNecessityCanBeReviewed() {
        assertTrue(screened(facts().type(UrDecisionType.CONDITIONALLY_NON_CERTIFIED)).reasons().get(0).contains("conditionally non-certified"));
        assertTrue(screened(facts().type(UrDecisionType.DENIED_FOR_LIABILITY)).reasons().get(0).contains("liability alone"));
    }

    @Test
    void theSameTreatmentTakenToImrBeforeOnTheClaimIsIneligibleNamingTheEarlierCase() {
        ScreeningResult result = screened(facts().earlier(
                new ScreeningFacts.EarlierReview("CM26-0000012", "  cervical MEDIAL branch   neurotomy ")));
        assertEquals(List.of("Item 1 was already taken to IMR on this claim, in case CM26-0000012."), result.reasons());
        assertTrue(screened(facts().earlier(new ScreeningFacts.EarlierReview("CM26-0000012", "Lumbar MRI"))).eligible(),
                "another treatment of the same claim is no obstacle");
    }

    /** A notice, and its case-ineligible event, holds at most 20 reasons of at most 500 characters each. */
    @Test
    void manyItemsTakenToImrBeforeMakeOneShortReasonNamingThem() {
        List<String> items = java.util.stream.IntStream.rangeClosed(1, 25).mapToObj(i -> i + " " + "x".repeat(995)).toList();
        List<ScreeningFacts.EarlierReview> earlier = java.util.stream.IntStream.rangeClosed(1, 25)
                .mapToObj(i -> new ScreeningFacts.EarlierReview("CM26-00000%02d".formatted(i), i + " " + "x".repeat(995))).toList();
        ScreeningResult result = screen.screen(new ScreeningFacts(SERVED.plusDays(10), SERVED, UrServiceMethod.MAIL, false,
                UrDecisionType.DENIED, true, Signatory.EMPLOYEE, false, false, items, earlier));
        assertEquals(1, result.reasons().size(), result.reasons().toString());
        String reason = result.reasons().get(0);
        assertTrue(reason.length() <= org.imrflow.events.EventLimits.SCREENING_REASON, reason.length() + ": " + reason);
        assertTrue(reason.startsWith("Items 1, 2, 3,"), reason);
        assertTrue(reason.endsWith("in cases CM26-0000001, CM26-0000002, CM26-0000003, CM26-0000004, CM26-0000005 and 20 more."), reason);
    }

    @Test
    void aLiabilityDisputeDefersRatherThanRejects() {
        ScreeningResult result = screened(facts().liabilityDisputed(false));
        assertEquals(ScreeningResult.Verdict.DEFERRED, result.verdict());
        assertEquals(1, result.reasons().size());
    }

    @Test
    void aClaimsAdministratorWhoAgreesTheCaseIsEligibleDespiteLiabilityGetsItReviewed() {
        assertTrue(screened(facts().liabilityDisputed(true)).eligible());
    }

    @Test
    void everyReasonIsListed_andALiabilityDisputeIsNamedAmongThem() {
        ScreeningResult result = screened(facts().received(SERVED.plusDays(60)).signedBy(null).notAttached()
                .type(UrDecisionType.CONDITIONALLY_NON_CERTIFIED).liabilityDisputed(false)
                .earlier(new ScreeningFacts.EarlierReview("CM26-0000012", "Cervical medial branch neurotomy")));
        assertEquals(ScreeningResult.Verdict.INELIGIBLE, result.verdict());
        assertEquals(6, result.reasons().size(), result.reasons().toString());
        assertTrue(result.reasons().get(5).contains("disputes liability"));
    }
}
