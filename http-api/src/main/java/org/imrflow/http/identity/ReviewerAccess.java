package org.imrflow.http.identity;

import java.util.Optional;

/**
 * Which reviewers' cases a caller sees, wherever cases belong to a reviewer (assignment, review): a reviewer only
 * their own, operations every reviewer's. A case of another reviewer is answered as if it did not exist.
 */
public final class ReviewerAccess {
    private ReviewerAccess() {
    }

    /**
     * The reviewer whose cases a list holds: a reviewer's own id, whatever they asked for; for operations the one
     * asked for, or empty for all. A reviewer who asks for another reviewer's list is refused, not quietly answered
     * with their own.
     */
    public static Optional<String> reviewerOfList(Caller caller, String requestedReviewerId) {
        if (caller.is(Roles.OPERATIONS)) {
            return Optional.ofNullable(requestedReviewerId == null || requestedReviewerId.isEmpty() ? null : requestedReviewerId);
        }
        String own = ownReviewerId(caller);
        if (requestedReviewerId != null && !requestedReviewerId.isEmpty() && !requestedReviewerId.equals(own)) {
            throw new AccessDeniedException("A reviewer sees only their own cases");
        }
        return Optional.of(own);
    }

    public static boolean maySee(Caller caller, String assignedReviewerId) {
        if (caller.is(Roles.OPERATIONS)) {
            return true;
        }
        return caller.is(Roles.REVIEWER) && ownReviewerId(caller).equals(assignedReviewerId);
    }

    private static String ownReviewerId(Caller caller) {
        if (!caller.is(Roles.REVIEWER) || caller.reviewerId() == null || caller.reviewerId().isBlank()) {
            throw new AccessDeniedException("Your sign-in names no reviewer");
        }
        return caller.reviewerId();
    }
}
