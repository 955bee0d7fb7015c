package org.imrflow.intake.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LateRecordsTest {
    /** Midnight ending October 16th, 2026, in Los Angeles. */
    private static final Instant DUE = Instant.parse("2026-10-17T07:00:00Z");

    @ParameterizedTest
    @CsvSource({
            "0,   0",
            "1,   500",
            "2,   1000",
            "9,   4500",
            "10,  5000",
            "11,  5000",
            "30,  5000",
    })
    void eachDayLateCostsFiveHundredDollarsUpToFiveThousand(int daysLate, int dollars) {
        assertEquals(dollars, LateRecords.penaltyDollars(daysLate));
    }

    @Test
    void recordsOnTimeAreNotLate() {
        assertEquals(0, LateRecords.daysLate(DUE, DUE.minus(Duration.ofDays(3))));
        assertEquals(0, LateRecords.daysLate(DUE, DUE.minusSeconds(1)));
    }

    @Test
    void recordsExactlyAtTheDeadlineAreOnTime() {
        assertEquals(0, LateRecords.daysLate(DUE, DUE));
        assertEquals(0, LateRecords.penaltyDollars(LateRecords.daysLate(DUE, DUE)));
    }

    @Test
    void aPartDayLateCountsAsADay() {
        assertEquals(1, LateRecords.daysLate(DUE, DUE.plusSeconds(1)), "one second late");
        assertEquals(1, LateRecords.daysLate(DUE, DUE.plusNanos(1)), "one nanosecond late");
        assertEquals(1, LateRecords.daysLate(DUE, DUE.plus(Duration.ofHours(9))), "the next morning");
        assertEquals(500, LateRecords.penaltyDollars(LateRecords.daysLate(DUE, DUE.plusSeconds(1))));
    }

    @Test
    void exactlyADayLateIsOneDay() {
        assertEquals(1, LateRecords.daysLate(DUE, DUE.plus(Duration.ofHours(24))));
    }

    @Test
    void aSecondIntoTheSecondDayIsTwoDays() {
        assertEquals(2, LateRecords.daysLate(DUE, DUE.plus(Duration.ofHours(24)).plusSeconds(1)));
        assertEquals(1000, LateRecords.penaltyDollars(LateRecords.daysLate(DUE, DUE.plus(Duration.ofHours(24)).plusSeconds(1))));
    }

    @ParameterizedTest
    @CsvSource({
            "0,  0",
            "1,  500",
            "10, 5000",
            "11, 5000",
    })
    void wholeDaysLateAndTheirPenalty(int days, int dollars) {
        int late = LateRecords.daysLate(DUE, DUE.plus(Duration.ofDays(days)));
        assertEquals(days, late);
        assertEquals(dollars, LateRecords.penaltyDollars(late));
    }

    @Test
    void tenDaysAndASecondLateIsElevenDaysStillCappedAtFiveThousand() {
        int late = LateRecords.daysLate(DUE, DUE.plus(Duration.ofDays(10)).plusSeconds(1));
        assertEquals(11, late);
        assertEquals(5_000, LateRecords.penaltyDollars(late));
    }

    @Test
    void withoutADeadlineYetRecordsAreNotLate() {
        assertEquals(0, LateRecords.daysLate(null, DUE));
        assertEquals(0, LateRecords.daysLate(null, Instant.MAX));
    }

    @Test
    void aVeryLateCaseStaysCapped() {
        int yearsLate = LateRecords.daysLate(DUE, DUE.plus(Duration.ofDays(3650)));
        assertEquals(3650, yearsLate);
        assertEquals(5_000, LateRecords.penaltyDollars(yearsLate));
        int latest = LateRecords.daysLate(Instant.EPOCH, Instant.MAX);
        assertEquals(Integer.MAX_VALUE, latest, "days beyond an int are held at its largest");
        assertEquals(5_000, LateRecords.penaltyDollars(latest), "no overflow into a negative penalty");
        assertEquals(5_000, LateRecords.penaltyDollars(Integer.MAX_VALUE));
    }

    @Test
    void theFiguresAreTheRegulations() {
        assertEquals(500, LateRecords.DOLLARS_PER_DAY);
        assertEquals(5_000, LateRecords.MOST_DOLLARS);
    }
}
