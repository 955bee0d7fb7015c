package org.imrflow.events.deadletter;

import org.imrflow.events.EventType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which dead letters the office announces on the stream, so that their case shows as stuck. */
class DeadLetterAnnouncementTest {
    private static final String CASE = "CM26-0000042";

    @Test
    void aDeadLetterOfACaseEventIsAnnounced() {
        assertTrue(DeadLetterOffice.announced(CASE, EventType.CASE_RECEIVED.cloudEventType(), EventType.CASE_RECEIVED.topic()));
        assertTrue(DeadLetterOffice.announced(CASE, null, EventType.CASE_RECEIVED.topic()), "even without its type");
        assertTrue(DeadLetterOffice.announced(CASE, "org.example.unknown.v9", null), "even of an unknown type");
    }

    @Test
    void aDeadLetterWithoutAValidCaseNumberIsNot() {
        assertFalse(DeadLetterOffice.announced(null, EventType.CASE_RECEIVED.cloudEventType(), EventType.CASE_RECEIVED.topic()));
        assertFalse(DeadLetterOffice.announced("", EventType.CASE_RECEIVED.cloudEventType(), null));
        assertFalse(DeadLetterOffice.announced("CM26-1", EventType.CASE_RECEIVED.cloudEventType(), null));
        assertFalse(DeadLetterOffice.announced(CASE + "\n", EventType.CASE_RECEIVED.cloudEventType(), null));
    }

    @Test
    void aDeadLetterOfAnAnnouncementIsNotSoNoLoopCanStart() {
        for (EventType about : new EventType[]{EventType.EVENT_DEAD_LETTERED, EventType.DEAD_LETTER_REPLAYED}) {
            assertFalse(DeadLetterOffice.announced(CASE, about.cloudEventType(), about.topic()));
            assertFalse(DeadLetterOffice.announced(CASE, about.cloudEventType(), null), "by its type");
            assertFalse(DeadLetterOffice.announced(CASE, null, about.topic()), "by its topic");
        }
    }
}
