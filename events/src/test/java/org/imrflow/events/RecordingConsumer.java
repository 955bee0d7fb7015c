package org.imrflow.events;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.imrflow.events.inbox.EventRejectedException;
import org.imrflow.events.inbox.Inbox;
import org.imrflow.events.tracing.TraceParent;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A consumer as a service writes one, recording what its handler saw. */
@ApplicationScoped
public class RecordingConsumer {
    /** A reason that makes the handler fail on its first two attempts, as a database restart would. */
    static final String FAIL_TWICE = "fail twice";
    /** A reason that makes the handler fail, as a database outage would, until {@link #release()} is called. */
    static final String FAIL_UNTIL_RELEASED = "fail until released";
    /** A reason the service's rules refuse. */
    static final String REJECT = "reject";

    private volatile boolean released;
    private final AtomicInteger attemptsWhileHeld = new AtomicInteger();

    final Map<String, List<UUID>> handledByCase = new ConcurrentHashMap<>();
    /** The trace context current in the handler, by event: what the handler would append to the outbox with. */
    private final Map<UUID, TraceParent> tracesByEvent = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Inbox inbox;

    RecordingConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming("case-ineligible")
    public Uni<Void> onCaseIneligible(Message<String> message) {
        return inbox.process(message, EventType.CASE_INELIGIBLE, CaseIneligible.class, event -> {
            if (event.payload().reasons().contains(FAIL_TWICE)
                    && failures.computeIfAbsent(event.id(), k -> new AtomicInteger()).incrementAndGet() <= 2) {
                return Uni.createFrom().failure(new IllegalStateException("a passing fault"));
            }
            if (event.payload().reasons().contains(FAIL_UNTIL_RELEASED) && !released) {
                attemptsWhileHeld.incrementAndGet();
                return Uni.createFrom().failure(new IllegalStateException("the database is away"));
            }
            if (event.payload().reasons().contains(REJECT)) {
                throw new EventRejectedException("case " + event.caseNumber() + " is unknown here");
            }
            TraceParent.current().ifPresent(trace -> tracesByEvent.put(event.id(), trace));
            handledByCase.computeIfAbsent(event.caseNumber(), k -> new CopyOnWriteArrayList<>()).add(event.id());
            return Uni.createFrom().voidItem();
        });
    }

    int attemptsWhileHeld() {
        return attemptsWhileHeld.get();
    }

    void release() {
        released = true;
    }

    Optional<TraceParent> traceOf(UUID eventId) {
        return Optional.ofNullable(tracesByEvent.get(eventId));
    }

    List<UUID> handled(String caseNumber) {
        return handledByCase.getOrDefault(caseNumber, List.of());
    }
}
