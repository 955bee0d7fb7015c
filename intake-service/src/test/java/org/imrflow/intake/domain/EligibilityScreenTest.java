package org.imrflow.intake.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EligibilityScreenTest {
    private static final LocalDate SERVED = LocalDate.of(2026, 10, 1);
    private final EligibilityScreen screen = new EligibilityScreen(30);

    private static ScreeningFacts facts(LocalDate received, UrDecisionType type, LocalDate signed, boolean liability) {
        return new ScreeningFacts(received, SERVED, type, signed, liability);
    }

    @Test
    void aTimelySignedApplicationAgainstADenialIsEligible() {
        ScreeningResult result = screen.screen(facts(SERVED.plusDays(10), UrDecisionType.DENIED, SERVED.plusDays(9), false));
        assertEquals(ScreeningResult.Verdict.ELIGIBLE, result.verdict());
        assertTrue(result.reasons().isEmpty());
        assertTrue(result.eligible());
    }

    @Test
    void aModificationCanBeReviewedToo() {
        assertTrue(screen.screen(facts(SERVED, UrDecisionType.MODIFIED, SERVED, false)).eligible());
    }

    @Test
    void theThirtiethDayAfterServiceIsStillInTime() {
        assertTrue(screen.screen(facts(SERVED.plusDays(30), UrDecisionType.DENIED, SERVED, false)).eligible());
    }

    @Test
    void theThirtyFirstDayIsTooLate() {
        ScreeningResult result = screen.screen(facts(SERVED.plusDays(31), UrDecisionType.DENIED, SERVED, false));
        assertEquals(ScreeningResult.Verdict.INELIGIBLE, result.verdict());
        assertEquals(1, result.reasons().size());
        assertTrue(result.reasons().get(0).contains("more than 30 days"), result.reasons().get(0));
        assertTrue(result.reasons().get(0).contains("served 2026-10-01"), result.reasons().get(0));
    }

    @Test
    void theDeadlineIsConfigurable() {
        assertTrue(new EligibilityScreen(45).screen(facts(SERVED.plusDays(40), UrDecisionType.DENIED, SERVED, false)).eligible());
        assertThrows(IllegalArgumentException.class, () -> new EligibilityScreen(0));
    }

    @Test
    void anUnsignedApplicationIsIneligible() {
        ScreeningResult result = screen.screen(facts(SERVED.plusDays(1), UrDecisionType.DENIED, null, false));
        assertEquals(ScreeningResult.Verdict.INELIGIBLE, result.verdict());
        assertTrue(result.reasons().get(0).contains("not signed"));
    }

    @Test
    void aConditionalNonCertificationIsNotAMedicalNecessityDecision() {
        ScreeningResult result = screen.screen(facts(SERVED.plusDays(1), UrDecisionType.CONDITIONALLY_NON_CERTIFIED, SERVED, false));
        assertEquals(ScreeningResult.Verdict.INELIGIBLE, result.verdict());
        assertTrue(result.reasons().get(0).contains("not a decision on medical necessity"));
    }

    @Test
    void aDisputedLiabilityDefersAnOtherwiseEligibleCase() {
        ScreeningResult result = screen.screen(facts(SERVED.plusDays(1), UrDecisionType.DENIED, SERVED, true));
        assertEquals(ScreeningResult.Verdict.DEFERRED, result.verdict());
        assertEquals(1, result.reasons().size());
        assertTrue(result.reasons().get(0).contains("deferred"));
    }

    @Test
    void everyReasonIsGivenNotOnlyTheFirst() {
        ScreeningResult result = screen.screen(facts(SERVED.plusDays(60), UrDecisionType.CONDITIONALLY_NON_CERTIFIED, null, true));
        assertEquals(ScreeningResult.Verdict.INELIGIBLE, result.verdict(), "other defects reject rather than defer");
        assertEquals(4, result.reasons().size(), result.reasons().toString());
    }
}
