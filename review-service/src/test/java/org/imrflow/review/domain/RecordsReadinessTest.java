package org.imrflow.review.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordsReadinessTest {
    private static final Instant DUE = Instant.parse("2026-12-01T16:00:00Z");

    /** Every combination: complete, deadline passed, withdrawn, and what comes of it. */
    @ParameterizedTest(name = "complete={0} deadlinePassed={1} withdrawn={2}: {3}")
    @CsvSource({
            "false, false, false, RECORDS_NOT_READY",
            "true,  false, false, ALLOWED",
            "false, true,  false, ALLOWED",
            "true,  true,  false, ALLOWED",
            "false, false, true,  WITHDRAWN",
            "true,  false, true,  WITHDRAWN",
            "false, true,  true,  WITHDRAWN",
            "true,  true,  true,  WITHDRAWN"})
    void aDeterminationNeedsCompleteRecordsOrAPassedDeadlineAndACaseNotWithdrawn(
            boolean complete, boolean deadlinePassed, boolean withdrawn, String expected) {
        RecordsReadiness readiness = new RecordsReadiness(complete, deadlinePassed, DUE);
        switch (expected) {
            case "ALLOWED" -> assertDoesNotThrow(() -> readiness.requireDetermination("CM26-0000001", withdrawn));
            case "WITHDRAWN" -> assertThrows(CaseWithdrawnException.class,
                    () -> readiness.requireDetermination("CM26-0000001", withdrawn));
            case "RECORDS_NOT_READY" -> assertThrows(RecordsNotReadyException.class,
                    () -> readiness.requireDetermination("CM26-0000001", withdrawn));
            default -> throw new IllegalArgumentException(expected);
        }
        assertEquals(complete || deadlinePassed, readiness.allowsDetermination());
    }

    @ParameterizedTest(name = "complete={0} deadlinePassed={1}: without complete records {2}")
    @CsvSource({
            "false, false, false",
            "true,  false, false",
            "false, true,  true",
            "true,  true,  false"})
    void onlyAPassedDeadlineWithoutCompleteRecordsIsDecidingWithoutThem(boolean complete, boolean deadlinePassed,
                                                                         boolean without) {
        assertEquals(without, new RecordsReadiness(complete, deadlinePassed, DUE).withoutCompleteRecords());
    }

    @Test
    void theRefusalGivesTheRecordsDeadlineWhenKnown() {
        RecordsNotReadyException known = assertThrows(RecordsNotReadyException.class,
                () -> new RecordsReadiness(false, false, DUE).requireDetermination("CM26-0000001", false));
        assertTrue(known.getMessage().contains("due 2026-12-01T16:00:00Z"), known.getMessage());
        assertTrue(known.getMessage().contains("CM26-0000001"), known.getMessage());

        RecordsNotReadyException unknown = assertThrows(RecordsNotReadyException.class,
                () -> RecordsReadiness.NOTHING_YET.requireDetermination("CM26-0000001", false));
        assertTrue(unknown.getMessage().contains("not known yet"), unknown.getMessage());
    }

    @Test
    void aCaseNoRecordsEventReachedYetWaits() {
        assertFalse(RecordsReadiness.NOTHING_YET.allowsDetermination());
        assertFalse(RecordsReadiness.NOTHING_YET.withoutCompleteRecords());
    }
}
