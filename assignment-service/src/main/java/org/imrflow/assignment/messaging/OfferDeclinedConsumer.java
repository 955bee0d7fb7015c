package org.imrflow.assignment.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.imrflow.assignment.application.CaseAssigner;
import org.imrflow.events.EventType;
import org.imrflow.events.OfferDeclined;
import org.imrflow.events.inbox.Inbox;

/** Learns that the reviewer declined the case, or its offer ran out: it goes to the next eligible reviewer. */
@ApplicationScoped
public class OfferDeclinedConsumer {
    private final Inbox inbox;
    private final CaseAssigner assigner;

    OfferDeclinedConsumer(Inbox inbox, CaseAssigner assigner) {
        this.inbox = inbox;
        this.assigner = assigner;
    }

    @Incoming("offer-declined")
    public Uni<Void> onOfferDeclined(Message<String> message) {
        return inbox.process(message, EventType.OFFER_DECLINED, OfferDeclined.class,
                event -> assigner.decline(event.payload()));
    }
}
