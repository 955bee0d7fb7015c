package org.imrflow.notification.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.imrflow.events.CaseReceived;
import org.imrflow.events.EventType;
import org.imrflow.events.inbox.Inbox;
import org.imrflow.notification.store.CaseOrganization;

/**
 * Learns which organization filed each case, so that its claims administrator, and no other, reads its letters.
 * The case may be decided before this arrives (another topic, no mutual order): until then its letter is visible to
 * operations only.
 */
@ApplicationScoped
public class CaseReceivedConsumer {
    private final Inbox inbox;

    CaseReceivedConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming("case-received")
    public Uni<Void> onCaseReceived(Message<String> message) {
        return inbox.process(message, EventType.CASE_RECEIVED, CaseReceived.class, event -> {
            CaseReceived received = event.payload();
            return CaseOrganization.<CaseOrganization>findById(received.caseNumber()).chain(known -> {
                if (known != null) {
                    return Uni.createFrom().voidItem();
                }
                CaseOrganization filed = new CaseOrganization();
                filed.caseNumber = received.caseNumber();
                filed.claimsAdministratorOrg = received.claimsAdministratorOrg();
                filed.receivedAt = received.receivedAt();
                return filed.persist().replaceWithVoid();
            });
        });
    }
}
