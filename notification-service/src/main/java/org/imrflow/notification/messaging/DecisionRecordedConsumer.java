package org.imrflow.notification.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.imrflow.events.DecisionRecorded;
import org.imrflow.events.EventType;
import org.imrflow.events.inbox.Inbox;
import org.imrflow.notification.application.LetterDesk;

@ApplicationScoped
public class DecisionRecordedConsumer {
    private final Inbox inbox;
    private final LetterDesk letters;

    DecisionRecordedConsumer(Inbox inbox, LetterDesk letters) {
        this.inbox = inbox;
        this.letters = letters;
    }

    @Incoming("decision-recorded")
    public Uni<Void> onDecisionRecorded(Message<String> message) {
        return inbox.process(message, EventType.DECISION_RECORDED, DecisionRecorded.class,
                event -> letters.issue(event.payload()).replaceWithVoid());
    }
}
