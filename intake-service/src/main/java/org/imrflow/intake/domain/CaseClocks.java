package org.imrflow.intake.domain;

import org.imrflow.events.NoticeMethod;
import org.imrflow.events.ReviewType;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The deadlines of a case after it is found eligible (imr-process.md, "Deadlines"):
 * <ul>
 *   <li>the Notice of Assignment within 1 business day of the screen (8 CCR 9792.10.4);</li>
 *   <li>the medical records 15 days after a mailed notice, 12 after an electronic one, 24 hours when expedited
 *       (9792.10.5); a day ends at midnight in the IMR organization's time zone;</li>
 *   <li>the determination 30 days after the records are complete, or after their deadline passed without them
 *       (Labor Code 4610.6(d)); the expedited (3 days) and formulary (5 business days) periods are unconfirmed, so
 *       they are configuration like the rest.</li>
 * </ul>
 * The determination is "at risk" once a configured share of its period is used, and overdue the day after its due date.
 */
public final class CaseClocks {
    private final CaliforniaCalendar calendar;
    private final ZoneId zone;
    private final Periods periods;

    /**
     * @param atRiskShare the share of the determination's period after which it is at risk, between 0 and 1
     */
    public record Periods(int noticeBusinessDays, int recordsDaysMailed, int recordsDaysElectronic,
                          Duration recordsExpedited, int determinationDays, int expeditedDeterminationDays,
                          int formularyDeterminationBusinessDays, double atRiskShare) {
        public Periods {
            if (noticeBusinessDays < 1 || recordsDaysMailed < 1 || recordsDaysElectronic < 1 || determinationDays < 1
                    || expeditedDeterminationDays < 1 || formularyDeterminationBusinessDays < 1
                    || recordsExpedited.isNegative() || recordsExpedited.isZero()) {
                throw new IllegalArgumentException("Every period is at least a day (or, for expedited records, some time)");
            }
            if (!(atRiskShare > 0 && atRiskShare < 1)) {
                throw new IllegalArgumentException("The at-risk share is between 0 and 1, not " + atRiskShare);
            }
        }

        /** The rules' figures: 1 business day, 15/12 days or 24 hours, 30 days, 3 days, 5 business days; at risk at 80%. */
        public static Periods ofTheRules() {
            return new Periods(1, 15, 12, Duration.ofHours(24), 30, 3, 5, 0.8);
        }
    }

    public CaseClocks(CaliforniaCalendar calendar, ZoneId zone, Periods periods) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.periods = Objects.requireNonNull(periods, "periods");
    }

    public LocalDate today(Instant now) {
        return now.atZone(zone).toLocalDate();
    }

    /** The last day the Notice of Assignment may go out on. */
    public LocalDate noticeDueDate(Instant screenedAt) {
        return calendar.plusBusinessDays(today(screenedAt), periods.noticeBusinessDays());
    }

    /** The moment a day is over: midnight at its end, in the IMR organization's zone. */
    public Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** When the records must have been received, counted from the notice. */
    public Instant recordsDueAt(Instant noticeSentAt, NoticeMethod method, ReviewType reviewType) {
        if (reviewType == ReviewType.EXPEDITED) {
            return noticeSentAt.plus(periods.recordsExpedited());
        }
        int days = method == NoticeMethod.MAIL ? periods.recordsDaysMailed() : periods.recordsDaysElectronic();
        return endOf(today(noticeSentAt).plusDays(days));
    }

    /** When the determination is due, its clock having started on {@code clockStart}. */
    public LocalDate determinationDueDate(LocalDate clockStart, ReviewType reviewType, boolean formularyDispute) {
        if (reviewType == ReviewType.EXPEDITED) {
            return clockStart.plusDays(periods.expeditedDeterminationDays());
        }
        if (formularyDispute) {
            return calendar.plusBusinessDays(clockStart, periods.formularyDeterminationBusinessDays());
        }
        return clockStart.plusDays(periods.determinationDays());
    }

    /** When the determination counts as at risk: the configured share of its period, from the clock's start, used. */
    public Instant atRiskAt(Instant clockStartedAt, LocalDate dueDate) {
        Duration period = Duration.between(clockStartedAt, endOf(dueDate));
        return clockStartedAt.plusMillis((long) (period.toMillis() * periods.atRiskShare()));
    }

    /**
     * The records' deadline once a case turns expedited at {@code convertedAt}: 24 hours from then, unless the old
     * deadline comes sooner.
     */
    public Instant expeditedRecordsDueAt(Instant currentDueAt, Instant convertedAt) {
        Instant expedited = convertedAt.plus(periods.recordsExpedited());
        return currentDueAt != null && currentDueAt.isBefore(expedited) ? currentDueAt : expedited;
    }

    /**
     * The determination's due date once a case turns expedited: the expedited period from the clock's start or from
     * the certification, whichever is later, and never later than the standard due date.
     */
    public LocalDate expeditedDeterminationDueDate(LocalDate clockStart, LocalDate certificationReceived, LocalDate standardDueDate) {
        LocalDate from = certificationReceived.isAfter(clockStart) ? certificationReceived : clockStart;
        LocalDate expedited = from.plusDays(periods.expeditedDeterminationDays());
        return expedited.isBefore(standardDueDate) ? expedited : standardDueDate;
    }
}
