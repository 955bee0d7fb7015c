package org.imrflow.events.inbox;

import java.time.Instant;
import java.util.UUID;

/** An event off the stream, with its CloudEvents identity. */
public record ReceivedEvent<T>(UUID id, String caseNumber, Instant occurredAt, T payload) {
}
