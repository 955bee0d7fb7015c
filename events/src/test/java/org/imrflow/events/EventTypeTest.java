package org.imrflow.events;

import org.imrflow.local.ImrTopics;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventTypeTest {

    @Test
    void namesFollowTheAgreedConventions() {
        assertEquals("imr.case-received", EventType.CASE_RECEIVED.topic());
        assertEquals("org.imrflow.case-received.v1", EventType.CASE_RECEIVED.cloudEventType());
        assertEquals("schemas/case-received.v1.json", EventType.CASE_RECEIVED.schemaResource());
        assertEquals("imr.case-received.dlq.assignment-service", EventType.CASE_RECEIVED.deadLetterTopic("assignment-service"));
    }

    @Test
    void everyTypeHasASchemaOnTheClasspathAndATopicTheLocalStackCreates() {
        for (EventType type : EventType.values()) {
            assertTrue(EventType.class.getClassLoader().getResource(type.schemaResource()) != null, type.schemaResource());
            assertTrue(ImrTopics.ALL.contains(type.topic()), type.topic() + " is missing from ImrTopics");
        }
    }
}
