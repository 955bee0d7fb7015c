package org.imrflow.events.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;

import java.util.function.Supplier;

/**
 * Spans around reactive work. Quarkus keeps the current OpenTelemetry context on the Vert.x duplicated context, not on
 * a thread, so a span made current here stays current for every continuation of the work on that context: the outbox
 * captures it, and log lines carry its ids. Call these on the duplicated context of a request or a message.
 */
public final class Spans {
    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    private Spans() {
    }

    /** Runs the work with the span current, and ends the span when the work ends, marked as failed if it failed. */
    public static <T> Uni<T> within(Span span, Supplier<Uni<T>> work) {
        return current(span, work).onTermination().invoke((item, failure, cancelled) -> {
            if (failure != null) {
                failed(span, failure);
            }
            span.end();
        });
    }

    /** Runs the work with the span current; the span stays open. */
    public static <T> Uni<T> current(Span span, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            Scope scope = span.makeCurrent();
            Uni<T> running;
            try {
                running = work.get();
            } catch (RuntimeException e) {
                running = Uni.createFrom().failure(e);
            }
            return running.onTermination().invoke(scope::close);
        });
    }

    /**
     * Marks the span as failed, naming the failure's class only: a message may quote an event's payload, which may hold
     * PHI, and spans leave the service.
     */
    public static void failed(Span span, Throwable failure) {
        span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
        span.setAttribute(ERROR_TYPE, failure.getClass().getName());
    }
}
