package org.imrflow.assignment.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.imrflow.assignment.application.CaseAssigner;
import org.imrflow.events.CaseReceived;
import org.imrflow.events.EventType;
import org.imrflow.events.inbox.Inbox;

@ApplicationScoped
public class CaseReceivedConsumer {
    private final Inbox inbox;
    private final CaseAssigner assigner;

    CaseReceivedConsumer(Inbox inbox, CaseAssigner assigner) {
        this.inbox = inbox;
        this.assigner = assigner;
    }

    @Incoming("case-received")
    public Uni<Void> onCaseReceived(Message<String> message) {
        return inbox.process(message, EventType.CASE_RECEIVED, CaseReceived.class,
                event -> assigner.receive(event.payload()).replaceWithVoid());
    }
}
