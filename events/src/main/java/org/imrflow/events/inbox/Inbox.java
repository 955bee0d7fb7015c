package org.imrflow.events.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.imrflow.events.EventMetrics;
import org.imrflow.events.EventSchemas;
import org.imrflow.events.EventType;
import org.imrflow.events.tracing.Spans;
import org.jboss.logging.Logger;

import io.vertx.core.Vertx;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * How every consumer takes an event off the stream: check it is the CloudEvent it claims to be and that its payload
 * validates, then run the handler and record the event id in {@code processed_event} in one transaction. A
 * redelivered event is acknowledged and skipped. Failures fall in three classes:
 * <ul>
 * <li>invalid (envelope, schema, type, payload): nacked at once, so it goes to the dead-letter topic with the reason;
 * <li>rejected by the service's rules ({@link EventRejectedException}): the same;
 * <li>anything else is passing (database down, lock or version conflict, timeout): retried with capped back-off for
 * as long as it lasts, never dead-lettered; {@link StuckConsumers} reports it to readiness.
 * </ul>
 */
@ApplicationScoped
public class Inbox {
    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final AttributeKey<String> CONSUMER = AttributeKey.stringKey("imrflow.consumer");
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("imrflow.inbox.outcome");

    private final ObjectMapper json;
    private final String consumer;
    private final StuckConsumers stuck;
    private final Duration retryBackOff;
    private final Duration maxRetryBackOff;
    private final EventMetrics metrics;
    private final Tracer tracer;

    Inbox(ObjectMapper json, StuckConsumers stuck, EventMetrics metrics, Tracer tracer,
          @ConfigProperty(name = "quarkus.application.name") String consumer,
          @ConfigProperty(name = "imrflow.inbox.retry-back-off", defaultValue = "100ms") Duration retryBackOff,
          @ConfigProperty(name = "imrflow.inbox.max-retry-back-off", defaultValue = "5s") Duration maxRetryBackOff) {
        this.json = json;
        this.stuck = stuck;
        this.consumer = consumer;
        this.retryBackOff = retryBackOff;
        this.maxRetryBackOff = maxRetryBackOff;
        this.metrics = metrics;
        this.tracer = tracer;
    }

    /**
     * The inbox of another consumer in this service, one that reads the same events for another purpose (its own
     * consumer group): what it has processed is recorded apart, so neither skips an event because the other took it.
     */
    public Inbox named(String otherConsumer) {
        return new Inbox(json, stuck, metrics, tracer, otherConsumer, retryBackOff, maxRetryBackOff);
    }

