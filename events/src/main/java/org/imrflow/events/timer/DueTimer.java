package org.imrflow.events.timer;

import java.time.Instant;

/** A timer whose moment has come: the case, what it watches, and when it was due. */
public record DueTimer(String caseNumber, String kind, Instant dueAt) {
}
