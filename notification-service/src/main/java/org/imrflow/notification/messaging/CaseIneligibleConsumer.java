package org.imrflow.notification.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.imrflow.events.CaseIneligible;
import org.imrflow.events.EventType;
import org.imrflow.events.inbox.Inbox;
import org.imrflow.notification.application.CaseFiles;

/** The screen's verdict: a notice of ineligibility or of deferral, with every reason, to every party. */
@ApplicationScoped
public class CaseIneligibleConsumer {
    private final Inbox inbox;
    private final CaseFiles files;

    CaseIneligibleConsumer(Inbox inbox, CaseFiles files) {
        this.inbox = inbox;
        this.files = files;
    }

    @Incoming("case-ineligible")
    public Uni<Void> onCaseIneligible(Message<String> message) {
        return inbox.process(message, EventType.CASE_INELIGIBLE, CaseIneligible.class, event -> files.screened(event.payload()));
    }
}
