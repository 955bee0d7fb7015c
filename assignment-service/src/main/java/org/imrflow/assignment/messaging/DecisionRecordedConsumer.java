package org.imrflow.assignment.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.imrflow.assignment.application.CaseAssigner;
import org.imrflow.events.DecisionRecorded;
import org.imrflow.events.EventType;
import org.imrflow.events.inbox.Inbox;

/** Learns that a review closed, so a reviewer's load counts only what is still on their desk. Keeps no clinical text. */
@ApplicationScoped
public class DecisionRecordedConsumer {
    private final Inbox inbox;
    private final CaseAssigner assigner;

    DecisionRecordedConsumer(Inbox inbox, CaseAssigner assigner) {
        this.inbox = inbox;
        this.assigner = assigner;
    }

    @Incoming("decision-recorded")
    public Uni<Void> onDecisionRecorded(Message<String> message) {
        return inbox.process(message, EventType.DECISION_RECORDED, DecisionRecorded.class,
                event -> assigner.close(event.payload()));
    }
}
