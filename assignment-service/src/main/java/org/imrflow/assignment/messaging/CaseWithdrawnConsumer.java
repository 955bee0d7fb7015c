package org.imrflow.assignment.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.imrflow.assignment.application.CaseAssigner;
import org.imrflow.events.CaseWithdrawn;
import org.imrflow.events.EventType;
import org.imrflow.events.inbox.Inbox;

/** Learns that the claims administrator authorized the treatment: the case leaves its reviewer's load, or never gets one. */
@ApplicationScoped
public class CaseWithdrawnConsumer {
    private final Inbox inbox;
    private final CaseAssigner assigner;

    CaseWithdrawnConsumer(Inbox inbox, CaseAssigner assigner) {
        this.inbox = inbox;
        this.assigner = assigner;
    }

    @Incoming("case-withdrawn")
    public Uni<Void> onCaseWithdrawn(Message<String> message) {
        return inbox.process(message, EventType.CASE_WITHDRAWN, CaseWithdrawn.class,
                event -> assigner.withdraw(event.payload()));
    }
}