    public <T> Uni<Void> process(Message<String> message, EventType type, Class<T> payloadType,
                                 Function<ReceivedEvent<T>, Uni<Void>> handler) {
        ReceivedEvent<T> event;
        try {
            event = read(message, type, payloadType);
        } catch (InvalidEventException invalid) {
            LOG.warnf("%s rejects a %s message: %s", consumer, type.topic(), invalid.getMessage());
            metrics.consumed(type, consumer, EventMetrics.Outcome.DEAD_LETTERED, Duration.ZERO);
            return Uni.createFrom().completionStage(() -> message.nack(invalid));
        }
        // Each attempt starts on this message's Vert.x context: Hibernate Reactive sessions must not change threads.
        io.vertx.core.Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("Inbox.process must be called from an @Incoming method on a Vert.x context");
        }
        Executor onThisContext = task -> context.runOnContext(ignored -> task.run());
        long started = System.nanoTime();
        AtomicReference<EventMetrics.Outcome> outcome = new AtomicReference<>(EventMetrics.Outcome.PROCESSED);
        // Every attempt runs with the processing span current, so what the handler appends to the outbox continues
        // the event's trace.
        Span span = processing(message, type, event);
        return Spans.current(span, () -> Panache.withTransaction(() -> firstDelivery(event, type).chain(first -> {
                    if (first) {
                        outcome.set(EventMetrics.Outcome.PROCESSED);
                        return handler.apply(event);
                    }
                    outcome.set(EventMetrics.Outcome.DUPLICATE);
                    LOG.debugf("%s skips redelivered event %s of case %s", consumer, event.id(), event.caseNumber());
                    return Uni.createFrom().voidItem();
                })))
                .runSubscriptionOn(onThisContext)
                .onFailure(Inbox::passing).invoke(failure -> {
                    stuck.failed(type.topic(), event, failure);
                    LOG.debugf("%s failed an attempt at event %s of case %s, retrying: %s",
                            consumer, event.id(), event.caseNumber(), failure.toString());
                })
                // A passing fault (database restart, lock conflict, timeout) is retried for as long as it lasts,
                // holding this consumer's place in the stream; readiness reports it once it lasts too long.
                .onFailure(Inbox::passing).retry().withBackOff(retryBackOff, maxRetryBackOff).atMost(Long.MAX_VALUE)
                .onItemOrFailure().transformToUni((done, failure) -> {
                    stuck.settled(event);
                    EventMetrics.Outcome settled = failure == null ? outcome.get() : EventMetrics.Outcome.DEAD_LETTERED;
                    metrics.consumed(type, consumer, settled, Duration.ofNanos(System.nanoTime() - started));
                    span.setAttribute(OUTCOME, settled.name().toLowerCase(Locale.ROOT));
                    if (failure != null) {
                        Spans.failed(span, failure);
                    }
                    span.end();
                    return failure == null
                            ? Uni.createFrom().completionStage(message::ack)
                            : nack(message, event, failure);
                });
    }

    /**
     * The span of this consumer's handling of the event, all attempts included: a child of the connector's consumer
     * span, which continues the trace the record's {@code traceparent} header carries (the producer's span).
     */
    private Span processing(Message<String> message, EventType type, ReceivedEvent<?> event) {
        Context received = TracingMetadata.fromMessage(message).map(TracingMetadata::getCurrentContext)
                .orElseGet(Context::current);
        return tracer.spanBuilder(type.topic() + " process")
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(received)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation", "process")
                .setAttribute("messaging.destination.name", type.topic())
                .setAttribute("messaging.message.id", event.id().toString())
                .setAttribute("messaging.kafka.message.key", event.caseNumber())
                .setAttribute("imrflow.case_number", event.caseNumber())
                .setAttribute("cloudevents.event_type", type.cloudEventType())
                .setAttribute(CONSUMER, consumer)
                .startSpan();
    }

    /** Everything but an invalid or rejected event is a passing failure. */
    static boolean passing(Throwable failure) {
        return !(failure instanceof InvalidEventException || failure instanceof EventRejectedException);
    }

    private Uni<Void> nack(Message<String> message, ReceivedEvent<?> event, Throwable failure) {
        LOG.warnf("%s sends event %s of case %s to the dead-letter topic: %s", consumer, event.id(), event.caseNumber(),
                failure.getMessage());
        return Uni.createFrom().completionStage(() -> message.nack(failure));
    }

    private Uni<Boolean> firstDelivery(ReceivedEvent<?> event, EventType type) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("insert into processed_event (event_id, consumer, event_type, case_number)"
                        + " values (:id, :consumer, :type, :caseNumber) on conflict do nothing")
                .setParameter("id", event.id())
                .setParameter("consumer", consumer)
                .setParameter("type", type.cloudEventType())
                .setParameter("caseNumber", event.caseNumber())
                .executeUpdate()
                .map(inserted -> inserted == 1));
    }

    private <T> ReceivedEvent<T> read(Message<String> message, EventType type, Class<T> payloadType) {
        @SuppressWarnings("unchecked")
        IncomingCloudEventMetadata<String> cloudEvent = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new InvalidEventException("not a CloudEvent: no ce_* headers"));
        if (!type.cloudEventType().equals(cloudEvent.getType())) {
            throw new InvalidEventException("expected type " + type.cloudEventType() + " but got " + cloudEvent.getType());
        }
        UUID id;
        try {
            id = UUID.fromString(cloudEvent.getId());
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("ce_id is not a UUID: " + cloudEvent.getId());
        }
        String caseNumber = cloudEvent.getSubject().orElseThrow(() -> new InvalidEventException("no ce_subject (case number)"));
        T payload = parse(message.getPayload(), type, payloadType);
        Instant occurredAt = cloudEvent.getTimeStamp().map(time -> time.toInstant()).orElse(Instant.now());
        return new ReceivedEvent<>(id, caseNumber, occurredAt, payload);
    }

    private <T> T parse(String body, EventType type, Class<T> payloadType) {
        if (body == null || body.isBlank()) {
            throw new InvalidEventException("empty payload");
        }
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("payload is not JSON: " + e.getOriginalMessage());
        }
        List<String> violations = EventSchemas.violations(type, tree);
        if (!violations.isEmpty()) {
            throw new InvalidEventException("payload violates " + type.schemaResource() + ": " + String.join("; ", violations));
        }
        try {
            return json.treeToValue(tree, payloadType);
        } catch (Exception e) {
            throw new InvalidEventException("payload does not map to " + payloadType.getSimpleName() + ": " + e.getMessage());
        }
    }
}
