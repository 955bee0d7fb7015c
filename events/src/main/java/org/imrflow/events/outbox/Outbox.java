package org.imrflow.events.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imrflow.events.EventType;
import org.imrflow.events.tracing.TraceParent;

import java.time.Clock;
import java.util.UUID;

/**
 * Where a service writes the events it produces. The row joins the caller's Hibernate Reactive transaction, so an
 * event exists exactly when the state change that caused it committed; {@link OutboxRelay} publishes it afterwards.
 * The row also keeps the trace the event was appended in, so the trace goes on in every service that consumes it.
 */
@ApplicationScoped
public class Outbox {
    /** The first key of the two-key advisory locks on cases ("IMRC"); the relay's leader lock lives elsewhere. */
    static final int CASE_LOCK_SPACE = 0x494D5243;

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
        // The one place a trace is handed to the event stream: the span current here (the request's, or the inbox's
        // for an event a consumer appends) is kept with the event, and the relay sends it on as its Kafka headers.
        message.trace = TraceParent.current().orElse(null);
        // The case lock, held to commit, makes a case's rows take their ids in commit order: a second transaction on
        // the case inserts only after the first has committed, so the relay's "order by id" is per-case commit order.
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select cast(pg_advisory_xact_lock(" + CASE_LOCK_SPACE + ", hashtext(:caseNumber)) as text)",
                        String.class)
                .setParameter("caseNumber", caseNumber)
                .getSingleResult()
                .chain(() -> session.persist(message)));
    }

    private String toJson(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload is not serializable: " + payload.getClass(), e);
        }
    }
}
