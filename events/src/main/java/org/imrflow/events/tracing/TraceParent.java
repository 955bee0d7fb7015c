package org.imrflow.events.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.persistence.Embeddable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The W3C trace context of one span as text: what the outbox keeps with each event it appends (the span that appended
 * it), what the relay sends as the Kafka headers of the same names, and what the review service keeps with a review to
 * continue its case's trace. Embedded in an entity, it is the columns {@code traceparent} and {@code tracestate}, both
 * null (the field null) where tracing was off.
 *
 * @param traceparent the {@code traceparent} header, e.g. {@code 00-<trace id>-<span id>-01}
 * @param tracestate  the {@code tracestate} header, or null when the trace has none
 */
@Embeddable
public record TraceParent(String traceparent, String tracestate) {
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    public TraceParent {
        if (traceparent == null || traceparent.isBlank()) {
            throw new IllegalArgumentException("a traceparent is required");
        }
        tracestate = tracestate == null || tracestate.isBlank() ? null : tracestate;
    }

    /** The current span's, or empty when no span is current or tracing is off. */
    public static Optional<TraceParent> current() {
        return of(Context.current());
    }

    /** The span of the context's, or empty when it has none. */
    public static Optional<TraceParent> of(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return Optional.empty();
        }
        Map<String, String> headers = new HashMap<>();
        W3C.inject(context, headers, Map::put);
        return Optional.ofNullable(headers.get(TRACEPARENT)).map(parent -> new TraceParent(parent, headers.get(TRACESTATE)));
    }

    /** A context whose span is this one, as a remote parent: a span started in it continues its trace. */
    public Context context() {
        Map<String, String> headers = new HashMap<>();
        forEach(headers::put);
        return W3C.extract(Context.root(), headers, MapGetter.INSTANCE);
    }

    /** Each header: traceparent, then tracestate if there is one. */
    public void forEach(BiConsumer<String, String> header) {
        header.accept(TRACEPARENT, traceparent);
        if (tracestate != null) {
            header.accept(TRACESTATE, tracestate);
        }
    }

    private enum MapGetter implements TextMapGetter<Map<String, String>> {
        INSTANCE;

        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return List.copyOf(carrier.keySet());
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    }
}
