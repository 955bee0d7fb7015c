package org.imrflow.intake.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every step of a case for its claims administrator, in the order it happened, with the deadlines met or missed.
 * It never names the reviewer. Steps still to come are listed last, with their deadline.
 */
public final class CaseTimeline {
    private static final String NOT_NEEDED = "not needed: the case was withdrawn";

    private CaseTimeline() {
    }

    public enum StepName {
        RECEIVED, SCREENED, LIABILITY_RESOLVED, NOTICE_OF_ASSIGNMENT, RECORDS_UPLOADED, RECORDS_COMPLETE, CONVERTED_TO_EXPEDITED,
        ASSIGNED, DETERMINATION_AT_RISK, DETERMINATION_OVERDUE, LETTER_ISSUED, WITHDRAWN
    }

    /** Whether a step with a deadline met it. */
    public enum Deadline {
        MET, MISSED, PENDING,
        /** The case was withdrawn before the step was due: it will never happen, and that is no lateness. */
        NOT_NEEDED
    }

    /**
     * @param at       when it happened; null for a step still to come
     * @param dueAt    the deadline, when the step has one
     * @param deadline met or missed, when the step has a deadline
     */
    public record Step(StepName step, Instant at, Instant dueAt, Deadline deadline, String detail) {
    }

    /** A document of the records, as uploaded. */
    public record Upload(Instant at, String name) {
    }

    /** What the case knows of its own history. Null fields have not happened. */
    public record History(
            Instant receivedAt, LocalDate applicationReceivedDate, CaseStatus status, int screeningReasons,
            Instant noticeDueAt, Instant noticeSentAt, String noticeMethod,
            List<Upload> uploads, Instant recordsDueAt, Instant recordsCompletedAt, Instant recordsDeadlinePassedAt,
            int recordsDaysLate, int recordsPenaltyDollars,
            Instant convertedToExpeditedAt, Instant assignedAt,
            Instant determinationDueAt, Instant atRiskAt, Instant overdueAt, Instant letterIssuedAt,
            Instant withdrawnAt, LocalDate treatmentAuthorizedDate,
            Instant liabilityResolvedAt, LocalDate liabilityResolvedDate, Boolean liabilityAccepted) {
    }

    public static List<Step> of(History h, Instant now) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(StepName.RECEIVED, h.receivedAt(), null, null,
                "application received " + h.applicationReceivedDate()));
        steps.add(new Step(StepName.SCREENED, h.receivedAt(), null, null, switch (h.status()) {
            case INELIGIBLE -> "ineligible: " + h.screeningReasons() + " reason(s)";
            case DEFERRED -> "deferred: liability disputed";
            // a withdrawn case was eligible or deferred; only a deferred one has a reason from the screen
            case WITHDRAWN -> h.screeningReasons() > 0 ? "deferred: liability disputed" : "eligible";
            default -> h.liabilityResolvedAt() != null ? "deferred: liability disputed" : "eligible";
        }));
        if (h.liabilityResolvedAt() != null) {
            steps.add(new Step(StepName.LIABILITY_RESOLVED, h.liabilityResolvedAt(), null, null,
                    Boolean.TRUE.equals(h.liabilityAccepted())
                            ? "liability accepted on " + h.liabilityResolvedDate() + ": the case goes to review"
                            : "liability resolved against the claim on " + h.liabilityResolvedDate() + ": closed"));
        }
        if (h.noticeDueAt() != null) {
            Deadline notice = deadline(h.noticeSentAt(), h.noticeDueAt(), now, h.withdrawnAt());
            steps.add(new Step(StepName.NOTICE_OF_ASSIGNMENT, h.noticeSentAt(), h.noticeDueAt(), notice,
                    h.noticeSentAt() != null ? "sent by " + h.noticeMethod() : notice == Deadline.NOT_NEEDED ? NOT_NEEDED : "to be sent"));
        }
        h.uploads().forEach(upload -> steps.add(new Step(StepName.RECORDS_UPLOADED, upload.at(), null, null, upload.name())));
        if (h.recordsDueAt() != null || h.recordsCompletedAt() != null) {
            String detail;
            if (h.recordsCompletedAt() != null) {
                detail = h.recordsDaysLate() == 0 ? "complete, on time"
                        : "complete, " + h.recordsDaysLate() + " day(s) late: $" + h.recordsPenaltyDollars();
            } else if (h.recordsDeadlinePassedAt() != null) {
                detail = "deadline passed without complete records: the determination's clock started";
            } else {
                detail = "awaited";
            }
            Deadline records = h.recordsDueAt() == null ? null : deadline(h.recordsCompletedAt(), h.recordsDueAt(), now, h.withdrawnAt());
            steps.add(new Step(StepName.RECORDS_COMPLETE, h.recordsCompletedAt(), h.recordsDueAt(), records,
                    records == Deadline.NOT_NEEDED ? NOT_NEEDED : detail));
        }
        if (h.convertedToExpeditedAt() != null) {
            steps.add(new Step(StepName.CONVERTED_TO_EXPEDITED, h.convertedToExpeditedAt(), null, null,
                    "the physician's certification arrived"));
        }
        if (h.assignedAt() != null) {
            steps.add(new Step(StepName.ASSIGNED, h.assignedAt(), null, null, "an expert reviewer has the case"));
        }
        if (h.atRiskAt() != null) {
            steps.add(new Step(StepName.DETERMINATION_AT_RISK, h.atRiskAt(), h.determinationDueAt(), null,
                    "most of the determination's period is used"));
        }
        if (h.overdueAt() != null) {
            steps.add(new Step(StepName.DETERMINATION_OVERDUE, h.overdueAt(), h.determinationDueAt(), Deadline.MISSED,
                    "the determination is late; it stays valid when it comes"));
        }
        if (h.letterIssuedAt() != null || (h.determinationDueAt() != null && h.withdrawnAt() == null)) {
            steps.add(new Step(StepName.LETTER_ISSUED, h.letterIssuedAt(), h.determinationDueAt(),
                    h.determinationDueAt() == null ? null : deadline(h.letterIssuedAt(), h.determinationDueAt(), now, null),
                    h.letterIssuedAt() == null ? "the Final Determination is awaited" : "the Final Determination went to the parties"));
        }
        if (h.withdrawnAt() != null) {
            steps.add(new Step(StepName.WITHDRAWN, h.withdrawnAt(), null, null,
                    "the treatment was authorized on " + h.treatmentAuthorizedDate() + "; no letter is issued"));
        }
        steps.sort(Comparator.comparing(Step::at, Comparator.nullsLast(Comparator.naturalOrder())));
        return steps;
    }

    /**
     * Met when done by the deadline, missed when done later or not done once it passed; pending before. A step a
     * withdrawal made unnecessary is not needed, never missed for its deadline passing after the withdrawal.
     */
    static Deadline deadline(Instant doneAt, Instant dueAt, Instant now, Instant withdrawnAt) {
        if (doneAt != null) {
            return doneAt.isAfter(dueAt) ? Deadline.MISSED : Deadline.MET;
        }
        if (withdrawnAt != null && !withdrawnAt.isAfter(now)) {
            return withdrawnAt.isAfter(dueAt) ? Deadline.MISSED : Deadline.NOT_NEEDED;
        }
        return now.isAfter(dueAt) ? Deadline.MISSED : Deadline.PENDING;
    }
}
