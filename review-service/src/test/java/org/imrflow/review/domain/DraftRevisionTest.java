package org.imrflow.review.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A draft is saved over the revision it was based on, or refused naming the current one. */
class DraftRevisionTest {

    @Test
    void theFirstSaveIsBasedOnNothingAndMakesRevisionOne() {
        assertEquals(1, DraftRevision.next(0, 0));
    }

    @Test
    void aSaveOverTheCurrentRevisionMakesTheNext() {
        assertEquals(5, DraftRevision.next(4, 4));
    }

    @Test
    void aSaveOverAnOlderRevisionIsRefusedWithTheCurrentOne() {
        StaleDraftException stale = assertThrows(StaleDraftException.class, () -> DraftRevision.next(4, 3));
        assertEquals(4, stale.currentRevision());
        assertEquals("The draft was saved elsewhere meanwhile: it is at revision 4; read it again before saving",
                stale.getMessage());
    }

    @Test
    void aSaveAsIfThereWereNoDraftIsRefusedOnceThereIsOne() {
        assertEquals(1, assertThrows(StaleDraftException.class, () -> DraftRevision.next(1, 0)).currentRevision());
    }

    @Test
    void aRevisionFromTheFutureIsRefusedToo() {
        assertEquals(2, assertThrows(StaleDraftException.class, () -> DraftRevision.next(2, 7)).currentRevision());
    }
}
