package org.imrflow.events;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Metric tags take a small, fixed set of values: whatever type a message claims, the tag is a known name. */
class EventTypeTagTest {

    @Test
    void aKnownTypeIsTaggedByItsShortName() {
        for (EventType type : EventType.values()) {
            assertEquals(type.topic().substring("imr.".length()), EventMetrics.shortName(type.cloudEventType()));
        }
    }

    @Test
    void anythingElseIsUnknown() {
        assertEquals("unknown", EventMetrics.shortName("org.example.other.v1"));
        assertEquals("unknown", EventMetrics.shortName(""));
        assertEquals("unknown", EventMetrics.shortName("org.imrflow.case-received.v1; drop table"));
    }
}
