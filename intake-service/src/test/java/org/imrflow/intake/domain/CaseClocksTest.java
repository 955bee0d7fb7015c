package org.imrflow.intake.domain;

import org.imrflow.events.NoticeMethod;
import org.imrflow.events.ReviewType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CaseClocksTest {
    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    private final CaseClocks clocks = new CaseClocks(new CaliforniaCalendar(false), PACIFIC, CaseClocks.Periods.ofTheRules());
    private final CaseClocks withDayAfterThanksgiving =
            new CaseClocks(new CaliforniaCalendar(true), PACIFIC, CaseClocks.Periods.ofTheRules());

    /** A wall-clock time in California, as the instant it is. */
    private static Instant pacific(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PACIFIC).toInstant();
    }

    // The Notice of Assignment: within 1 business day of the screen

    @ParameterizedTest
    @CsvSource({
            "2026-10-01T10:00, 2026-10-02", // Thursday: Friday
            "2026-10-02T10:00, 2026-10-05", // Friday: over the weekend to Monday
            "2026-10-03T10:00, 2026-10-05", // Saturday: Monday
            "2026-10-04T10:00, 2026-10-05", // Sunday: Monday
            "2026-12-24T10:00, 2026-12-28", // Thursday before Christmas (a Friday): Monday
            "2026-12-31T10:00, 2027-01-04", // Thursday before New Year's Day (a Friday): Monday
            "2025-07-03T10:00, 2025-07-07", // Thursday before Independence Day (a Friday): Monday
            "2027-07-02T10:00, 2027-07-06", // Friday before Sunday July 4th, observed Monday: Tuesday
            "2026-03-30T10:00, 2026-04-01", // Monday before Cesar Chavez Day: Wednesday
    })
    void theNoticeIsDueTheNextBusinessDay(String screened, LocalDate due) {
        assertEquals(due, clocks.noticeDueDate(pacific(screened)));
    }

    @Test
    void beforeThanksgivingTheNoticeIsDueFridayOrMondayAsTheDayAfterIsCounted() {
        Instant wednesday = pacific("2026-11-25T10:00");
        assertEquals(LocalDate.of(2026, 11, 27), clocks.noticeDueDate(wednesday), "the Friday is a business day");
        assertEquals(LocalDate.of(2026, 11, 30), withDayAfterThanksgiving.noticeDueDate(wednesday), "the Friday is a holiday");
    }

    @Test
    void theScreenDayIsTheDayInCaliforniaNotInUtc() {
        // Thursday 23:30 in Los Angeles is already Friday in UTC: the notice is still due Friday, not Monday
        Instant thursdayNight = pacific("2026-10-01T23:30");
        assertEquals(LocalDate.of(2026, 10, 1), clocks.today(thursdayNight));
        assertEquals(LocalDate.of(2026, 10, 2), clocks.noticeDueDate(thursdayNight));
        // and just after midnight it is Friday: Monday
        assertEquals(LocalDate.of(2026, 10, 5), clocks.noticeDueDate(pacific("2026-10-02T00:00")));
    }

    // The end of a day

    @Test
    void aDayEndsAtMidnightPacific() {
        assertEquals(Instant.parse("2026-10-03T07:00:00Z"), clocks.endOf(LocalDate.of(2026, 10, 2)), "daylight time: UTC-7");
        assertEquals(Instant.parse("2026-12-29T08:00:00Z"), clocks.endOf(LocalDate.of(2026, 12, 28)), "standard time: UTC-8");
        assertEquals(pacific("2026-10-03T00:00"), clocks.endOf(LocalDate.of(2026, 10, 2)));
    }

    @Test
    void theEndOfADayFollowsTheChangeOfClocks() {
        // Daylight time starts Sunday 2026-03-08: that day is 23 hours long
        assertEquals(Instant.parse("2026-03-08T08:00:00Z"), clocks.endOf(LocalDate.of(2026, 3, 7)));
        assertEquals(Instant.parse("2026-03-09T07:00:00Z"), clocks.endOf(LocalDate.of(2026, 3, 8)));
        assertEquals(Duration.ofHours(23),
                Duration.between(clocks.endOf(LocalDate.of(2026, 3, 7)), clocks.endOf(LocalDate.of(2026, 3, 8))));
        // Daylight time ends Sunday 2026-11-01: that day is 25 hours long
        assertEquals(Instant.parse("2026-11-01T07:00:00Z"), clocks.endOf(LocalDate.of(2026, 10, 31)));
        assertEquals(Instant.parse("2026-11-02T08:00:00Z"), clocks.endOf(LocalDate.of(2026, 11, 1)));
        assertEquals(Duration.ofHours(25),
                Duration.between(clocks.endOf(LocalDate.of(2026, 10, 31)), clocks.endOf(LocalDate.of(2026, 11, 1))));
    }

    // The medical records: 15 days after a mailed notice, 12 after an electronic one, 24 hours when expedited

    @Test
    void recordsAreDueAtTheEndOfTheFifteenthDayAfterAMailedNotice() {
        Instant mailed = pacific("2026-10-01T10:00");
        assertEquals(Instant.parse("2026-10-17T07:00:00Z"),
                clocks.recordsDueAt(mailed, NoticeMethod.MAIL, ReviewType.STANDARD), "midnight ending October 16th");
    }

    @Test
    void recordsAreDueAtTheEndOfTheTwelfthDayAfterAnElectronicNotice() {
        Instant sent = pacific("2026-10-01T10:00");
        assertEquals(Instant.parse("2026-10-14T07:00:00Z"),
                clocks.recordsDueAt(sent, NoticeMethod.ELECTRONIC, ReviewType.STANDARD), "midnight ending October 13th");
    }

    @Test
    void theRecordsDaysAreCountedFromTheNoticeDayInCalifornia() {
        // sent Thursday 23:30 in Los Angeles (Friday in UTC): day 12 is October 13th, not the 14th
        assertEquals(pacific("2026-10-14T00:00"),
                clocks.recordsDueAt(pacific("2026-10-01T23:30"), NoticeMethod.ELECTRONIC, ReviewType.STANDARD));
        // sent at the first minute of the day: the same day is the day of the notice
        assertEquals(pacific("2026-10-14T00:00"),
                clocks.recordsDueAt(pacific("2026-10-01T00:00"), NoticeMethod.ELECTRONIC, ReviewType.STANDARD));
    }

    @Test
    void aRecordsDeadlineAcrossTheChangeOfClocksIsStillMidnightPacific() {
        Instant mailed = pacific("2026-10-20T10:00"); // daylight time
        assertEquals(Instant.parse("2026-11-05T08:00:00Z"), clocks.recordsDueAt(mailed, NoticeMethod.MAIL, ReviewType.STANDARD),
                "midnight ending November 4th, in standard time");
    }

    @Test
    void expeditedRecordsAreDueTwentyFourHoursAfterTheNoticeHoweverItWasSent() {
        Instant sent = Instant.parse("2026-10-01T17:23:45Z");
        assertEquals(Instant.parse("2026-10-02T17:23:45Z"), clocks.recordsDueAt(sent, NoticeMethod.ELECTRONIC, ReviewType.EXPEDITED));
        assertEquals(Instant.parse("2026-10-02T17:23:45Z"), clocks.recordsDueAt(sent, NoticeMethod.MAIL, ReviewType.EXPEDITED));
    }

    @Test
    void expeditedRecordsAreDueTwentyFourRealHoursAcrossTheChangeOfClocks() {
        // 10:00 daylight time on October 31st; 24 hours later it is 09:00 standard time on November 1st
        Instant sent = pacific("2026-10-31T10:00");
        assertEquals(pacific("2026-11-01T09:00"), clocks.recordsDueAt(sent, NoticeMethod.ELECTRONIC, ReviewType.EXPEDITED));
    }

    // The determination: 30 days from the clock's start, 3 when expedited, 5 business days for formulary

    @Test
    void theDeterminationIsDueThirtyDaysAfterTheClockStarts() {
        assertEquals(LocalDate.of(2026, 11, 4),
                clocks.determinationDueDate(LocalDate.of(2026, 10, 5), ReviewType.STANDARD, false));
        assertEquals(LocalDate.of(2027, 1, 14),
                clocks.determinationDueDate(LocalDate.of(2026, 12, 15), ReviewType.STANDARD, false), "over the year's end");
    }

    @Test
    void anExpeditedDeterminationIsDueThreeDaysAfterTheClockStarts() {
        assertEquals(LocalDate.of(2026, 10, 8),
                clocks.determinationDueDate(LocalDate.of(2026, 10, 5), ReviewType.EXPEDITED, false));
    }

    @Test
    void theExpeditedDaysAreCalendarDays() {
        // from a Friday: Monday, not Wednesday
        assertEquals(LocalDate.of(2026, 10, 5),
                clocks.determinationDueDate(LocalDate.of(2026, 10, 2), ReviewType.EXPEDITED, false));
    }

    @Test
    void anExpeditedFormularyDeterminationTakesTheShorterExpeditedPeriod() {
        assertEquals(LocalDate.of(2026, 10, 8),
                clocks.determinationDueDate(LocalDate.of(2026, 10, 5), ReviewType.EXPEDITED, true));
    }

    @ParameterizedTest
    @CsvSource({
            "2026-10-05, 2026-10-12", // Monday: the next Monday
            "2026-10-02, 2026-10-09", // Friday: the next Friday
            "2026-10-03, 2026-10-09", // Saturday: five business days from Monday on
            "2026-11-23, 2026-12-01", // over Thanksgiving: Tuesday
            "2026-12-21, 2026-12-29", // over Christmas: Tuesday
    })
    void aFormularyDeterminationIsDueFiveBusinessDaysAfterTheClockStarts(LocalDate clockStart, LocalDate due) {
        assertEquals(due, clocks.determinationDueDate(clockStart, ReviewType.STANDARD, true));
    }

    @Test
    void aFormularyDeterminationOverThanksgivingLosesTheFridayWhenItIsAHoliday() {
        assertEquals(LocalDate.of(2026, 12, 2),
                withDayAfterThanksgiving.determinationDueDate(LocalDate.of(2026, 11, 23), ReviewType.STANDARD, true));
    }

    // At risk: 80% of the period used

    @Test
    void theDeterminationIsAtRiskOnceEightyPercentOfItsPeriodIsUsed() {
        // from midnight starting January 5th to midnight ending February 4th: 31 days (744 h); 80% is 595 h 12 min
        Instant started = pacific("2026-01-05T00:00");
        LocalDate due = clocks.determinationDueDate(LocalDate.of(2026, 1, 5), ReviewType.STANDARD, false);
        assertEquals(LocalDate.of(2026, 2, 4), due);
        assertEquals(Instant.parse("2026-01-30T03:12:00Z"), clocks.atRiskAt(started, due));
        assertEquals(started.plus(Duration.ofMinutes(595 * 60 + 12)), clocks.atRiskAt(started, due));
    }

    @Test
    void theAtRiskPeriodRunsFromTheClockStartToMidnightEndingTheDueDate() {
        // from 10:00 on October 5th to midnight ending November 4th (standard time by then): 735 hours; 80% is 588
        Instant started = pacific("2026-10-05T10:00");
        assertEquals(Instant.parse("2026-10-05T17:00:00Z").plus(Duration.ofHours(588)),
                clocks.atRiskAt(started, LocalDate.of(2026, 11, 4)));
        // an expedited one: from 10:00 on October 5th to midnight ending the 8th is 86 hours; 80% is 68 h 48 min
        assertEquals(started.plus(Duration.ofMinutes(68 * 60 + 48)), clocks.atRiskAt(started, LocalDate.of(2026, 10, 8)));
    }

    // Conversion to expedited

    @Test
    void onConversionTheRecordsAreDueTwentyFourHoursLaterWhenTheOldDeadlineIsFurther() {
        Instant oldDue = Instant.parse("2026-10-17T07:00:00Z");
        Instant converted = Instant.parse("2026-10-05T17:00:00Z");
        assertEquals(Instant.parse("2026-10-06T17:00:00Z"), clocks.expeditedRecordsDueAt(oldDue, converted));
    }

    @Test
    void onConversionTheOldRecordsDeadlineStaysWhenItIsSooner() {
        Instant oldDue = Instant.parse("2026-10-06T07:00:00Z");
        Instant converted = Instant.parse("2026-10-05T17:00:00Z");
        assertEquals(oldDue, clocks.expeditedRecordsDueAt(oldDue, converted));
        assertEquals(oldDue, clocks.expeditedRecordsDueAt(oldDue, oldDue.minus(Duration.ofHours(24))), "the same instant");
    }

    @Test
    void onConversionWithoutARecordsDeadlineYetTheRecordsAreDueTwentyFourHoursLater() {
        Instant converted = Instant.parse("2026-10-05T17:00:00Z");
        assertEquals(Instant.parse("2026-10-06T17:00:00Z"), clocks.expeditedRecordsDueAt(null, converted));
    }

    @Test
    void onConversionTheDeterminationIsDueThreeDaysAfterTheCertificationWhenItCameAfterTheClockStarted() {
        assertEquals(LocalDate.of(2026, 10, 13), clocks.expeditedDeterminationDueDate(
                LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 10), LocalDate.of(2026, 11, 4)));
    }

    @Test
    void onConversionTheDeterminationIsDueThreeDaysAfterTheClockStartWhenTheCertificationCameBefore() {
        assertEquals(LocalDate.of(2026, 10, 8), clocks.expeditedDeterminationDueDate(
                LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 4)));
        assertEquals(LocalDate.of(2026, 10, 8), clocks.expeditedDeterminationDueDate(
                LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 5), LocalDate.of(2026, 11, 4)), "the same day");
    }

    @Test
    void onConversionTheDeterminationIsNeverDueLaterThanItsStandardDueDate() {
        assertEquals(LocalDate.of(2026, 11, 4), clocks.expeditedDeterminationDueDate(
                LocalDate.of(2026, 10, 5), LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 4)));
        assertEquals(LocalDate.of(2026, 11, 4), clocks.expeditedDeterminationDueDate(
                LocalDate.of(2026, 10, 5), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 4)), "exactly the standard date");
    }

    // The periods

    @Test
    void theRulesPeriodsAreTheFiguresOfImrProcess() {
        CaseClocks.Periods rules = CaseClocks.Periods.ofTheRules();
        assertEquals(1, rules.noticeBusinessDays());
        assertEquals(15, rules.recordsDaysMailed());
        assertEquals(12, rules.recordsDaysElectronic());
        assertEquals(Duration.ofHours(24), rules.recordsExpedited());
        assertEquals(30, rules.determinationDays());
        assertEquals(3, rules.expeditedDeterminationDays());
        assertEquals(5, rules.formularyDeterminationBusinessDays());
        assertEquals(0.8, rules.atRiskShare());
    }

    @Test
    void everyPeriodIsAtLeastADay() {
        Duration day = Duration.ofHours(24);
        assertThrows(IllegalArgumentException.class, () -> new CaseClocks.Periods(0, 15, 12, day, 30, 3, 5, 0.8));
        assertThrows(IllegalArgumentException.class, () -> new CaseClocks.Periods(1, 0, 12, day, 30, 3, 5, 0.8));
        assertThrows(IllegalArgumentException.class, () -> new CaseClocks.Periods(1, 15, 0, day, 30, 3, 5, 0.8));
        assertThrows(IllegalArgumentException.class, () -> new CaseClocks.Periods(1, 15, 12, day, 0, 3, 5, 0.8));
        assertThrows(IllegalArgumentException.class, () -> new CaseClocks.Periods(1, 15, 12, day, 30, 0, 5, 0.8));
        assertThrows(IllegalArgumentException.class, () -> new CaseClocks.Periods(1, 15, 12, day, 30, 3, 0, 0.8));
        assertThrows(IllegalArgumentException.class, () -> new CaseClocks.Periods(-1, 15, 12, day, 30, 3, 5, 0.8));
        assertThrows(IllegalArgumentException.class, () -> new CaseClocks.Periods(1, 15, 12, day, -30, 3, 5, 0.8));
    }

    @Test
    void theExpeditedRecordsPeriodIsSomeTime() {
        assertThrows(IllegalArgumentException.class, () -> new CaseClocks.Periods(1, 15, 12, Duration.ZERO, 30, 3, 5, 0.8));
        assertThrows(IllegalArgumentException.class,
                () -> new CaseClocks.Periods(1, 15, 12, Duration.ofHours(-24), 30, 3, 5, 0.8));
        new CaseClocks.Periods(1, 15, 12, Duration.ofSeconds(1), 30, 3, 5, 0.8);
    }

    @ParameterizedTest
    @CsvSource({"0", "1", "-0.1", "1.5", "NaN"})
    void theAtRiskShareIsStrictlyBetweenZeroAndOne(double share) {
        assertThrows(IllegalArgumentException.class,
                () -> new CaseClocks.Periods(1, 15, 12, Duration.ofHours(24), 30, 3, 5, share));
    }

    @Test
    void theSmallestPeriodsAreAccepted() {
        CaseClocks.Periods smallest = new CaseClocks.Periods(1, 1, 1, Duration.ofSeconds(1), 1, 1, 1, 0.01);
        assertEquals(1, smallest.determinationDays());
        new CaseClocks.Periods(1, 15, 12, Duration.ofHours(24), 30, 3, 5, 0.99);
    }

    @Test
    void configuredPeriodsChangeTheDeadlines() {
        CaseClocks configured = new CaseClocks(new CaliforniaCalendar(false), PACIFIC,
                new CaseClocks.Periods(2, 20, 11, Duration.ofHours(48), 45, 5, 7, 0.5));
        Instant thursday = pacific("2026-10-01T10:00");
        assertEquals(LocalDate.of(2026, 10, 5), configured.noticeDueDate(thursday), "2 business days: Friday, Monday");
        assertEquals(pacific("2026-10-22T00:00"), configured.recordsDueAt(thursday, NoticeMethod.MAIL, ReviewType.STANDARD));
        assertEquals(pacific("2026-10-13T00:00"), configured.recordsDueAt(thursday, NoticeMethod.ELECTRONIC, ReviewType.STANDARD));
        assertEquals(pacific("2026-10-03T10:00"), configured.recordsDueAt(thursday, NoticeMethod.MAIL, ReviewType.EXPEDITED));
        LocalDate monday = LocalDate.of(2026, 10, 5);
        assertEquals(LocalDate.of(2026, 11, 19), configured.determinationDueDate(monday, ReviewType.STANDARD, false));
        assertEquals(LocalDate.of(2026, 10, 10), configured.determinationDueDate(monday, ReviewType.EXPEDITED, false));
        assertEquals(LocalDate.of(2026, 10, 14), configured.determinationDueDate(monday, ReviewType.STANDARD, true));
        // at risk at half the period: from midnight starting January 5th to midnight ending February 4th, 372 hours
        assertEquals(pacific("2026-01-05T00:00").plus(Duration.ofHours(372)),
                configured.atRiskAt(pacific("2026-01-05T00:00"), LocalDate.of(2026, 2, 4)));
        assertEquals(Instant.parse("2026-10-07T17:00:00Z"),
                configured.expeditedRecordsDueAt(null, Instant.parse("2026-10-05T17:00:00Z")));
        assertEquals(LocalDate.of(2026, 10, 15), configured.expeditedDeterminationDueDate(
                monday, LocalDate.of(2026, 10, 10), LocalDate.of(2026, 11, 19)));
    }

    @Test
    void theTimeZoneIsConfigurable() {
        CaseClocks utc = new CaseClocks(new CaliforniaCalendar(false), ZoneId.of("UTC"), CaseClocks.Periods.ofTheRules());
        assertEquals(Instant.parse("2026-10-03T00:00:00Z"), utc.endOf(LocalDate.of(2026, 10, 2)));
        // Thursday 23:30 in Los Angeles is Friday in UTC: a notice due Monday there
        assertEquals(LocalDate.of(2026, 10, 5), utc.noticeDueDate(pacific("2026-10-01T23:30")));
    }

    @Test
    void aClockNeedsItsCalendarZoneAndPeriods() {
        assertThrows(NullPointerException.class, () -> new CaseClocks(null, PACIFIC, CaseClocks.Periods.ofTheRules()));
        assertThrows(NullPointerException.class,
                () -> new CaseClocks(new CaliforniaCalendar(false), null, CaseClocks.Periods.ofTheRules()));
        assertThrows(NullPointerException.class, () -> new CaseClocks(new CaliforniaCalendar(false), PACIFIC, null));
    }
}
