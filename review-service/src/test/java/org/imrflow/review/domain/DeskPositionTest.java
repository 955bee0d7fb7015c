package org.imrflow.review.domain;

import org.imrflow.events.OfferDeclined;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may answer an offer, and work on the determination, in which status; when an offer runs out; what a new offer does. */
class DeskPositionTest {
    private static final String CASE = "CM26-0000001";
    private static final Instant OFFERED_AT = Instant.parse("2026-11-02T17:00:00Z");
    private static final Instant EXPIRES_AT = DeskPosition.expiry(OFFERED_AT, Duration.ofHours(24));

    private static DeskPosition at(ReviewStatus status) {
        return new DeskPosition("rev-a", status, 2, EXPIRES_AT);
    }

    @Test
    void anOfferRunsOutAfterTheOfferTime() {
        assertEquals(Instant.parse("2026-11-03T17:00:00Z"), EXPIRES_AT);
    }

    @Test
    void itsReviewerAnswersAnOpenOfferUntilTheMomentItRunsOut() {
        DeskPosition offered = at(ReviewStatus.OFFERED);
        assertTrue(offered.isOf("rev-a"));
        assertFalse(offered.isOf("rev-b"));
        assertDoesNotThrow(() -> offered.requireOpenOffer(CASE, EXPIRES_AT.minusMillis(1)));
        OfferEndedException ranOut = assertThrows(OfferEndedException.class, () -> offered.requireOpenOffer(CASE, EXPIRES_AT));
        assertEquals("The offer of case CM26-0000001 ran out at 2026-11-03T17:00:00Z", ranOut.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ReviewStatus.class)
    void onlyItsOwnReviewerHasAcceptedAnAcceptedCase(ReviewStatus status) {
        assertEquals(status == ReviewStatus.ACCEPTED, at(status).acceptedBy("rev-a"));
        assertFalse(at(status).acceptedBy("rev-b"));
    }

    @ParameterizedTest
    @EnumSource(value = ReviewStatus.class, names = "OFFERED", mode = EnumSource.Mode.EXCLUDE)
    void anOfferNoLongerOpenCannotBeAnswered(ReviewStatus status) {
        OfferEndedException ended = assertThrows(OfferEndedException.class,
                () -> at(status).requireOpenOffer(CASE, OFFERED_AT));
        assertTrue(ended.getMessage().contains("not an open offer"), ended.getMessage());
    }

    @Test
    void anAcceptedCaseIsHandedBackOnlyForAConflictFoundInItsRecords() {
        DeskPosition accepted = at(ReviewStatus.ACCEPTED);
        assertDoesNotThrow(() -> accepted.requireDeclinable(CASE, OfferDeclined.DeclineReason.CONFLICT_IN_RECORDS, EXPIRES_AT.plusSeconds(3600)));
        OfferEndedException unavailable = assertThrows(OfferEndedException.class,
                () -> accepted.requireDeclinable(CASE, OfferDeclined.DeclineReason.UNAVAILABLE, OFFERED_AT));
        assertTrue(unavailable.getMessage().contains("conflict found in the records"), unavailable.getMessage());
        assertDoesNotThrow(() -> at(ReviewStatus.OFFERED).requireDeclinable(CASE, OfferDeclined.DeclineReason.UNAVAILABLE, OFFERED_AT));
        assertThrows(OfferEndedException.class,
                () -> at(ReviewStatus.OFFERED).requireDeclinable(CASE, OfferDeclined.DeclineReason.UNAVAILABLE, EXPIRES_AT));
        for (ReviewStatus ended : new ReviewStatus[]{ReviewStatus.DECLINED, ReviewStatus.DECIDED, ReviewStatus.WITHDRAWN}) {
            assertThrows(OfferEndedException.class,
                    () -> at(ended).requireDeclinable(CASE, OfferDeclined.DeclineReason.CONFLICT_IN_RECORDS, OFFERED_AT), ended.name());
        }
    }

    @Test
    void onlyTheReviewerWhoAcceptedWorksOnTheDetermination() {
        assertDoesNotThrow(() -> at(ReviewStatus.ACCEPTED).requireWorksheetOf("rev-a", CASE));
        NotAcceptedException another = assertThrows(NotAcceptedException.class,
                () -> at(ReviewStatus.ACCEPTED).requireWorksheetOf("rev-b", CASE));
        assertEquals("Only the reviewer who accepted case CM26-0000001 may work on its determination", another.getMessage());
    }

    @Test
    void anotherReviewerIsRefusedWhateverTheStatus() {
        for (ReviewStatus status : ReviewStatus.values()) {
            assertThrows(NotAcceptedException.class, () -> at(status).requireWorksheetOf("rev-b", CASE), status.name());
        }
    }

    @Test
    void itsReviewerBeforeAcceptingOrAfterDecliningIsRefused() {
        assertTrue(assertThrows(NotAcceptedException.class, () -> at(ReviewStatus.OFFERED).requireWorksheetOf("rev-a", CASE))
                .getMessage().startsWith("Accept the offer"));
        assertTrue(assertThrows(NotAcceptedException.class, () -> at(ReviewStatus.DECLINED).requireWorksheetOf("rev-a", CASE))
                .getMessage().contains("declined or ran out"));
    }

    @Test
    void aDecidedOrWithdrawnCaseIsAConflictForItsReviewer() {
        assertThrows(AlreadyDecidedException.class, () -> at(ReviewStatus.DECIDED).requireWorksheetOf("rev-a", CASE));
        assertThrows(CaseWithdrawnException.class, () -> at(ReviewStatus.WITHDRAWN).requireWorksheetOf("rev-a", CASE));
    }

    @Test
    void theTimeOutEndsOnlyTheOpenOfferItWasSetFor() {
        assertTrue(at(ReviewStatus.OFFERED).timesOutAt(EXPIRES_AT));
        assertTrue(at(ReviewStatus.OFFERED).timesOutAt(EXPIRES_AT.plusSeconds(5)), "a timer that fires late still counts");
        assertFalse(at(ReviewStatus.OFFERED).timesOutAt(EXPIRES_AT.minusSeconds(1)), "a later offer's expiry is later");
        for (ReviewStatus status : ReviewStatus.values()) {
            if (status != ReviewStatus.OFFERED) {
                assertFalse(at(status).timesOutAt(EXPIRES_AT), status.name());
            }
        }
    }

    @Test
    void aHigherOfferMovesTheCase_anEqualOrLowerIsStale_andAnEndedCaseTakesNone() {
        assertEquals(DeskPosition.Arrival.OPENS, DeskPosition.arrival(null, 1));
        assertEquals(DeskPosition.Arrival.MOVES, DeskPosition.arrival(at(ReviewStatus.OFFERED), 3));
        assertEquals(DeskPosition.Arrival.MOVES, DeskPosition.arrival(at(ReviewStatus.ACCEPTED), 3));
        assertEquals(DeskPosition.Arrival.MOVES, DeskPosition.arrival(at(ReviewStatus.DECLINED), 3));
        assertEquals(DeskPosition.Arrival.STALE, DeskPosition.arrival(at(ReviewStatus.OFFERED), 2));
        assertEquals(DeskPosition.Arrival.STALE, DeskPosition.arrival(at(ReviewStatus.DECLINED), 1));
        assertEquals(DeskPosition.Arrival.ENDED, DeskPosition.arrival(at(ReviewStatus.DECIDED), 3));
        assertEquals(DeskPosition.Arrival.ENDED, DeskPosition.arrival(at(ReviewStatus.WITHDRAWN), 3));
    }

    @Test
    void onlyOffersAndAcceptedCasesAreOnADesk() {
        assertTrue(ReviewStatus.OFFERED.onDesk());
        assertTrue(ReviewStatus.ACCEPTED.onDesk());
        assertFalse(ReviewStatus.DECLINED.onDesk());
        assertFalse(ReviewStatus.DECIDED.onDesk());
        assertFalse(ReviewStatus.WITHDRAWN.onDesk());
    }
}
