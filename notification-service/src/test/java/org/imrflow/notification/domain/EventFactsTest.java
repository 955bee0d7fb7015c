package org.imrflow.notification.domain;

import org.imrflow.events.CaseIneligible;
import org.imrflow.events.DeadLetterReplayed;
import org.imrflow.events.EventDeadLettered;
import org.imrflow.events.EventType;
import org.imrflow.events.LetterIssued;
import org.imrflow.events.Outcome;
import org.imrflow.events.testing.SampleDispute;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class EventFactsTest {

    @Test
    void aLineOfFactsForEachEventAndWhoSentIt() {
        assertEquals(new EventFacts("intake-service", "1 item, standard review", null),
                EventFacts.of(EventType.CASE_RECEIVED, SampleDispute.caseReceived("CM26-0000001", "acme-claims")));
        assertEquals(new EventFacts("intake-service", "ineligible, 2 reasons", null), EventFacts.of(EventType.CASE_INELIGIBLE,
                new CaseIneligible("CM26-0000001", Instant.now(), false, List.of("late", "unsigned"))));
        assertEquals(new EventFacts("notification-service", "2 items, 1 overturned", null), EventFacts.of(EventType.LETTER_ISSUED,
                new LetterIssued("CM26-0000001", "letter-1", Instant.now(), List.of(
                        new LetterIssued.ItemOutcome(1, Outcome.OVERTURNED), new LetterIssued.ItemOutcome(2, Outcome.UPHELD)))));
        assertEquals(new EventFacts("assignment-service", "dead letter 7 of org.imrflow.case-received.v1", null),
                EventFacts.of(EventType.EVENT_DEAD_LETTERED, new EventDeadLettered("CM26-0000001", "assignment-service", 7,
                        EventType.CASE_RECEIVED.cloudEventType(), "rejected", Instant.now())));
        assertEquals(new EventFacts("assignment-service", "dead letter 7 replayed", null), EventFacts.of(
                EventType.DEAD_LETTER_REPLAYED, new DeadLetterReplayed("CM26-0000001", "assignment-service", 7, Instant.now())));
    }

    @Test
    void neverTheWorkersNameNorTheClaimNumber() {
        var received = SampleDispute.caseReceived("CM26-0000001", "acme-claims");
        String line = EventFacts.of(EventType.CASE_RECEIVED, received).summary();
        assertFalse(line.contains(received.parties().employeeName()));
        assertFalse(line.contains(received.claimNumber()));
    }
}
