package org.imrflow.review.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.imrflow.events.CaseConvertedToExpedited;
import org.imrflow.events.CaseWithdrawn;
import org.imrflow.events.DeadlineReached;
import org.imrflow.events.EventType;
import org.imrflow.events.RecordsReceived;
import org.imrflow.events.inbox.Inbox;
import org.imrflow.review.application.CaseFiles;
import org.imrflow.review.application.ReviewDesk;

/** Intake's events about a case's records, clocks and standing, into the case file (and a withdrawal onto the desk). */
@ApplicationScoped
public class CaseFileConsumer {
    private final Inbox inbox;
    private final CaseFiles caseFiles;
    private final ReviewDesk desk;

    CaseFileConsumer(Inbox inbox, CaseFiles caseFiles, ReviewDesk desk) {
        this.inbox = inbox;
        this.caseFiles = caseFiles;
        this.desk = desk;
    }

    @Incoming("records-received")
    public Uni<Void> onRecordsReceived(Message<String> message) {
        return inbox.process(message, EventType.RECORDS_RECEIVED, RecordsReceived.class,
                event -> caseFiles.recordsReceived(event.payload()));
    }

    @Incoming("deadline-reached")
    public Uni<Void> onDeadlineReached(Message<String> message) {
        return inbox.process(message, EventType.DEADLINE_REACHED, DeadlineReached.class,
                event -> caseFiles.deadlineReached(event.payload()));
    }

    @Incoming("case-converted-to-expedited")
    public Uni<Void> onCaseConvertedToExpedited(Message<String> message) {
        return inbox.process(message, EventType.CASE_CONVERTED_TO_EXPEDITED, CaseConvertedToExpedited.class,
                event -> caseFiles.convertedToExpedited(event.payload()));
    }

    @Incoming("case-withdrawn")
    public Uni<Void> onCaseWithdrawn(Message<String> message) {
        return inbox.process(message, EventType.CASE_WITHDRAWN, CaseWithdrawn.class,
                event -> desk.withdraw(event.payload()));
    }
}
