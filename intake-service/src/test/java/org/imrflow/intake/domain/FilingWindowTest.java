package org.imrflow.intake.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FilingWindowTest {
    private final FilingWindow window = FilingWindow.standard(new CaliforniaCalendar(false));

    @ParameterizedTest
    @CsvSource({
            // served, by, formulary, last day
            "2026-09-01, PERSONAL_OR_ELECTRONIC, false, 2026-10-01", // day 30 is a Thursday
            "2026-09-01, MAIL,                   false, 2026-10-06", // 35 days: Tuesday
            "2026-10-27, PERSONAL_OR_ELECTRONIC, false, 2026-11-27", // day 30 is Thanksgiving: rolls to Friday
            "2026-10-30, PERSONAL_OR_ELECTRONIC, false, 2026-11-30", // day 30 is a Sunday: Monday
            "2026-10-29, PERSONAL_OR_ELECTRONIC, false, 2026-11-30", // day 30 is a Saturday: over the weekend
            "2026-11-20, MAIL,                   false, 2026-12-28", // day 35 is Christmas, a Friday: Monday
            "2027-06-04, PERSONAL_OR_ELECTRONIC, false, 2027-07-06", // day 30 is Sunday July 4th; Monday observed: Tuesday
            "2026-03-01, PERSONAL_OR_ELECTRONIC, false, 2026-04-01", // day 30 is Cesar Chavez Day: Wednesday
            "2029-06-04, PERSONAL_OR_ELECTRONIC, false, 2029-07-05", // day 30 is July 4th, a Wednesday: Thursday
            "2022-11-25, PERSONAL_OR_ELECTRONIC, false, 2022-12-27", // day 30 is Christmas on a Sunday, observed Monday: Tuesday
            "2033-11-20, MAIL,                   false, 2033-12-27", // day 35 is Christmas on a Sunday, by mail: Tuesday
            "2026-09-01, PERSONAL_OR_ELECTRONIC, true,  2026-09-11", // formulary: 10 days
            "2026-09-01, MAIL,                   true,  2026-09-16", // formulary by mail: 15 days
    })
    void theLastDay(LocalDate servedOn, UrServiceMethod by, boolean formulary, LocalDate lastDay) {
        assertEquals(lastDay, window.lastDay(servedOn, by, formulary));
    }

    @Test
    void theDayOfServiceIsNotCountedAndTheLastDayIs() {
        LocalDate served = LocalDate.of(2026, 9, 1);
        assertTrue(window.onTime(LocalDate.of(2026, 10, 1), served, UrServiceMethod.PERSONAL_OR_ELECTRONIC, false));
        assertFalse(window.onTime(LocalDate.of(2026, 10, 2), served, UrServiceMethod.PERSONAL_OR_ELECTRONIC, false));
        assertTrue(window.onTime(served, served, UrServiceMethod.PERSONAL_OR_ELECTRONIC, false), "the same day");
    }

    @Test
    void theDecisionDateDoesNotStartTheClockServiceDoes() {
        // a decision dated in August but served by mail on September 1st: counted from service
        assertTrue(window.onTime(LocalDate.of(2026, 10, 6), LocalDate.of(2026, 9, 1), UrServiceMethod.MAIL, false));
    }

    @Test
    void windowsAreConfigurable() {
        FilingWindow twelveDayFormulary = new FilingWindow(new CaliforniaCalendar(false), 30, 12, 5);
        assertEquals(LocalDate.of(2026, 9, 14), twelveDayFormulary.lastDay(LocalDate.of(2026, 9, 1),
                UrServiceMethod.PERSONAL_OR_ELECTRONIC, true), "day 12 is a Sunday: Monday");
        assertThrows(IllegalArgumentException.class, () -> new FilingWindow(new CaliforniaCalendar(false), 0, 10, 5));
        assertThrows(IllegalArgumentException.class, () -> new FilingWindow(new CaliforniaCalendar(false), 30, 10, -1));
    }
}
