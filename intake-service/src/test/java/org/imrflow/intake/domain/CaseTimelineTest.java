package org.imrflow.intake.domain;

import org.imrflow.intake.domain.CaseTimeline.Deadline;
import org.imrflow.intake.domain.CaseTimeline.History;
import org.imrflow.intake.domain.CaseTimeline.Step;
import org.imrflow.intake.domain.CaseTimeline.StepName;
import org.imrflow.intake.domain.CaseTimeline.Upload;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.imrflow.intake.domain.CaseTimeline.StepName.ASSIGNED;
import static org.imrflow.intake.domain.CaseTimeline.StepName.CONVERTED_TO_EXPEDITED;
import static org.imrflow.intake.domain.CaseTimeline.StepName.DETERMINATION_AT_RISK;
import static org.imrflow.intake.domain.CaseTimeline.StepName.DETERMINATION_OVERDUE;
import static org.imrflow.intake.domain.CaseTimeline.StepName.LETTER_ISSUED;
import static org.imrflow.intake.domain.CaseTimeline.StepName.LIABILITY_RESOLVED;
import static org.imrflow.intake.domain.CaseTimeline.StepName.NOTICE_OF_ASSIGNMENT;
import static org.imrflow.intake.domain.CaseTimeline.StepName.RECEIVED;
import static org.imrflow.intake.domain.CaseTimeline.StepName.RECORDS_COMPLETE;
import static org.imrflow.intake.domain.CaseTimeline.StepName.RECORDS_UPLOADED;
import static org.imrflow.intake.domain.CaseTimeline.StepName.SCREENED;
import static org.imrflow.intake.domain.CaseTimeline.StepName.WITHDRAWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A case received Thursday 2026-10-01 at 09:00 in Los Angeles, its deadlines as {@link CaseClocks} sets them: the
 * notice by the end of Friday the 2nd, the records (electronic notice) by the end of the 13th, the determination 30
 * days after the records were complete.
 */
class CaseTimelineTest {
    private static final Instant RECEIVED_AT = Instant.parse("2026-10-01T16:00:00Z");
    private static final LocalDate RECEIVED_ON = LocalDate.of(2026, 10, 1);
    private static final Instant NOTICE_DUE = Instant.parse("2026-10-03T07:00:00Z"); // midnight ending October 2nd
    private static final Instant NOTICE_SENT = Instant.parse("2026-10-01T16:00:05Z");
    private static final Instant RECORDS_DUE = Instant.parse("2026-10-14T07:00:00Z"); // midnight ending October 13th
    private static final Instant FIRST_UPLOAD = Instant.parse("2026-10-06T17:00:00Z");
    private static final Instant LAST_UPLOAD = Instant.parse("2026-10-07T18:00:00Z");
    private static final Instant ASSIGNED_AT = Instant.parse("2026-10-08T16:00:00Z");
    private static final Instant DETERMINATION_DUE = Instant.parse("2026-11-07T08:00:00Z"); // midnight ending November 6th
    private static final Instant AT_RISK = Instant.parse("2026-10-31T14:00:00Z");
    private static final Instant LETTER = Instant.parse("2026-10-28T20:00:00Z");

    /** What a case knows of itself, filled in step by step; it starts as an eligible case just received. */
    private static final class Case {
        Instant receivedAt = RECEIVED_AT;
        LocalDate applicationReceivedDate = RECEIVED_ON;
        CaseStatus status = CaseStatus.RECEIVED;
        int screeningReasons;
        Instant noticeDueAt = NOTICE_DUE;
        Instant noticeSentAt;
        String noticeMethod = "ELECTRONIC";
        final List<Upload> uploads = new ArrayList<>();
        Instant recordsDueAt;
        Instant recordsCompletedAt;
        Instant recordsDeadlinePassedAt;
        int recordsDaysLate;
        int recordsPenaltyDollars;
        Instant convertedToExpeditedAt;
        Instant assignedAt;
        Instant determinationDueAt;
        Instant atRiskAt;
        Instant overdueAt;
        Instant letterIssuedAt;
        Instant withdrawnAt;
        LocalDate treatmentAuthorizedDate;
        Instant liabilityResolvedAt;
        LocalDate liabilityResolvedDate;
        Boolean liabilityAccepted;

