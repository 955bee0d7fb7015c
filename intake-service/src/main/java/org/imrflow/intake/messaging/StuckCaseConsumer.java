package org.imrflow.intake.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.imrflow.events.DeadLetterReplayed;
import org.imrflow.events.EventDeadLettered;
import org.imrflow.events.EventType;
import org.imrflow.events.inbox.EventRejectedException;
import org.imrflow.events.inbox.Inbox;
import org.imrflow.intake.store.ImrCase;
import org.imrflow.intake.store.StuckEvent;
import org.jboss.logging.Logger;

import java.util.function.Consumer;

/**
 * Shows a case as stuck while one of its events lies dead-lettered in some service, so that its claims administrator
 * does not take it for progressing, and operations can find it ({@code ?stuck=true}). The two announcements come on
 * two topics in no mutual order; each fills in its part of the same row, and the row's version settles a race.
 */
@ApplicationScoped
public class StuckCaseConsumer {
    private static final Logger LOG = Logger.getLogger(StuckCaseConsumer.class);

    private final Inbox inbox;

    StuckCaseConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming("event-dead-lettered")
    public Uni<Void> onEventDeadLettered(Message<String> message) {
        return inbox.process(message, EventType.EVENT_DEAD_LETTERED, EventDeadLettered.class, event -> {
            EventDeadLettered letter = event.payload();
            return note(letter.caseNumber(), letter.service(), letter.deadLetterId(), stuck -> {
                stuck.eventType = letter.eventType();
                stuck.reason = letter.reason();
                stuck.deadLetteredAt = letter.deadLetteredAt();
                LOG.warnf("Case %s is stuck: %s dead-lettered %s (dead letter %d)", letter.caseNumber(),
                        letter.service(), letter.eventType(), letter.deadLetterId());
            });
        });
    }

    @Incoming("dead-letter-replayed")
    public Uni<Void> onDeadLetterReplayed(Message<String> message) {
        return inbox.process(message, EventType.DEAD_LETTER_REPLAYED, DeadLetterReplayed.class, event -> {
            DeadLetterReplayed replay = event.payload();
            return note(replay.caseNumber(), replay.service(), replay.deadLetterId(), stuck -> {
                // A later replay of the same dead letter does not make it earlier.
                if (stuck.replayedAt == null || stuck.replayedAt.isBefore(replay.replayedAt())) {
                    stuck.replayedAt = replay.replayedAt();
                }
            });
        });
    }

    private static Uni<Void> note(String caseNumber, String service, long deadLetterId, Consumer<StuckEvent> change) {
        return ImrCase.findByCaseNumber(caseNumber)
                .onItem().ifNull().failWith(() -> new EventRejectedException("Intake has no case " + caseNumber))
                .chain(imrCase -> StuckEvent.of(imrCase, service, deadLetterId))
                .invoke(change)
                .call(stuck -> stuck.persist())
                .replaceWithVoid();
    }
}
