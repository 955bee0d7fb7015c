package org.imrflow.assignment.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imrflow.assignment.store.AssignmentStatus;
import org.imrflow.assignment.store.CaseAssignment;
import org.imrflow.events.ReviewType;

import java.time.Instant;

/** Where a case stands in assignment. */
public record AssignmentView(
        String caseNumber,
        AssignmentStatus status,
        @Schema(description = "The reviewer of the current offer; absent while the case waits")
        String reviewerId,
        @Schema(description = "The current offer's number, from 1; 0 before the first")
        int offerNumber,
        ReviewType reviewType,
        Instant receivedAt,
        Instant offeredAt,
        Instant acceptedAt,
        @Schema(description = "When the current wait for a reviewer began")
        Instant waitingSince,
        @Schema(example = "no eligible reviewer: 8 considered, 2 declined")
        String waitingBecause,
        Instant decidedAt,
        Instant withdrawnAt) {

    static AssignmentView of(CaseAssignment a) {
        return new AssignmentView(a.caseNumber, a.status, a.reviewerId, a.offerNumber, a.reviewType, a.receivedAt,
                a.offeredAt, a.acceptedAt, a.waitingSince, a.waitingBecause, a.decidedAt, a.withdrawnAt);
    }
}