        /** Deferred at the screen, then its liability dispute resolved at {@code at}. */
        Case liabilityResolved(Instant at, boolean accepted) {
            liabilityResolvedAt = at;
            liabilityResolvedDate = at.atZone(java.time.ZoneId.of("America/Los_Angeles")).toLocalDate();
            liabilityAccepted = accepted;
            if (!accepted) {
                status = CaseStatus.INELIGIBLE;
                screeningReasons = 1;
            }
            return this;
        }

        Case noticeSent() {
            noticeSentAt = NOTICE_SENT;
            recordsDueAt = RECORDS_DUE;
            return this;
        }

        Case uploaded(Instant at, String name) {
            uploads.add(new Upload(at, name));
            return this;
        }

        /** Both documents uploaded, the second completing the records on time; the clock started. */
        Case recordsComplete() {
            uploaded(FIRST_UPLOAD, "progress-report-2026-09.pdf");
            uploaded(LAST_UPLOAD, "ur-decision.pdf");
            recordsCompletedAt = LAST_UPLOAD;
            determinationDueAt = DETERMINATION_DUE;
            return this;
        }

        Case assigned() {
            status = CaseStatus.ASSIGNED;
            assignedAt = ASSIGNED_AT;
            return this;
        }

        Case letterIssued(Instant at) {
            status = CaseStatus.DETERMINATION_ISSUED;
            letterIssuedAt = at;
            return this;
        }

        Case withdrawn(Instant at, LocalDate authorized) {
            status = CaseStatus.WITHDRAWN;
            withdrawnAt = at;
            treatmentAuthorizedDate = authorized;
            return this;
        }

        History history() {
            return new History(receivedAt, applicationReceivedDate, status, screeningReasons, noticeDueAt, noticeSentAt,
                    noticeMethod, List.copyOf(uploads), recordsDueAt, recordsCompletedAt, recordsDeadlinePassedAt,
                    recordsDaysLate, recordsPenaltyDollars, convertedToExpeditedAt, assignedAt, determinationDueAt, atRiskAt,
                    overdueAt, letterIssuedAt, withdrawnAt, treatmentAuthorizedDate, liabilityResolvedAt, liabilityResolvedDate,
                    liabilityAccepted);
        }

        List<Step> timeline(Instant now) {
            return CaseTimeline.of(history(), now);
        }
    }

    private static List<StepName> names(List<Step> steps) {
        return steps.stream().map(Step::step).toList();
    }

    private static Step only(List<Step> steps, StepName name) {
        List<Step> found = steps.stream().filter(step -> step.step() == name).toList();
        assertEquals(1, found.size(), "one " + name + " step in " + names(steps));
        return found.get(0);
    }

    @Test
    void anEligibleCaseJustReceivedAwaitsItsNotice() {
        List<Step> steps = new Case().timeline(RECEIVED_AT.plusSeconds(1));

        assertEquals(List.of(RECEIVED, SCREENED, NOTICE_OF_ASSIGNMENT), names(steps));
        assertEquals(new Step(RECEIVED, RECEIVED_AT, null, null, "application received 2026-10-01"), steps.get(0));
        assertEquals(new Step(SCREENED, RECEIVED_AT, null, null, "eligible"), steps.get(1));
        assertEquals(new Step(NOTICE_OF_ASSIGNMENT, null, NOTICE_DUE, Deadline.PENDING, "to be sent"), steps.get(2));
    }

    @Test
    void aDeferredCaseWhoseLiabilityWasAcceptedShowsItWasDeferredThenWentToReview() {
        Instant resolved = RECEIVED_AT.plus(java.time.Duration.ofDays(20));
        Case c = new Case().liabilityResolved(resolved, true);
        c.noticeDueAt = NOTICE_DUE.plus(java.time.Duration.ofDays(20));
        List<Step> steps = c.timeline(resolved.plusSeconds(1));

        assertEquals(List.of(RECEIVED, SCREENED, LIABILITY_RESOLVED, NOTICE_OF_ASSIGNMENT), names(steps));
        assertEquals("deferred: liability disputed", only(steps, SCREENED).detail());
        assertEquals(new Step(LIABILITY_RESOLVED, resolved, null, null,
                "liability accepted on 2026-10-21: the case goes to review"), only(steps, LIABILITY_RESOLVED));
    }

