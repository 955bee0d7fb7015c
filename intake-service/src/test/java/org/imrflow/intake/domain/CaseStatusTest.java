package org.imrflow.intake.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CaseStatusTest {

    @Test
    void theScreenDecidesTheFirstStatus() {
        assertEquals(CaseStatus.RECEIVED, CaseStatus.after(ScreeningResult.Verdict.ELIGIBLE));
        assertEquals(CaseStatus.INELIGIBLE, CaseStatus.after(ScreeningResult.Verdict.INELIGIBLE));
        assertEquals(CaseStatus.DEFERRED, CaseStatus.after(ScreeningResult.Verdict.DEFERRED));
    }

    @Test
    void aReceivedCaseMovesForward() {
        assertEquals(CaseStatus.ASSIGNED, CaseStatus.RECEIVED.progressTo(CaseStatus.ASSIGNED));
        assertEquals(CaseStatus.DETERMINATION_ISSUED, CaseStatus.ASSIGNED.progressTo(CaseStatus.DETERMINATION_ISSUED));
        assertEquals(CaseStatus.DETERMINATION_ISSUED, CaseStatus.RECEIVED.progressTo(CaseStatus.DETERMINATION_ISSUED));
    }

    @Test
    void aLateEventNeverMovesACaseBack() {
        assertEquals(CaseStatus.DETERMINATION_ISSUED, CaseStatus.DETERMINATION_ISSUED.progressTo(CaseStatus.ASSIGNED));
        assertEquals(CaseStatus.ASSIGNED, CaseStatus.ASSIGNED.progressTo(CaseStatus.RECEIVED));
    }

    @Test
    void aScreenedOutCaseDoesNotMove() {
        assertEquals(CaseStatus.INELIGIBLE, CaseStatus.INELIGIBLE.progressTo(CaseStatus.ASSIGNED));
        assertEquals(CaseStatus.DEFERRED, CaseStatus.DEFERRED.progressTo(CaseStatus.DETERMINATION_ISSUED));
        assertEquals(CaseStatus.RECEIVED, CaseStatus.RECEIVED.progressTo(CaseStatus.INELIGIBLE));
    }

    @ParameterizedTest
    @EnumSource(CaseStatus.class)
    void aWithdrawnCaseNeverMoves(CaseStatus reached) {
        assertEquals(CaseStatus.WITHDRAWN, CaseStatus.WITHDRAWN.progressTo(reached));
    }

    @Test
    void nothingMovesACaseToWithdrawnButTheWithdrawalItself() {
        assertEquals(CaseStatus.RECEIVED, CaseStatus.RECEIVED.progressTo(CaseStatus.WITHDRAWN));
        assertEquals(CaseStatus.ASSIGNED, CaseStatus.ASSIGNED.progressTo(CaseStatus.WITHDRAWN));
        assertEquals(CaseStatus.DETERMINATION_ISSUED, CaseStatus.DETERMINATION_ISSUED.progressTo(CaseStatus.WITHDRAWN));
    }

    @Test
    void aCaseMayBeWithdrawnBeforeTheLetterWhileItIsOpen() {
        Set<CaseStatus> withdrawable = EnumSet.noneOf(CaseStatus.class);
        for (CaseStatus status : CaseStatus.values()) {
            if (status.withdrawable()) {
                withdrawable.add(status);
            }
        }
        assertEquals(EnumSet.of(CaseStatus.RECEIVED, CaseStatus.ASSIGNED, CaseStatus.DEFERRED), withdrawable);
    }

    @Test
    void recordsAreTakenOnlyForAnEligibleOpenCase() {
        Set<CaseStatus> takingRecords = EnumSet.noneOf(CaseStatus.class);
        for (CaseStatus status : CaseStatus.values()) {
            if (status.takesRecords()) {
                takingRecords.add(status);
            }
        }
        assertEquals(EnumSet.of(CaseStatus.RECEIVED, CaseStatus.ASSIGNED), takingRecords);
    }
}
