package org.imrflow.intake.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.imrflow.events.EventType;
import org.imrflow.events.LetterIssued;
import org.imrflow.events.ReviewerAssigned;
import org.imrflow.events.inbox.EventRejectedException;
import org.imrflow.events.inbox.Inbox;
import org.imrflow.intake.application.CaseLifecycle;
import org.imrflow.intake.domain.CaseStatus;
import org.imrflow.intake.store.ImrCase;
import org.jboss.logging.Logger;

import java.util.function.Consumer;

/**
 * Follows each case after intake so its claims administrator can see where it stands: assigned (when, never by
 * whom) and determination issued, which ends the determination's timers. Takes nothing else from those events. The two topics are consumed at
 * once and in no mutual order; the case's version makes a lost race fail, and the inbox retries it on fresh state.
 */
@ApplicationScoped
public class CaseProgressConsumer {
    private static final Logger LOG = Logger.getLogger(CaseProgressConsumer.class);

    private final Inbox inbox;
    private final CaseLifecycle lifecycle;

    CaseProgressConsumer(Inbox inbox, CaseLifecycle lifecycle) {
        this.inbox = inbox;
        this.lifecycle = lifecycle;
    }

    @Incoming("reviewer-assigned")
    public Uni<Void> onReviewerAssigned(Message<String> message) {
        return inbox.process(message, EventType.REVIEWER_ASSIGNED, ReviewerAssigned.class, event ->
                progress(event.caseNumber(), CaseStatus.ASSIGNED, c -> c.assignedAt = event.payload().assignedAt())
                        .replaceWithVoid());
    }

    @Incoming("letter-issued")
    public Uni<Void> onLetterIssued(Message<String> message) {
        return inbox.process(message, EventType.LETTER_ISSUED, LetterIssued.class, event ->
                progress(event.caseNumber(), CaseStatus.DETERMINATION_ISSUED, c -> c.letterIssuedAt = event.payload().issuedAt())
                        .chain(lifecycle::determinationIssued));
    }

    private static Uni<ImrCase> progress(String caseNumber, CaseStatus reached, Consumer<ImrCase> record) {
        return ImrCase.findByCaseNumber(caseNumber)
                .onItem().ifNull().failWith(() -> new EventRejectedException("Intake has no case " + caseNumber))
                .invoke(imrCase -> {
                    record.accept(imrCase);
                    if (imrCase.status == CaseStatus.WITHDRAWN) {
                        // the review went on in another service before it learned of the withdrawal
                        LOG.warnf("Case %s was withdrawn, yet %s is reported; it stays withdrawn", caseNumber, reached);
                    }
                    imrCase.status = imrCase.status.progressTo(reached);
                    LOG.debugf("Case %s is %s", caseNumber, imrCase.status);
                });
    }
}