    @Test
    void aDeferredCaseWhoseLiabilityWasResolvedAgainstTheClaimIsClosed() {
        Instant resolved = RECEIVED_AT.plus(java.time.Duration.ofDays(20));
        Case c = new Case().liabilityResolved(resolved, false);
        c.noticeDueAt = null;
        List<Step> steps = c.timeline(resolved.plusSeconds(1));

        assertEquals(List.of(RECEIVED, SCREENED, LIABILITY_RESOLVED), names(steps));
        assertEquals("liability resolved against the claim on 2026-10-21: closed", only(steps, LIABILITY_RESOLVED).detail());
    }

    @Test
    void theWholeCaseInTheOrderItHappenedWithEveryDeadlineMet() {
        Case done = new Case().noticeSent().recordsComplete().assigned().letterIssued(LETTER);
        List<Step> steps = done.timeline(Instant.parse("2026-11-20T00:00:00Z"));

        assertEquals(List.of(RECEIVED, SCREENED, NOTICE_OF_ASSIGNMENT, RECORDS_UPLOADED, RECORDS_UPLOADED, RECORDS_COMPLETE,
                ASSIGNED, LETTER_ISSUED), names(steps));
        assertEquals(List.of(
                new Step(RECEIVED, RECEIVED_AT, null, null, "application received 2026-10-01"),
                new Step(SCREENED, RECEIVED_AT, null, null, "eligible"),
                new Step(NOTICE_OF_ASSIGNMENT, NOTICE_SENT, NOTICE_DUE, Deadline.MET, "sent by ELECTRONIC"),
                new Step(RECORDS_UPLOADED, FIRST_UPLOAD, null, null, "progress-report-2026-09.pdf"),
                new Step(RECORDS_UPLOADED, LAST_UPLOAD, null, null, "ur-decision.pdf"),
                new Step(RECORDS_COMPLETE, LAST_UPLOAD, RECORDS_DUE, Deadline.MET, "complete, on time"),
                new Step(ASSIGNED, ASSIGNED_AT, null, null, "an expert reviewer has the case"),
                new Step(LETTER_ISSUED, LETTER, DETERMINATION_DUE, Deadline.MET, "the Final Determination went to the parties")),
                steps);
    }

    @Test
    void stepsAreInTheOrderTheyHappenedNotTheOrderTheyAreListed() {
        // the reviewer was assigned before the records were complete, and a document came after them
        Case c = new Case().noticeSent();
        c.assignedAt = Instant.parse("2026-10-05T16:00:00Z");
        c.recordsComplete();
        c.uploaded(Instant.parse("2026-10-09T16:00:00Z"), "addendum.pdf");
        List<Step> steps = c.timeline(Instant.parse("2026-10-10T00:00:00Z"));

        assertEquals(List.of(RECEIVED, SCREENED, NOTICE_OF_ASSIGNMENT, ASSIGNED, RECORDS_UPLOADED, RECORDS_UPLOADED,
                RECORDS_COMPLETE, RECORDS_UPLOADED, LETTER_ISSUED), names(steps));
        List<Instant> happened = steps.stream().map(Step::at).filter(at -> at != null).toList();
        assertEquals(happened.stream().sorted().toList(), happened, "in time order");
        assertNull(steps.get(steps.size() - 1).at(), "the letter is to come");
    }

    @Test
    void recordsCompletedLateMissTheirDeadlineWithTheDaysAndThePenalty() {
        Case c = new Case().noticeSent();
        Instant late = RECORDS_DUE.plus(Duration.ofDays(2)).plus(Duration.ofHours(3));
        c.uploaded(late, "records.pdf");
        c.recordsCompletedAt = late;
        c.recordsDaysLate = LateRecords.daysLate(RECORDS_DUE, late);
        c.recordsPenaltyDollars = LateRecords.penaltyDollars(c.recordsDaysLate);
        c.determinationDueAt = Instant.parse("2026-11-16T08:00:00Z");
        List<Step> steps = c.timeline(late.plusSeconds(60));

        assertEquals(new Step(RECORDS_COMPLETE, late, RECORDS_DUE, Deadline.MISSED, "complete, 3 day(s) late: $1500"),
                only(steps, RECORDS_COMPLETE));
    }

