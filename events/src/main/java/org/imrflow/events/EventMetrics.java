package org.imrflow.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * The stream as business metrics, by event type: events each service produced, and events each consumer took, with
 * how it ended and how long the handling took. Prometheus names: {@code imrflow_events_produced_total{type}},
 * {@code imrflow_events_consumed_total{type,consumer,outcome}} and {@code imrflow_events_handling_seconds{type,consumer}}.
 */
@ApplicationScoped
public class EventMetrics {
    /** How a consumer's handling of an event ended. */
    public enum Outcome {
        /** Handled and recorded. */
        PROCESSED,
        /** Seen before: skipped by the inbox. */
        DUPLICATE,
        /** Invalid or refused by the service's rules: sent to the dead-letter topic. */
        DEAD_LETTERED;

        String tag() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    private final MeterRegistry registry;

    EventMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** {@code type} is the CloudEvents type as it came, e.g. org.imrflow.case-received.v1. */
    public void produced(String type) {
        Counter.builder("imrflow.events.produced").description("Events this service's outbox relay published")
                .tag("type", shortName(type)).register(registry).increment();
    }

    public void consumed(EventType type, String consumer, Outcome outcome, Duration took) {
        Counter.builder("imrflow.events.consumed").description("Events a consumer took off the stream, by how it ended")
                .tag("type", shortName(type.cloudEventType())).tag("consumer", consumer).tag("outcome", outcome.tag())
                .register(registry).increment();
        if (outcome == Outcome.PROCESSED) {
            Timer.builder("imrflow.events.handling").description("Time to handle an event, retries included")
                    .tag("type", shortName(type.cloudEventType())).tag("consumer", consumer)
                    .register(registry).record(took);
        }
    }

    /** {@code org.imrflow.case-received.v1} becomes {@code case-received}: a small, fixed set of tag values. */
    static String shortName(String cloudEventType) {
        return EventType.ofTopic("imr." + cloudEventType.replaceFirst("^org\\.imrflow\\.", "").replaceFirst("\\.v[0-9]+$", ""))
                .map(type -> type.topic().substring("imr.".length()))
                .orElse("unknown");
    }
}
