package org.imrflow.intake.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CaseNumberTest {

    @Test
    void isTheTwoDigitYearAndASevenDigitRunningNumber() {
        assertEquals("CM26-0000001", CaseNumber.of(2026, 1));
        assertEquals("CM14-0012345", CaseNumber.of(2014, 12_345));
        assertEquals("CM00-9999999", CaseNumber.of(2000, 9_999_999));
    }

    @Test
    void refusesARunningNumberOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> CaseNumber.of(2026, 0));
        assertThrows(IllegalArgumentException.class, () -> CaseNumber.of(2026, 10_000_000));
    }
}