    @Test
    void recordsCompletedAfterTheirDeadlinePassedStillShowHowLateTheyCame() {
        Case c = new Case().noticeSent();
        c.recordsDeadlinePassedAt = RECORDS_DUE;
        Instant late = RECORDS_DUE.plus(Duration.ofDays(12));
        c.recordsCompletedAt = late;
        c.recordsDaysLate = 12;
        c.recordsPenaltyDollars = 5_000;
        Step records = only(c.timeline(late.plusSeconds(60)), RECORDS_COMPLETE);

        assertEquals(Deadline.MISSED, records.deadline());
        assertEquals(late, records.at());
        assertEquals("complete, 12 day(s) late: $5000", records.detail());
    }

    @Test
    void recordsWhoseDeadlinePassedWithoutThemAreMissedAndTheClockStarted() {
        Case c = new Case().noticeSent().uploaded(FIRST_UPLOAD, "progress-report-2026-09.pdf");
        c.recordsDeadlinePassedAt = RECORDS_DUE;
        c.determinationDueAt = Instant.parse("2026-11-14T08:00:00Z"); // 30 days from October 14th
        List<Step> steps = c.timeline(Instant.parse("2026-10-20T00:00:00Z"));

        assertEquals(new Step(RECORDS_COMPLETE, null, RECORDS_DUE, Deadline.MISSED,
                "deadline passed without complete records: the determination's clock started"), only(steps, RECORDS_COMPLETE));
        assertEquals(new Step(LETTER_ISSUED, null, Instant.parse("2026-11-14T08:00:00Z"), Deadline.PENDING,
                "the Final Determination is awaited"), only(steps, LETTER_ISSUED));
    }

    @Test
    void recordsAwaitedArePendingUntilTheirDeadlineAndMissedAfter() {
        Case c = new Case().noticeSent();
        assertEquals(new Step(RECORDS_COMPLETE, null, RECORDS_DUE, Deadline.PENDING, "awaited"),
                only(c.timeline(RECORDS_DUE.minusSeconds(1)), RECORDS_COMPLETE));
        assertEquals(Deadline.PENDING, only(c.timeline(RECORDS_DUE), RECORDS_COMPLETE).deadline(), "the deadline itself");
        assertEquals(Deadline.MISSED, only(c.timeline(RECORDS_DUE.plusSeconds(1)), RECORDS_COMPLETE).deadline(),
                "before the timer marked it");
    }

    @Test
    void recordsCompleteExactlyAtTheirDeadlineMetIt() {
        Case c = new Case().noticeSent();
        c.recordsCompletedAt = RECORDS_DUE;
        assertEquals(Deadline.MET, only(c.timeline(RECORDS_DUE.plusSeconds(1)), RECORDS_COMPLETE).deadline());
    }

    @Test
    void recordsCompleteBeforeTheNoticeSetTheirDeadlineHaveNoDeadline() {
        Case c = new Case();
        c.uploaded(RECEIVED_AT.plusSeconds(2), "records.pdf");
        c.recordsCompletedAt = RECEIVED_AT.plusSeconds(2);
        assertEquals(new Step(RECORDS_COMPLETE, RECEIVED_AT.plusSeconds(2), null, null, "complete, on time"),
                only(c.timeline(RECEIVED_AT.plusSeconds(3)), RECORDS_COMPLETE));
    }

    @Test
    void aNoticeNotSentByItsDeadlineIsMissed() {
        Case c = new Case();
        assertEquals(new Step(NOTICE_OF_ASSIGNMENT, null, NOTICE_DUE, Deadline.MISSED, "to be sent"),
                only(c.timeline(NOTICE_DUE.plusSeconds(1)), NOTICE_OF_ASSIGNMENT));
        assertEquals(Deadline.PENDING, only(c.timeline(NOTICE_DUE), NOTICE_OF_ASSIGNMENT).deadline(), "the deadline itself");
    }

