package org.imrflow.notification.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imrflow.events.CaseWithdrawn;
import org.imrflow.events.DecisionRecorded;
import org.imrflow.events.EventType;
import org.imrflow.events.LetterIssued;
import org.imrflow.events.Outcome;
import org.imrflow.events.outbox.Outbox;
import org.imrflow.letters.DeterminationLetter;
import org.imrflow.notification.domain.DocumentKind;
import org.imrflow.notification.store.CaseClosure;
import org.imrflow.notification.store.Letter;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Composes the Final Determination letter from the recorded decision, stores it, announces letter-issued and asks
 * for its documents (the PDF to each party, the public copy); and keeps withdrawn cases from getting one.
 */
@ApplicationScoped
public class LetterDesk {
    private static final Logger LOG = Logger.getLogger(LetterDesk.class);

    private final DeterminationLetter letter;
    private final ZoneId zone;
    private final Outbox outbox;
    private final DocumentIssuer documents;
    private final Clock clock;

    LetterDesk(@ConfigProperty(name = "imrflow.imro-name") String imroName,
               @ConfigProperty(name = "imrflow.notification.time-zone") ZoneId zone,
               Outbox outbox, DocumentIssuer documents, Clock clock) {
        this.letter = new DeterminationLetter(imroName);
        this.zone = zone;
        this.outbox = outbox;
        this.documents = documents;
        this.clock = clock;
    }

    /**
     * Call in a transaction. A case gets one letter, however often its decision arrives, and none once withdrawn: the
     * letter closes the case unless a withdrawal closed it first. Empty when no letter is issued.
     */
    public Uni<Letter> issue(DecisionRecorded decision) {
        String caseNumber = decision.caseNumber();
        return CaseClosure.<CaseClosure>findById(caseNumber).chain(closure -> {
            if (closure == null) {
                return closing(caseNumber, CaseClosure.ClosedAs.FINAL_DETERMINATION).persist()
                        .chain(() -> compose(decision));
            }
            if (closure.closedAs == CaseClosure.ClosedAs.WITHDRAWN) {
                LOG.infof("Case %s was withdrawn at %s: its decision gets no letter", caseNumber, closure.withdrawnAt);
                return Uni.createFrom().nullItem();
            }
            return Letter.findByCaseNumber(caseNumber).invoke(existing ->
                    LOG.infof("Case %s already has its letter %s", caseNumber, existing.letterId));
        });
    }

    /**
     * Call in a transaction. Closes the case without a letter, and confirms the withdrawal to the parties, unless its
     * letter closed it first: then the letter stands, and the withdrawal is kept on its row (intake refuses a
     * withdrawal after the letter, but may not have heard of the letter yet).
     */
    public Uni<Void> withdraw(CaseWithdrawn withdrawal) {
        String caseNumber = withdrawal.caseNumber();
        return CaseClosure.<CaseClosure>findById(caseNumber).chain(closure -> {
            if (closure == null) {
                LOG.infof("Case %s is withdrawn: no letter will be issued", caseNumber);
                CaseClosure withdrawn = closing(caseNumber, CaseClosure.ClosedAs.WITHDRAWN);
                record(withdrawn, withdrawal);
                return withdrawn.persist()
                        .chain(() -> documents.request(caseNumber, DocumentKind.WITHDRAWAL_CONFIRMATION, withdrawal));
            }
            if (closure.closedAs == CaseClosure.ClosedAs.FINAL_DETERMINATION && closure.withdrawnAt == null) {
                LOG.warnf("Case %s was withdrawn after its Final Determination was issued: the letter stands", caseNumber);
                record(closure, withdrawal);
            }
            return Uni.createFrom().voidItem();
        });
    }

    private static void record(CaseClosure closure, CaseWithdrawn withdrawal) {
        closure.withdrawnAt = withdrawal.withdrawnAt();
        closure.treatmentAuthorizedDate = withdrawal.treatmentAuthorizedDate();
    }

    /** The row both a decision and a withdrawal insert: its key lets only the first close the case. */
    private CaseClosure closing(String caseNumber, CaseClosure.ClosedAs closedAs) {
        CaseClosure closure = new CaseClosure();
        closure.caseNumber = caseNumber;
        closure.closedAs = closedAs;
        closure.closedAt = clock.instant();
        return closure;
    }

    private Uni<Letter> compose(DecisionRecorded decision) {
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
                                .toList())))
                .call(stored -> documents.request(stored.caseNumber, DocumentKind.FINAL_DETERMINATION, decision));
    }
}
