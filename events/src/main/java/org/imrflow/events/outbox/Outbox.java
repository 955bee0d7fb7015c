package org.imrflow.events.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imrflow.events.EventType;

import java.time.Clock;
import java.util.UUID;

/**
 * Where a service writes the events it produces. The row joins the caller's Hibernate Reactive transaction, so an
 * event exists exactly when the state change that caused it committed; {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {
    private final ObjectMapper json;
    private final Clock clock;
    private final String source;

    Outbox(ObjectMapper json, Clock clock, @ConfigProperty(name = "quarkus.application.name") String serviceName) {
        this.json = json;
        this.clock = clock;
        this.source = "/" + serviceName;
    }

    /** Must be called inside a transaction ({@code @WithTransaction} or {@code Panache.withTransaction}). */
    public Uni<Void> append(EventType type, String caseNumber, Object payload) {
        if (!type.payloadType().isInstance(payload)) {
            throw new IllegalArgumentException(type + " carries " + type.payloadType().getSimpleName()
                    + ", not " + payload.getClass().getSimpleName());
        }
        OutboxMessage message = new OutboxMessage();
        message.eventId = UUID.randomUUID();
        message.topic = type.topic();
        message.caseNumber = caseNumber;
        message.eventType = type.cloudEventType();
        message.eventSource = source;
        message.payload = toJson(payload);
        message.occurredAt = clock.instant();
        return Panache.getSession().chain(session -> session.persist(message));
    }

    private String toJson(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload is not serializable: " + payload.getClass(), e);
        }
    }
}
