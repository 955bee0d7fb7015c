package org.imrflow.events;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.imrflow.events.inbox.Inbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A consumer as a service writes one, recording what its handler saw. */
@ApplicationScoped
public class RecordingConsumer {
    /** A reason that makes the handler fail on its first two attempts, as a database restart would. */
    static final String FAIL_TWICE = "fail twice";

    final Map<String, List<UUID>> handledByCase = new ConcurrentHashMap<>();
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
            handledByCase.computeIfAbsent(event.caseNumber(), k -> new CopyOnWriteArrayList<>()).add(event.id());
            return Uni.createFrom().voidItem();
        });
    }

    List<UUID> handled(String caseNumber) {
        return handledByCase.getOrDefault(caseNumber, List.of());
    }
}