    @Test
    void aNoticeSentLateIsMissed() {
        Case c = new Case();
        c.noticeSentAt = NOTICE_DUE.plus(Duration.ofHours(10));
        c.noticeMethod = "MAIL";
        assertEquals(new Step(NOTICE_OF_ASSIGNMENT, c.noticeSentAt, NOTICE_DUE, Deadline.MISSED, "sent by MAIL"),
                only(c.timeline(c.noticeSentAt.plusSeconds(1)), NOTICE_OF_ASSIGNMENT));
    }

    @Test
    void aNoticeSentExactlyAtItsDeadlineMetIt() {
        Case c = new Case();
        c.noticeSentAt = NOTICE_DUE;
        assertEquals(Deadline.MET, only(c.timeline(NOTICE_DUE.plus(Duration.ofDays(5))), NOTICE_OF_ASSIGNMENT).deadline());
    }

    @Test
    void aDeterminationAtRiskAndThenOverdueMissesTheLettersDeadline() {
        Case c = new Case().noticeSent().recordsComplete().assigned();
        c.atRiskAt = AT_RISK;
        c.overdueAt = DETERMINATION_DUE;
        List<Step> steps = c.timeline(DETERMINATION_DUE.plus(Duration.ofHours(1)));

        assertEquals(List.of(RECEIVED, SCREENED, NOTICE_OF_ASSIGNMENT, RECORDS_UPLOADED, RECORDS_UPLOADED, RECORDS_COMPLETE,
                ASSIGNED, DETERMINATION_AT_RISK, DETERMINATION_OVERDUE, LETTER_ISSUED), names(steps));
        assertEquals(new Step(DETERMINATION_AT_RISK, AT_RISK, DETERMINATION_DUE, null,
                "most of the determination's period is used"), only(steps, DETERMINATION_AT_RISK));
        assertEquals(new Step(DETERMINATION_OVERDUE, DETERMINATION_DUE, DETERMINATION_DUE, Deadline.MISSED,
                "the determination is late; it stays valid when it comes"), only(steps, DETERMINATION_OVERDUE));
        assertEquals(new Step(LETTER_ISSUED, null, DETERMINATION_DUE, Deadline.MISSED, "the Final Determination is awaited"),
                only(steps, LETTER_ISSUED));
    }

    @Test
    void aLetterIssuedAfterItsDueDateMissedItAndTheOverdueStepStays() {
        Instant lateLetter = DETERMINATION_DUE.plus(Duration.ofDays(4));
        Case c = new Case().noticeSent().recordsComplete().assigned().letterIssued(lateLetter);
        c.atRiskAt = AT_RISK;
        c.overdueAt = DETERMINATION_DUE;
        List<Step> steps = c.timeline(lateLetter.plus(Duration.ofDays(30)));

        assertEquals(List.of(DETERMINATION_AT_RISK, DETERMINATION_OVERDUE, LETTER_ISSUED),
                names(steps.subList(steps.size() - 3, steps.size())));
        assertEquals(new Step(LETTER_ISSUED, lateLetter, DETERMINATION_DUE, Deadline.MISSED,
                "the Final Determination went to the parties"), only(steps, LETTER_ISSUED));
    }

    @Test
    void aLetterIsPendingUntilTheEndOfItsDueDate() {
        Case c = new Case().noticeSent().recordsComplete().assigned();
        assertEquals(Deadline.PENDING, only(c.timeline(DETERMINATION_DUE), LETTER_ISSUED).deadline());
        assertEquals(Deadline.MISSED, only(c.timeline(DETERMINATION_DUE.plusSeconds(1)), LETTER_ISSUED).deadline());
    }

    @Test
    void aLetterWhoseDueDateIsNotKnownHasNoDeadline() {
        // events arrive in any order: the letter may be known before the determination's clock
        Case c = new Case().noticeSent().assigned().letterIssued(LETTER);
        assertEquals(new Step(LETTER_ISSUED, LETTER, null, null, "the Final Determination went to the parties"),
                only(c.timeline(LETTER.plusSeconds(1)), LETTER_ISSUED));
    }

