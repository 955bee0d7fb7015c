package org.imrflow.notification.domain;

import org.imrflow.events.CaseReceived;
import org.imrflow.events.DecisionRecorded;
import org.imrflow.events.EventType;
import org.imrflow.events.ReviewerAssigned;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the stream has told of a case's clocks and reviewer: when its review clock started, when it is due, who holds
 * it since when, and when it was decided. Events of one case arrive on several topics in no mutual order, so
 * {@link #and} gives the same result in any order.
 *
 * @param clockStartedAt        when the determination clock started: today the case's receipt, the first event that
 *                              carries it; the records-complete event of the full lifecycle will start it instead
 * @param determinationDueDate  the due date of the latest assignment, or the decision's when no assignment was seen
 * @param reviewerId            the reviewer of the latest assignment, or the decision's when no assignment was seen
 * @param assignedAt            when the latest assignment was made
 * @param decidedAt             when the determination was recorded
 */
public record CaseMilestones(Instant clockStartedAt, LocalDate determinationDueDate, String reviewerId,
                             Instant assignedAt, Instant decidedAt) {

    public static final CaseMilestones NONE = new CaseMilestones(null, null, null, null, null);

    public static CaseMilestones of(EventType type, Object payload) {
        return switch (type) {
            case CASE_RECEIVED -> new CaseMilestones(((CaseReceived) payload).receivedAt(), null, null, null, null);
            case REVIEWER_ASSIGNED -> {
                ReviewerAssigned assigned = (ReviewerAssigned) payload;
                yield new CaseMilestones(null, assigned.determinationDueDate(), assigned.reviewerId(),
                        assigned.assignedAt(), null);
            }
            case DECISION_RECORDED -> {
                DecisionRecorded decided = (DecisionRecorded) payload;
                yield new CaseMilestones(null, decided.determinationDueDate(), decided.reviewerId(), null,
                        decided.decidedAt());
            }
            case CASE_INELIGIBLE, LETTER_ISSUED, NOTICE_OF_ASSIGNMENT_SENT, RECORDS_RECEIVED,
                 CASE_CONVERTED_TO_EXPEDITED, DEADLINE_REACHED, CASE_WITHDRAWN, EVENT_DEAD_LETTERED,
                 DEAD_LETTER_REPLAYED -> NONE;
        };
    }

    /** Both together: the earliest start and decision, and the reviewer and due date of the latest assignment. */
    public CaseMilestones and(CaseMilestones other) {
        CaseMilestones assignment = latestAssignment(this, other);
        return new CaseMilestones(earliest(clockStartedAt, other.clockStartedAt), assignment.determinationDueDate,
                assignment.reviewerId, assignment.assignedAt, earliest(decidedAt, other.decidedAt));
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
        // no assignment seen yet: the decision's reviewer and due date, whichever side has them
        return one.reviewerId != null ? one : other;
    }

    private static Instant earliest(Instant one, Instant other) {
        if (one == null || other == null) {
            return one == null ? other : one;
        }
        return one.isBefore(other) ? one : other;
    }
}
