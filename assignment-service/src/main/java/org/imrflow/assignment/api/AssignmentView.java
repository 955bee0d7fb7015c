package org.imrflow.assignment.api;

import org.imrflow.assignment.store.AssignmentStatus;
import org.imrflow.assignment.store.CaseAssignment;
import org.imrflow.events.ReviewType;

import java.time.Instant;

/** Where a case stands in assignment. */
public record AssignmentView(
        String caseNumber,
        AssignmentStatus status,
        String reviewerId,
        ReviewType reviewType,
        String requestedSpecialty,
        Instant receivedAt,
        Instant assignedAt,
        Instant withdrawnAt) {

    static AssignmentView of(CaseAssignment a) {
        return new AssignmentView(a.caseNumber, a.status, a.reviewerId, a.reviewType, a.requestedSpecialty,
                a.receivedAt, a.assignedAt, a.withdrawnAt);
    }
}
