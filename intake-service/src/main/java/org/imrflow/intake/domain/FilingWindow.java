package org.imrflow.intake.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * When an IMR application must be received, counted from service of the written UR decision (imr-process.md, "The
 * filing window"): 30 days, plus 5 when it was served by mail (CCP 1013(a)); the day of service is not counted and the
 * last day is; a last day on a weekend or state holiday moves to the next business day (CCP 12, 12a). The formulary
 * window is reported as 10 days but unconfirmed, so it is configuration, as is the standard one.
 */
public final class FilingWindow {
    private final CaliforniaCalendar calendar;
    private final int standardDays;
    private final int formularyDays;
    private final int mailExtensionDays;

    public FilingWindow(CaliforniaCalendar calendar, int standardDays, int formularyDays, int mailExtensionDays) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        if (standardDays < 1 || formularyDays < 1 || mailExtensionDays < 0) {
            throw new IllegalArgumentException("windows must be at least a day and the mail extension not negative");
        }
        this.standardDays = standardDays;
        this.formularyDays = formularyDays;
        this.mailExtensionDays = mailExtensionDays;
    }

    /** The rules' defaults: 30 days, 10 for a formulary dispute, 5 more when served by mail. */
    public static FilingWindow standard(CaliforniaCalendar calendar) {
        return new FilingWindow(calendar, 30, 10, 5);
    }

    /** The last day on which the application is on time. */
    public LocalDate lastDay(LocalDate servedOn, UrServiceMethod servedBy, boolean formularyDispute) {
        int days = (formularyDispute ? formularyDays : standardDays)
                + (servedBy == UrServiceMethod.MAIL ? mailExtensionDays : 0);
        return calendar.onOrAfter(servedOn.plusDays(days));
    }

    public boolean onTime(LocalDate receivedOn, LocalDate servedOn, UrServiceMethod servedBy, boolean formularyDispute) {
        return !receivedOn.isAfter(lastDay(servedOn, servedBy, formularyDispute));
    }
}