    @Test
    void aCaseConvertedToExpeditedShowsWhen() {
        Instant converted = Instant.parse("2026-10-02T18:00:00Z");
        Case c = new Case().noticeSent();
        c.convertedToExpeditedAt = converted;
        c.recordsDueAt = Instant.parse("2026-10-03T18:00:00Z");
        List<Step> steps = c.timeline(converted.plusSeconds(60));

        assertEquals(List.of(RECEIVED, SCREENED, NOTICE_OF_ASSIGNMENT, CONVERTED_TO_EXPEDITED, RECORDS_COMPLETE), names(steps));
        assertEquals(new Step(CONVERTED_TO_EXPEDITED, converted, null, null, "the physician's certification arrived"),
                only(steps, CONVERTED_TO_EXPEDITED));
        assertEquals(Instant.parse("2026-10-03T18:00:00Z"), only(steps, RECORDS_COMPLETE).dueAt());
    }

    @Test
    void aWithdrawnCaseHasNoLetterToComeAndEndsWithdrawn() {
        Instant withdrawn = Instant.parse("2026-10-20T17:00:00Z");
        Case c = new Case().noticeSent().recordsComplete().assigned().withdrawn(withdrawn, LocalDate.of(2026, 10, 19));
        List<Step> steps = c.timeline(DETERMINATION_DUE.plus(Duration.ofDays(10)));

        assertEquals(List.of(RECEIVED, SCREENED, NOTICE_OF_ASSIGNMENT, RECORDS_UPLOADED, RECORDS_UPLOADED, RECORDS_COMPLETE,
                ASSIGNED, WITHDRAWN), names(steps));
        assertEquals(new Step(WITHDRAWN, withdrawn, null, null, "the treatment was authorized on 2026-10-19; no letter is issued"),
                steps.get(steps.size() - 1));
        assertEquals("eligible", only(steps, SCREENED).detail());
    }

    @Test
    void deadlinesPassingAfterAWithdrawalAreNotMissed() {
        // withdrawn on day 5 of the records' 12: they never came, and their deadline passed long ago
        Instant withdrawn = Instant.parse("2026-10-06T17:00:00Z");
        Case c = new Case().noticeSent().withdrawn(withdrawn, LocalDate.of(2026, 10, 6));
        List<Step> steps = c.timeline(RECORDS_DUE.plus(Duration.ofDays(60)));

        assertEquals(Deadline.NOT_NEEDED, only(steps, RECORDS_COMPLETE).deadline());
        assertEquals("not needed: the case was withdrawn", only(steps, RECORDS_COMPLETE).detail());
        assertEquals(Deadline.MET, only(steps, NOTICE_OF_ASSIGNMENT).deadline());
        assertEquals(List.of(RECEIVED, SCREENED, NOTICE_OF_ASSIGNMENT, WITHDRAWN, RECORDS_COMPLETE), names(steps));
    }

    @Test
    void aNoticeUnsentWhenTheCaseWasWithdrawnBeforeItsDeadlineIsNotMissed() {
        Instant withdrawn = RECEIVED_AT.plus(Duration.ofHours(2));
        Case c = new Case().withdrawn(withdrawn, RECEIVED_ON);
        assertEquals(Deadline.NOT_NEEDED, only(c.timeline(NOTICE_DUE.plus(Duration.ofDays(3))), NOTICE_OF_ASSIGNMENT).deadline());
    }

    @Test
    void aDeadlineMissedBeforeTheWithdrawalStaysMissed() {
        // the records' deadline passed without them, then the case was withdrawn
        Instant withdrawn = RECORDS_DUE.plus(Duration.ofDays(2));
        Case c = new Case().noticeSent();
        c.recordsDeadlinePassedAt = RECORDS_DUE;
        c.determinationDueAt = Instant.parse("2026-11-14T08:00:00Z");
        c.withdrawn(withdrawn, LocalDate.of(2026, 10, 15));
        List<Step> steps = c.timeline(withdrawn.plus(Duration.ofDays(60)));

        assertEquals(Deadline.MISSED, only(steps, RECORDS_COMPLETE).deadline());
        assertEquals(List.of(RECEIVED, SCREENED, NOTICE_OF_ASSIGNMENT, WITHDRAWN, RECORDS_COMPLETE), names(steps));
    }

