package org.imrflow.notification.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.imrflow.events.CaseReceived;
import org.imrflow.events.EventType;
import org.imrflow.events.inbox.Inbox;
import org.imrflow.notification.application.CaseFiles;

/**
 * Learns which organization filed each case (so that its claims administrator, and no other, reads its documents),
 * the claim and the parties' contacts. The case may be decided before this arrives (another topic, no mutual order):
 * until then its letter is visible to operations only, and its documents wait for their addressees.
 */
@ApplicationScoped
public class CaseReceivedConsumer {
    private final Inbox inbox;
    private final CaseFiles files;

    CaseReceivedConsumer(Inbox inbox, CaseFiles files) {
        this.inbox = inbox;
        this.files = files;
    }

    @Incoming("case-received")
    public Uni<Void> onCaseReceived(Message<String> message) {
        return inbox.process(message, EventType.CASE_RECEIVED, CaseReceived.class, event -> files.received(event.payload()));
    }
}
