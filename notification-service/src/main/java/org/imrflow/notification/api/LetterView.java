package org.imrflow.notification.api;

import org.imrflow.notification.store.Letter;

import java.time.Instant;
import java.util.UUID;

/** A letter and its text. */
public record LetterView(UUID letterId, String caseNumber, String kind, Instant issuedAt, int itemCount,
                         int overturned, String text) {

    static LetterView of(Letter letter) {
        return new LetterView(letter.letterId, letter.caseNumber, letter.kind, letter.issuedAt, letter.itemCount,
                letter.overturned, letter.body);
    }
}
