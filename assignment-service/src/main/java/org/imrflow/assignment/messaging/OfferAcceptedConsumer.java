package org.imrflow.assignment.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.imrflow.assignment.application.CaseAssigner;
import org.imrflow.events.EventType;
import org.imrflow.events.OfferAccepted;
import org.imrflow.events.inbox.Inbox;

/** Learns on the reviewer's desk that they took the case: it counts as accepted, if the offer is still the current one. */
@ApplicationScoped
public class OfferAcceptedConsumer {
    private final Inbox inbox;
    private final CaseAssigner assigner;

    OfferAcceptedConsumer(Inbox inbox, CaseAssigner assigner) {
        this.inbox = inbox;
        this.assigner = assigner;
    }

    @Incoming("offer-accepted")
    public Uni<Void> onOfferAccepted(Message<String> message) {
        return inbox.process(message, EventType.OFFER_ACCEPTED, OfferAccepted.class,
                event -> assigner.accept(event.payload()));
    }
}
