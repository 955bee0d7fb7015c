package org.imrflow.notification.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.imrflow.events.EventType;
import org.imrflow.events.NoticeOfAssignmentSent;
import org.imrflow.events.inbox.Inbox;
import org.imrflow.notification.application.DocumentIssuer;
import org.imrflow.notification.domain.DocumentKind;

/** Intake sent the Notice of Assignment and Request for Information: the document itself, to every party. */
@ApplicationScoped
public class NoticeOfAssignmentConsumer {
    private final Inbox inbox;
    private final DocumentIssuer documents;

    NoticeOfAssignmentConsumer(Inbox inbox, DocumentIssuer documents) {
        this.inbox = inbox;
        this.documents = documents;
    }

    @Incoming("notice-of-assignment-sent")
    public Uni<Void> onNoticeSent(Message<String> message) {
        return inbox.process(message, EventType.NOTICE_OF_ASSIGNMENT_SENT, NoticeOfAssignmentSent.class, event ->
                documents.request(event.caseNumber(), DocumentKind.NOTICE_OF_ASSIGNMENT, event.payload()));
    }
}
