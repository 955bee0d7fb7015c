package org.imrflow.notification.domain;

import org.imrflow.events.CaseConvertedToExpedited;
import org.imrflow.events.CaseWithdrawn;
import org.imrflow.events.ClaimsAdministratorGuideline;
import org.imrflow.events.Deadline;
import org.imrflow.events.DeadlineReached;
import org.imrflow.events.DecisionRecorded;
import org.imrflow.events.DisputedItem;
import org.imrflow.events.EventType;
import org.imrflow.events.ItemCategory;
import org.imrflow.events.LetterIssued;
import org.imrflow.events.NoticeMethod;
import org.imrflow.events.NoticeOfAssignmentSent;
import org.imrflow.events.RecordsReceived;
import org.imrflow.events.ReviewType;
import org.imrflow.events.ReviewerAssigned;
import org.imrflow.events.ReviewerQualifications;
import org.imrflow.events.testing.SampleDispute;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CaseMilestonesTest {
    private static final String CASE = "CM26-0000001";
    private static final Instant RECEIVED = Instant.parse("2026-03-02T17:00:00Z");
    private static final Instant RECORDS_DUE = Instant.parse("2026-03-21T06:59:59Z");
    private static final Instant UPLOADED = Instant.parse("2026-03-10T17:00:00Z");
    private static final Instant COMPLETE = Instant.parse("2026-03-18T17:00:00Z");
    private static final Instant LATE_COMPLETE = Instant.parse("2026-03-24T17:00:00Z");
    private static final Instant FIRST_ASSIGNED = Instant.parse("2026-03-03T17:00:00Z");
    private static final Instant REASSIGNED = Instant.parse("2026-03-05T17:00:00Z");
    private static final Instant CONVERTED = Instant.parse("2026-03-26T17:00:00Z");
    private static final Instant DECIDED = Instant.parse("2026-04-02T17:00:00Z");
    private static final LocalDate DUE = LocalDate.of(2026, 4, 17);
    private static final LocalDate DUE_FROM_THE_DEADLINE = LocalDate.of(2026, 4, 20);
    private static final LocalDate DUE_EXPEDITED = LocalDate.of(2026, 3, 31);

    // every event of a case that tells a milestone, as the stream carries it
    private static final CaseMilestones RECEIPT = of(EventType.CASE_RECEIVED,
            SampleDispute.caseReceived(CASE, "acme-claims"));
    private static final CaseMilestones NOTICE = of(EventType.NOTICE_OF_ASSIGNMENT_SENT,
            new NoticeOfAssignmentSent(CASE, RECEIVED, NoticeMethod.ELECTRONIC, LocalDate.of(2026, 3, 3), RECORDS_DUE));
    private static final CaseMilestones UPLOAD = records(UPLOADED, false, null);
    private static final CaseMilestones RECORDS_COMPLETE = records(COMPLETE, true, DUE);
    private static final CaseMilestones RECORDS_COMPLETE_LATE = records(LATE_COMPLETE, true, DUE_FROM_THE_DEADLINE);
    private static final CaseMilestones RECORDS_DEADLINE = deadline(Deadline.RECORDS, RECORDS_DUE, DUE_FROM_THE_DEADLINE);
    private static final CaseMilestones AT_RISK = deadline(Deadline.DETERMINATION_AT_RISK,
            Instant.parse("2026-04-10T07:00:00Z"), LocalDate.of(2026, 5, 1));
    private static final CaseMilestones OVERDUE = deadline(Deadline.DETERMINATION_OVERDUE,
            Instant.parse("2026-04-21T07:00:00Z"), LocalDate.of(2026, 5, 2));
    private static final CaseMilestones CONVERTED_BEFORE_THE_CLOCK = of(EventType.CASE_CONVERTED_TO_EXPEDITED,
            new CaseConvertedToExpedited(CASE, UPLOADED, LocalDate.of(2026, 3, 10), UPLOADED.plusSeconds(86_400), null));
    private static final CaseMilestones CONVERTED_ON_THE_CLOCK = of(EventType.CASE_CONVERTED_TO_EXPEDITED,
            new CaseConvertedToExpedited(CASE, CONVERTED, LocalDate.of(2026, 3, 26), null, DUE_EXPEDITED));
    private static final CaseMilestones FIRST = assigned("rev-a", FIRST_ASSIGNED);
    private static final CaseMilestones SECOND = assigned("rev-b", REASSIGNED);
    private static final CaseMilestones DECISION = of(EventType.DECISION_RECORDED, new DecisionRecorded(CASE, "rev-b",
            null, DECIDED, LocalDate.of(2026, 6, 1), "summary", List.of()));
    private static final CaseMilestones WITHDRAWAL = of(EventType.CASE_WITHDRAWN,
            new CaseWithdrawn(CASE, DECIDED, LocalDate.of(2026, 4, 1)));

    @Test
    void noneAndNoneIsNone() {
        assertEquals(CaseMilestones.NONE, CaseMilestones.NONE.and(CaseMilestones.NONE));
    }

    @Test
    void theClockStartsWhenTheRecordsAreCompleteInEveryOrder() {
        // converted while the records were still coming: no due date yet, the complete records tell the expedited one
        everyOrder(List.of(RECEIPT, NOTICE, UPLOAD, CONVERTED_BEFORE_THE_CLOCK, RECORDS_COMPLETE, FIRST, SECOND, DECISION),
                new CaseMilestones(COMPLETE, DUE, COMPLETE, "rev-b", REASSIGNED, DECIDED));
    }

    @Test
    void theClockStartsWhenTheRecordsDeadlinePassesAndLateRecordsDoNotRestartItInEveryOrder() {
        everyOrder(List.of(UPLOAD, RECORDS_DEADLINE, RECORDS_COMPLETE_LATE, FIRST, AT_RISK, OVERDUE, DECISION),
                new CaseMilestones(RECORDS_DUE, DUE_FROM_THE_DEADLINE, LATE_COMPLETE, "rev-a", FIRST_ASSIGNED, DECIDED));
    }

    @Test
    void aConversionOnTheClockMovesTheDueDateInEveryOrder() {
        everyOrder(List.of(RECORDS_DEADLINE, RECORDS_COMPLETE_LATE, CONVERTED_ON_THE_CLOCK, SECOND, OVERDUE, WITHDRAWAL),
                new CaseMilestones(RECORDS_DUE, DUE_EXPEDITED, CONVERTED, "rev-b", REASSIGNED, null));
    }

    @Test
    void receiptAssignmentAndDecisionStartNoClockAndTellNoDueDate() {
        ReviewerAssigned olderAssignment = new ReviewerAssigned(CASE, "rev-a", null, FIRST_ASSIGNED, ReviewType.STANDARD,
                LocalDate.of(2026, 4, 1), new ClaimsAdministratorGuideline(false, "ODG"),
                List.of(new DisputedItem(1, SampleDispute.NEUROTOMY, ItemCategory.INJECTIONS, null)));
        CaseMilestones combined = RECEIPT.and(of(EventType.REVIEWER_ASSIGNED, olderAssignment)).and(DECISION);
        assertEquals(new CaseMilestones(null, null, null, "rev-a", FIRST_ASSIGNED, DECIDED), combined,
                "reviewer-assigned's due date is deprecated, and the decision's is not the clock's");
    }

    @Test
    void theRecordsUploadedIncompleteAndTheDeterminationsDeadlinesTellNothing() {
        assertEquals(CaseMilestones.NONE, UPLOAD);
        assertEquals(CaseMilestones.NONE, AT_RISK);
        assertEquals(CaseMilestones.NONE, OVERDUE);
        assertEquals(CaseMilestones.NONE, deadline(Deadline.NOTICE_OF_ASSIGNMENT, RECEIVED, null));
        assertEquals(CaseMilestones.NONE, CONVERTED_BEFORE_THE_CLOCK);
        assertEquals(CaseMilestones.NONE, NOTICE);
        assertEquals(CaseMilestones.NONE, WITHDRAWAL);
    }

    @Test
    void twoDueDatesToldAtOneMomentGiveTheLaterInEitherOrder() {
        CaseMilestones early = new CaseMilestones(null, DUE, COMPLETE, null, null, null);
        CaseMilestones late = new CaseMilestones(null, DUE.plusDays(1), COMPLETE, null, null, null);
        assertEquals(late, early.and(late));
        assertEquals(late, late.and(early));
    }

    @Test
    void aDueDateKeptFromBeforeItWasTimedGivesWayToAnyToldOne() {
        CaseMilestones kept = new CaseMilestones(null, LocalDate.of(2026, 5, 30), null, "rev-a", FIRST_ASSIGNED, null);
        assertEquals(DUE, kept.and(RECORDS_COMPLETE).determinationDueDate());
        assertEquals(DUE, RECORDS_COMPLETE.and(kept).determinationDueDate());
    }

    @Test
    void aDecisionBeforeAnyAssignmentTellsTheReviewerUntilTheAssignmentArrives() {
        CaseMilestones decidedFirst = RECORDS_COMPLETE.and(DECISION);
        assertEquals("rev-b", decidedFirst.reviewerId());
        assertEquals(null, decidedFirst.assignedAt());
        assertEquals(DUE, decidedFirst.determinationDueDate());
        assertEquals(REASSIGNED, decidedFirst.and(SECOND).assignedAt());
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        CaseMilestones once = RECORDS_DEADLINE.and(FIRST).and(CONVERTED_ON_THE_CLOCK).and(DECISION);
        assertEquals(once, once.and(FIRST).and(DECISION).and(RECORDS_DEADLINE).and(CONVERTED_ON_THE_CLOCK));
    }

    @Test
    void eventsThatTellNoMilestoneTellNone() {
        assertEquals(CaseMilestones.NONE, of(EventType.LETTER_ISSUED, new LetterIssued(CASE, "letter", DECIDED, List.of())));
    }

    /** Folds the events in each of their orders (n! of them) and expects the same milestones every time. */
    private static void everyOrder(List<CaseMilestones> events, CaseMilestones expected) {
        int[] orders = {0};
        permutations(new ArrayList<>(events), 0, order -> {
            CaseMilestones combined = CaseMilestones.NONE;
            for (CaseMilestones event : order) {
                combined = combined.and(event);
            }
            assertEquals(expected, combined, "order " + order);
            orders[0]++;
        });
        assertEquals(factorial(events.size()), orders[0], "every order");
    }

    private static void permutations(List<CaseMilestones> events, int from, Consumer<List<CaseMilestones>> each) {
        if (from == events.size()) {
            each.accept(events);
            return;
        }
        for (int i = from; i < events.size(); i++) {
            java.util.Collections.swap(events, from, i);
            permutations(events, from + 1, each);
            java.util.Collections.swap(events, from, i);
        }
    }

    private static int factorial(int n) {
        return n <= 1 ? 1 : n * factorial(n - 1);
    }

    private static CaseMilestones of(EventType type, Object payload) {
        return CaseMilestones.of(type, payload);
    }

    private static CaseMilestones records(Instant receivedAt, boolean complete, LocalDate due) {
        return of(EventType.RECORDS_RECEIVED, new RecordsReceived(CASE, receivedAt, List.of(), complete, RECORDS_DUE,
                receivedAt.isAfter(RECORDS_DUE) ? 4 : 0, receivedAt.isAfter(RECORDS_DUE) ? 2_000 : 0, due));
    }

    private static CaseMilestones deadline(Deadline deadline, Instant dueAt, LocalDate determinationDue) {
        return of(EventType.DEADLINE_REACHED, new DeadlineReached(CASE, deadline, dueAt, dueAt.plusSeconds(1),
                determinationDue));
    }

    private static CaseMilestones assigned(String reviewer, Instant at) {
        return of(EventType.REVIEWER_ASSIGNED, new ReviewerAssigned(CASE, reviewer,
                new ReviewerQualifications("Occupational Medicine", "Occupational Medicine"), at, ReviewType.STANDARD, null,
                new ClaimsAdministratorGuideline(false, "ODG"),
                List.of(new DisputedItem(1, SampleDispute.NEUROTOMY, ItemCategory.INJECTIONS, null))));
    }
}
