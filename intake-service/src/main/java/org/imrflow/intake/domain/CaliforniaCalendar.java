package org.imrflow.intake.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * California's business days for IMR's clocks: Monday to Friday, except the state holidays of Government Code 6700
 * and 19853 as {@code imr-process.md} lists them. Each holiday is computed for the year (the fourth Thursday of
 * November, the last Monday of May), never typed in by year. A holiday on a Sunday is observed on the Monday.
 * Whether the day after Thanksgiving counts is disputed at the WCAB, so it is a choice made when the calendar is built.
 */
public final class CaliforniaCalendar {
    private final boolean dayAfterThanksgiving;

    public CaliforniaCalendar(boolean dayAfterThanksgiving) {
        this.dayAfterThanksgiving = dayAfterThanksgiving;
    }

    /** The year's holidays as observed, by date, with their names; "(observed)" marks a Sunday's moved to Monday. */
    public Map<LocalDate, String> holidays(int year) {
        Map<LocalDate, String> holidays = new TreeMap<>();
        observe(holidays, LocalDate.of(year, Month.JANUARY, 1), "New Year's Day");
        observe(holidays, nth(year, Month.JANUARY, 3, DayOfWeek.MONDAY), "Martin Luther King Jr. Day");
        observe(holidays, nth(year, Month.FEBRUARY, 3, DayOfWeek.MONDAY), "Presidents' Day");
        observe(holidays, LocalDate.of(year, Month.MARCH, 31), "Cesar Chavez Day");
        observe(holidays, LocalDate.of(year, Month.MAY, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                "Memorial Day");
        observe(holidays, LocalDate.of(year, Month.JULY, 4), "Independence Day");
        observe(holidays, nth(year, Month.SEPTEMBER, 1, DayOfWeek.MONDAY), "Labor Day");
        observe(holidays, LocalDate.of(year, Month.NOVEMBER, 11), "Veterans Day");
        LocalDate thanksgiving = nth(year, Month.NOVEMBER, 4, DayOfWeek.THURSDAY);
        observe(holidays, thanksgiving, "Thanksgiving Day");
        if (dayAfterThanksgiving) {
            observe(holidays, thanksgiving.plusDays(1), "Day after Thanksgiving");
        }
        observe(holidays, LocalDate.of(year, Month.DECEMBER, 25), "Christmas Day");
        return Collections.unmodifiableMap(holidays);
    }

    public boolean isHoliday(LocalDate day) {
        return holidays(day.getYear()).containsKey(day);
    }

    public boolean isBusinessDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !isHoliday(day);
    }

    /** The day itself if it is a business day, else the next one: how a deadline on a weekend or holiday rolls. */
    public LocalDate onOrAfter(LocalDate day) {
        LocalDate candidate = Objects.requireNonNull(day, "day");
        while (!isBusinessDay(candidate)) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }

    /** The business day {@code days} business days after {@code day}; {@code day} itself is not counted. */
    public LocalDate plusBusinessDays(LocalDate day, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        LocalDate candidate = day;
        for (int counted = 0; counted < days; ) {
            candidate = candidate.plusDays(1);
            if (isBusinessDay(candidate)) {
                counted++;
            }
        }
        return candidate;
    }

    private static LocalDate nth(int year, Month month, int n, DayOfWeek weekday) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, weekday));
    }

    private static void observe(Map<LocalDate, String> holidays, LocalDate day, String name) {
        if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            holidays.put(day.plusDays(1), name + " (observed)");
        } else {
            holidays.put(day, name);
        }
    }
}
