package org.imrflow.intake.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaliforniaCalendarTest {
    private final CaliforniaCalendar calendar = new CaliforniaCalendar(false);
    private final CaliforniaCalendar withDayAfterThanksgiving = new CaliforniaCalendar(true);

    /**
     * The holidays of several years, worked out by hand from the rules in imr-process.md, against the computed ones.
     * Only a Sunday holiday moves (to the Monday); a Saturday one stays.
     */
    @ParameterizedTest
    @CsvSource({
            // 2025: none on a Sunday
            "2025, 2025-01-01 2025-01-20 2025-02-17 2025-03-31 2025-05-26 2025-07-04 2025-09-01 2025-11-11 2025-11-27 2025-12-25",
            // 2026: Independence Day is a Saturday and stays there; none on a Sunday
            "2026, 2026-01-01 2026-01-19 2026-02-16 2026-03-31 2026-05-25 2026-07-04 2026-09-07 2026-11-11 2026-11-26 2026-12-25",
            // 2027: Independence Day on a Sunday, observed Monday the 5th
            "2027, 2027-01-01 2027-01-18 2027-02-15 2027-03-31 2027-05-31 2027-07-05 2027-09-06 2027-11-11 2027-11-25 2027-12-25",
            // 2028: New Year's Day and Christmas fall on Saturday and Monday; Veterans Day on a Saturday
            "2028, 2028-01-01 2028-01-17 2028-02-21 2028-03-31 2028-05-29 2028-07-04 2028-09-04 2028-11-11 2028-11-23 2028-12-25",
            // 2029: Cesar Chavez Day on a Saturday
            "2029, 2029-01-01 2029-01-15 2029-02-19 2029-03-31 2029-05-28 2029-07-04 2029-09-03 2029-11-12 2029-11-22 2029-12-25",
            // 2023: New Year's Day on a Sunday, observed Monday the 2nd; Veterans Day on a Saturday stays
            "2023, 2023-01-02 2023-01-16 2023-02-20 2023-03-31 2023-05-29 2023-07-04 2023-09-04 2023-11-11 2023-11-23 2023-12-25",
    })
    void theHolidaysOfAYearAreComputed(int year, String expected) {
        List<LocalDate> dates = List.of(expected.split(" ")).stream().map(LocalDate::parse).toList();
        assertEquals(dates, calendar.holidays(year).keySet().stream().toList());
    }

    @Test
    void aSundayHolidayIsObservedOnTheMonday() {
        Map<LocalDate, String> holidays = calendar.holidays(2027);
        assertEquals("Independence Day (observed)", holidays.get(LocalDate.of(2027, 7, 5)));
        assertFalse(holidays.containsKey(LocalDate.of(2027, 7, 4)));
        assertEquals("New Year's Day (observed)", calendar.holidays(2023).get(LocalDate.of(2023, 1, 2)));
        assertEquals("Christmas Day (observed)", calendar.holidays(2022).get(LocalDate.of(2022, 12, 26)));
    }

    @Test
    void thanksgivingIsTheFourthThursdayOfNovemberEveryYear() {
        for (int year = 2000; year <= 2100; year++) {
            LocalDate thanksgiving = calendar.holidays(year).entrySet().stream()
                    .filter(h -> h.getValue().equals("Thanksgiving Day")).findFirst().orElseThrow().getKey();
            assertEquals(DayOfWeek.THURSDAY, thanksgiving.getDayOfWeek(), "in " + year);
            assertTrue(thanksgiving.getDayOfMonth() >= 22 && thanksgiving.getDayOfMonth() <= 28, "in " + year);
        }
    }

    @Test
    void everyYearHasItsTenHolidaysOnWeekdaysOrSaturdays() {
        for (int year = 2000; year <= 2100; year++) {
            Map<LocalDate, String> holidays = calendar.holidays(year);
            assertEquals(10, holidays.size(), "in " + year);
            holidays.keySet().forEach(day -> assertTrue(day.getDayOfWeek() != DayOfWeek.SUNDAY, day + " is observed"));
            assertEquals(11, withDayAfterThanksgiving.holidays(year).size(), "in " + year);
        }
    }

    @Test
    void theDayAfterThanksgivingCountsOnlyWhenChosen() {
        LocalDate friday = LocalDate.of(2026, 11, 27);
        assertTrue(calendar.isBusinessDay(friday));
        assertFalse(withDayAfterThanksgiving.isBusinessDay(friday));
    }

    @ParameterizedTest
    @CsvSource({
            "2026-11-25, true",  // Wednesday
            "2026-11-26, false", // Thanksgiving
            "2026-11-28, false", // Saturday
            "2026-11-29, false", // Sunday
            "2026-11-30, true",  // Monday
            "2027-07-05, false", // Independence Day observed
            "2026-03-31, false", // Cesar Chavez Day
            "2026-07-03, true",  // the Friday before a Saturday holiday is not moved
    })
    void businessDays(LocalDate day, boolean business) {
        assertEquals(business, calendar.isBusinessDay(day));
    }

    @ParameterizedTest
    @CsvSource({
            "2026-11-25, 2026-11-25", // a business day stays
            "2026-11-26, 2026-11-27", // Thanksgiving rolls to Friday
            "2026-12-25, 2026-12-28", // Christmas on a Friday rolls over the weekend to Monday
            "2027-07-03, 2027-07-06", // Saturday, Sunday, the observed Monday: Tuesday
            "2026-12-31, 2026-12-31",
            "2027-01-01, 2027-01-04", // New Year's Day on a Friday
    })
    void aDayOnAWeekendOrHolidayRollsToTheNextBusinessDay(LocalDate day, LocalDate rolled) {
        assertEquals(rolled, calendar.onOrAfter(day));
    }

    @ParameterizedTest
    @CsvSource({
            "2026-11-25, 0, 2026-11-25",
            "2026-11-25, 1, 2026-11-27", // over Thanksgiving
            "2026-11-25, 3, 2026-12-01",
            "2026-12-24, 1, 2026-12-28", // over Christmas and the weekend
            "2026-11-28, 1, 2026-11-30", // from a Saturday
    })
    void businessDaysAreCountedFromTheDayAfter(LocalDate day, int days, LocalDate expected) {
        assertEquals(expected, calendar.plusBusinessDays(day, days));
    }

    @Test
    void aNegativeCountIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> calendar.plusBusinessDays(LocalDate.of(2026, 1, 5), -1));
    }
}
