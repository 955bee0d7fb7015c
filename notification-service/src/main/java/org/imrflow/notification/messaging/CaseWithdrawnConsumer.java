package org.imrflow.notification.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.imrflow.events.CaseWithdrawn;
import org.imrflow.events.EventType;
import org.imrflow.events.inbox.Inbox;
import org.imrflow.notification.application.LetterDesk;

/**
 * Learns withdrawals for the letter side, so that a withdrawn case gets no letter. Its own channel and this service's
 * inbox, not the operations view: the view is a projection that a rebuild empties, and letters must not depend on it.
 */
@ApplicationScoped
public class CaseWithdrawnConsumer {
    private final Inbox inbox;
    private final LetterDesk letters;

    CaseWithdrawnConsumer(Inbox inbox, LetterDesk letters) {
        this.inbox = inbox;
        this.letters = letters;
    }

    @Incoming("case-withdrawn")
    public Uni<Void> onCaseWithdrawn(Message<String> message) {
        return inbox.process(message, EventType.CASE_WITHDRAWN, CaseWithdrawn.class,
                event -> letters.withdraw(event.payload()));
    }
}
