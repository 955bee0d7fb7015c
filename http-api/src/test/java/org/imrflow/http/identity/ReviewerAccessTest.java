package org.imrflow.http.identity;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReviewerAccessTest {
    private static final Caller PAIN = new Caller("rev-pain-01", Set.of(Roles.REVIEWER), null, null);
    private static final Caller OPERATIONS = new Caller("ops", Set.of(Roles.OPERATIONS), null, null);
    private static final Caller CLAIMS_ADMIN = new Caller("claims-admin-acme", Set.of(Roles.CLAIMS_ADMIN), "acme-claims", null);

    @Test
    void aReviewersListIsTheirOwnWhateverTheyLeaveOut() {
        assertEquals(Optional.of("rev-pain-01"), ReviewerAccess.reviewerOfList(PAIN, null));
        assertEquals(Optional.of("rev-pain-01"), ReviewerAccess.reviewerOfList(PAIN, ""));
        assertEquals(Optional.of("rev-pain-01"), ReviewerAccess.reviewerOfList(PAIN, "rev-pain-01"));
    }

    @Test
    void aReviewerAskingForAnothersListIsRefused() {
        assertThrows(AccessDeniedException.class, () -> ReviewerAccess.reviewerOfList(PAIN, "rev-ortho-01"));
    }

    @Test
    void operationsListsEveryReviewersOrTheOneAskedFor() {
        assertEquals(Optional.empty(), ReviewerAccess.reviewerOfList(OPERATIONS, null));
        assertEquals(Optional.empty(), ReviewerAccess.reviewerOfList(OPERATIONS, ""));
        assertEquals(Optional.of("rev-ortho-01"), ReviewerAccess.reviewerOfList(OPERATIONS, "rev-ortho-01"));
    }

    @Test
    void aReviewerSeesOnlyTheirOwnCasesAndOperationsEvery() {
        assertTrue(ReviewerAccess.maySee(PAIN, "rev-pain-01"));
        assertFalse(ReviewerAccess.maySee(PAIN, "rev-ortho-01"));
        assertTrue(ReviewerAccess.maySee(OPERATIONS, "rev-ortho-01"));
    }

    @Test
    void anyoneElseSeesNoReviewersCases() {
        assertFalse(ReviewerAccess.maySee(CLAIMS_ADMIN, "rev-pain-01"));
        assertThrows(AccessDeniedException.class, () -> ReviewerAccess.reviewerOfList(CLAIMS_ADMIN, null));
        Caller nameless = new Caller(" ", Set.of(Roles.REVIEWER), null, null);
        assertThrows(AccessDeniedException.class, () -> ReviewerAccess.reviewerOfList(nameless, null));
    }
}