    @Test
    void aWithdrawalAfterTheDeterminationWasOverdueKeepsTheOverdueStepButNoLetter() {
        Instant withdrawn = DETERMINATION_DUE.plus(Duration.ofDays(1));
        Case c = new Case().noticeSent().recordsComplete().assigned();
        c.atRiskAt = AT_RISK;
        c.overdueAt = DETERMINATION_DUE;
        c.withdrawn(withdrawn, LocalDate.of(2026, 11, 7));
        List<Step> steps = c.timeline(withdrawn.plus(Duration.ofDays(1)));

        assertEquals(List.of(RECEIVED, SCREENED, NOTICE_OF_ASSIGNMENT, RECORDS_UPLOADED, RECORDS_UPLOADED, RECORDS_COMPLETE,
                ASSIGNED, DETERMINATION_AT_RISK, DETERMINATION_OVERDUE, WITHDRAWN), names(steps));
    }

    @Test
    void aDeferredCaseWithdrawnStillShowsItWasDeferred() {
        Case c = new Case();
        c.screeningReasons = 1;
        c.noticeDueAt = null;
        c.withdrawn(RECEIVED_AT.plus(Duration.ofDays(40)), LocalDate.of(2026, 11, 9));
        List<Step> steps = c.timeline(RECEIVED_AT.plus(Duration.ofDays(41)));

        assertEquals(List.of(RECEIVED, SCREENED, WITHDRAWN), names(steps));
        assertEquals("deferred: liability disputed", only(steps, SCREENED).detail());
    }

    @Test
    void stepsToComeAreListedLastInTheOrderTheyWillHappen() {
        // records awaited, a reviewer assigned, the notice not yet sent: only the assignment has happened
        Case c = new Case();
        c.recordsDueAt = RECORDS_DUE;
        c.determinationDueAt = DETERMINATION_DUE;
        c.assignedAt = ASSIGNED_AT;
        c.status = CaseStatus.ASSIGNED;
        List<Step> steps = c.timeline(RECEIVED_AT.plus(Duration.ofHours(1)));

        assertEquals(List.of(RECEIVED, SCREENED, ASSIGNED, NOTICE_OF_ASSIGNMENT, RECORDS_COMPLETE, LETTER_ISSUED), names(steps));
        steps.subList(3, 6).forEach(step -> assertNull(step.at(), step.step() + " is to come"));
        steps.subList(3, 6).forEach(step -> assertEquals(Deadline.PENDING, step.deadline(), step.step() + " is pending"));
    }

    @Test
    void anIneligibleCaseIsOnlyReceivedAndScreenedWithItsNumberOfReasons() {
        Case c = new Case();
        c.status = CaseStatus.INELIGIBLE;
        c.screeningReasons = 3;
        c.noticeDueAt = null;
        List<Step> steps = c.timeline(RECEIVED_AT.plus(Duration.ofDays(30)));

        assertEquals(List.of(
                new Step(RECEIVED, RECEIVED_AT, null, null, "application received 2026-10-01"),
                new Step(SCREENED, RECEIVED_AT, null, null, "ineligible: 3 reason(s)")), steps);
    }

    @Test
    void aDeferredCaseIsOnlyReceivedAndScreened() {
        Case c = new Case();
        c.status = CaseStatus.DEFERRED;
        c.screeningReasons = 1;
        c.noticeDueAt = null;
        List<Step> steps = c.timeline(RECEIVED_AT.plus(Duration.ofDays(30)));

        assertEquals(List.of(
                new Step(RECEIVED, RECEIVED_AT, null, null, "application received 2026-10-01"),
                new Step(SCREENED, RECEIVED_AT, null, null, "deferred: liability disputed")), steps);
    }

    @Test
    void theScreenOfACaseFurtherOnStillSaysEligible() {
        assertEquals("eligible", only(new Case().noticeSent().recordsComplete().assigned().timeline(ASSIGNED_AT), SCREENED).detail());
        assertEquals("eligible", only(new Case().noticeSent().recordsComplete().assigned().letterIssued(LETTER)
                .timeline(LETTER), SCREENED).detail());
    }
}
