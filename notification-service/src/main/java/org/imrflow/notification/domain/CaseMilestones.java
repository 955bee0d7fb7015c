package org.imrflow.notification.domain;

import org.imrflow.events.CaseConvertedToExpedited;
import org.imrflow.events.Deadline;
import org.imrflow.events.DeadlineReached;
import org.imrflow.events.DecisionRecorded;
import org.imrflow.events.EventType;
import org.imrflow.events.RecordsReceived;
import org.imrflow.events.ReviewerAssigned;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;

/**
 * What the stream has told of a case's clocks and reviewer: when its determination clock started, when the
 * determination is due, who holds it since when, and when it was decided. Events of one case arrive on several topics
 * in no mutual order, so {@link #and} gives the same result in any order.
 *
 * <p>The clock starts when the medical records are complete (records-received with {@code complete}) or when their
 * deadline passed without them (deadline-reached {@code RECORDS}), whichever came first (Labor Code 4610.6(d): DWC
 * counts from complete records). The due date is told by those events and by case-converted-to-expedited; the one
 * told last counts. Receipt and assignment start nothing: reviewer-assigned's due date is deprecated and not read.
 *
 * @param clockStartedAt        when the determination clock started
 * @param determinationDueDate  the due date told last
 * @param dueDateToldAt         when the event that told it happened; null for a due date kept from before it was
 *                              recorded, which any told one replaces
 * @param reviewerId            the reviewer of the latest assignment, or the decision's when no assignment was seen
 * @param assignedAt            when the latest assignment was made
 * @param decidedAt             when the determination was recorded
 */
public record CaseMilestones(Instant clockStartedAt, LocalDate determinationDueDate, Instant dueDateToldAt,
                             String reviewerId, Instant assignedAt, Instant decidedAt) {

    public static final CaseMilestones NONE = new CaseMilestones(null, null, null, null, null, null);

    private static final Comparator<Instant> TOLD = Comparator.nullsFirst(Comparator.naturalOrder());

    public static CaseMilestones of(EventType type, Object payload) {
        return switch (type) {
            case RECORDS_RECEIVED -> {
                RecordsReceived records = (RecordsReceived) payload;
                // an upload of an incomplete set starts nothing
                yield records.complete() ? clockStarted(records.receivedAt(), records.determinationDueDate(),
                        records.receivedAt()) : NONE;
            }
            case DEADLINE_REACHED -> {
                DeadlineReached reached = (DeadlineReached) payload;
                // the determination's own deadlines only report lateness: a late determination is still valid
                yield reached.deadline() == Deadline.RECORDS ? clockStarted(reached.dueAt(),
                        reached.determinationDueDate(), reached.reachedAt()) : NONE;
            }
            case CASE_CONVERTED_TO_EXPEDITED -> {
                CaseConvertedToExpedited converted = (CaseConvertedToExpedited) payload;
                yield clockStarted(null, converted.determinationDueDate(), converted.convertedAt());
            }
            case REVIEWER_ASSIGNED -> {
                ReviewerAssigned assigned = (ReviewerAssigned) payload;
                yield new CaseMilestones(null, null, null, assigned.reviewerId(), assigned.assignedAt(), null);
            }
            case DECISION_RECORDED -> {
                DecisionRecorded decided = (DecisionRecorded) payload;
                yield new CaseMilestones(null, null, null, decided.reviewerId(), null, decided.decidedAt());
            }
            case CASE_RECEIVED, CASE_INELIGIBLE, LETTER_ISSUED, NOTICE_OF_ASSIGNMENT_SENT, CASE_WITHDRAWN,
                 OFFER_ACCEPTED, OFFER_DECLINED, NO_REVIEWER_AVAILABLE, EVENT_DEAD_LETTERED, DEAD_LETTER_REPLAYED -> NONE;
        };
    }

    /** A clock start and a due date told at {@code toldAt}; either may be null (a due date null tells none). */
    private static CaseMilestones clockStarted(Instant startedAt, LocalDate dueDate, Instant toldAt) {
        return new CaseMilestones(startedAt, dueDate, dueDate == null ? null : toldAt, null, null, null);
    }

    /** Both together: the earliest start and decision, the due date told last, and the latest assignment. */
    public CaseMilestones and(CaseMilestones other) {
        CaseMilestones due = latestDueDate(this, other);
        CaseMilestones assignment = latestAssignment(this, other);
        return new CaseMilestones(earliest(clockStartedAt, other.clockStartedAt), due.determinationDueDate,
                due.dueDateToldAt, assignment.reviewerId, assignment.assignedAt, earliest(decidedAt, other.decidedAt));
    }

    /** Of two due dates told at the same moment, the later date: so the order they arrive in does not matter. */
    private static CaseMilestones latestDueDate(CaseMilestones one, CaseMilestones other) {
        if (one.determinationDueDate == null || other.determinationDueDate == null) {
            return one.determinationDueDate == null ? other : one;
        }
        int byTime = TOLD.compare(one.dueDateToldAt, other.dueDateToldAt);
        if (byTime != 0) {
            return byTime > 0 ? one : other;
        }
        return other.determinationDueDate.isAfter(one.determinationDueDate) ? other : one;
    }

    private static CaseMilestones latestAssignment(CaseMilestones one, CaseMilestones other) {
        if (one.assignedAt != null || other.assignedAt != null) {
            if (other.assignedAt == null) {
                return one;
            }
            if (one.assignedAt == null || other.assignedAt.isAfter(one.assignedAt)) {
                return other;
            }
            return one;
        }
        // no assignment seen yet: the decision's reviewer, whichever side has it
        return one.reviewerId != null ? one : other;
    }

    private static Instant earliest(Instant one, Instant other) {
        if (one == null || other == null) {
            return one == null ? other : one;
        }
        return one.isBefore(other) ? one : other;
    }
}
