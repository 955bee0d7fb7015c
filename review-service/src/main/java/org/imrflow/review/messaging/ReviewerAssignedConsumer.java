package org.imrflow.review.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.imrflow.events.EventType;
import org.imrflow.events.ReviewerAssigned;
import org.imrflow.events.inbox.Inbox;
import org.imrflow.review.application.ReviewDesk;

@ApplicationScoped
public class ReviewerAssignedConsumer {
    private final Inbox inbox;
    private final ReviewDesk desk;

    ReviewerAssignedConsumer(Inbox inbox, ReviewDesk desk) {
        this.inbox = inbox;
        this.desk = desk;
    }

    @Incoming("reviewer-assigned")
    public Uni<Void> onReviewerAssigned(Message<String> message) {
        return inbox.process(message, EventType.REVIEWER_ASSIGNED, ReviewerAssigned.class,
                event -> desk.open(event.payload()).replaceWithVoid());
    }
}
