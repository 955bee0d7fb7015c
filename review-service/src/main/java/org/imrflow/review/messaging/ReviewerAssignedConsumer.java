package org.imrflow.review.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.imrflow.events.EventType;
import org.imrflow.events.ReviewerAssigned;
import org.imrflow.events.inbox.Inbox;
import org.imrflow.review.application.Offers;

@ApplicationScoped
public class ReviewerAssignedConsumer {
    private final Inbox inbox;
    private final Offers offers;

    ReviewerAssignedConsumer(Inbox inbox, Offers offers) {
        this.inbox = inbox;
        this.offers = offers;
    }

    @Incoming("reviewer-assigned")
    public Uni<Void> onReviewerAssigned(Message<String> message) {
        return inbox.process(message, EventType.REVIEWER_ASSIGNED, ReviewerAssigned.class,
                event -> offers.receive(event.payload()).replaceWithVoid());
    }
}
