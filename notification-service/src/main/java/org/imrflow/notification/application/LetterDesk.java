package org.imrflow.notification.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imrflow.events.DecisionRecorded;
import org.imrflow.events.EventType;
import org.imrflow.events.LetterIssued;
import org.imrflow.events.Outcome;
import org.imrflow.events.outbox.Outbox;
import org.imrflow.notification.domain.DeterminationLetter;
import org.imrflow.notification.store.Letter;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.ZoneId;
import java.util.UUID;

/** Composes the Final Determination letter from the recorded decision, stores it and announces letter-issued. */
@ApplicationScoped
public class LetterDesk {
    private static final Logger LOG = Logger.getLogger(LetterDesk.class);

    private final DeterminationLetter letter;
    private final ZoneId zone;
    private final Outbox outbox;
    private final Clock clock;

    LetterDesk(@ConfigProperty(name = "imrflow.notification.imro-name") String imroName,
               @ConfigProperty(name = "imrflow.notification.time-zone") ZoneId zone,
               Outbox outbox, Clock clock) {
        this.letter = new DeterminationLetter(imroName);
        this.zone = zone;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Call in a transaction. A case gets one letter, however often its decision arrives. */
    public Uni<Letter> issue(DecisionRecorded decision) {
        return Letter.findByCaseNumber(decision.caseNumber()).chain(existing -> {
            if (existing != null) {
                LOG.infof("Case %s already has its letter %s", decision.caseNumber(), existing.letterId);
                return Uni.createFrom().item(existing);
            }
            Letter issued = new Letter();
            issued.letterId = UUID.randomUUID();
            issued.caseNumber = decision.caseNumber();
            issued.kind = Letter.FINAL_DETERMINATION;
            issued.issuedAt = clock.instant();
            issued.itemCount = decision.decisions().size();
            issued.overturned = (int) decision.decisions().stream().filter(d -> d.outcome() == Outcome.OVERTURNED).count();
            issued.body = letter.compose(decision, issued.issuedAt.atZone(zone).toLocalDate());
            LOG.infof("Final Determination for case %s issued as letter %s", issued.caseNumber, issued.letterId);
            return issued.<Letter>persist().call(stored -> outbox.append(EventType.LETTER_ISSUED, stored.caseNumber,
                    new LetterIssued(stored.caseNumber, stored.letterId.toString(), stored.issuedAt,
                            decision.decisions().stream()
                                    .map(d -> new LetterIssued.ItemOutcome(d.itemNumber(), d.outcome()))
                                    .toList())));
        });
    }
}
