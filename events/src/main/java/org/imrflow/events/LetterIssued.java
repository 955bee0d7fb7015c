package org.imrflow.events;

import java.time.Instant;
import java.util.List;

/** The Final Determination letter went out. No clinical text: the letter itself is served by notification. */
public record LetterIssued(String caseNumber, String letterId, Instant issuedAt, List<ItemOutcome> outcomes) {

    public record ItemOutcome(int itemNumber, Outcome outcome) {
    }
}
