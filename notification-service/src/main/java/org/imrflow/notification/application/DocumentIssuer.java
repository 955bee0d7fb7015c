package org.imrflow.notification.application;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imrflow.events.CaseIneligible;
import org.imrflow.events.CaseReceived;
import org.imrflow.events.CaseWithdrawn;
import org.imrflow.events.DecisionRecorded;
import org.imrflow.events.NoticeOfAssignmentSent;
import org.imrflow.events.PartyContact;
import org.imrflow.events.PartyRole;
import org.imrflow.events.ReviewType;
import org.imrflow.events.documents.DocumentStore;
import org.imrflow.events.timer.DurableTimers;
import org.imrflow.letters.DocumentRenderer;
import org.imrflow.letters.Letterhead;
import org.imrflow.letters.RenderedDocument;
import org.imrflow.notification.domain.DocumentKind;
import org.imrflow.notification.domain.DocumentRecipients;
import org.imrflow.notification.store.CaseFile;
import org.imrflow.notification.store.DocumentRequest;
import org.imrflow.notification.store.IssuedDocument;
import org.imrflow.notification.store.StoredJson;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Issues a case's documents: each is asked for by an event (a request row), waits until the case's parties are known
 * (their event comes on another topic), then a durable timer renders it once from its template to HTML, text and PDF,
 * stores it for good and queues a delivery to each party the rules name.
 */
@ApplicationScoped
public class DocumentIssuer {
    static final String TIMER_PREFIX = "document:";
    private static final Logger LOG = Logger.getLogger(DocumentIssuer.class);

    private final DocumentRenderer renderer;
    private final DocumentStore store;
    private final DurableTimers timers;
    private final DeliveryCourier deliveries;
    private final PublicArchive archive;
    private final StoredJson json;
    private final Vertx vertx;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration waitForParties;

    DocumentIssuer(DocumentRenderer renderer, DocumentStore store, DurableTimers timers, DeliveryCourier deliveries,
                   PublicArchive archive, StoredJson json, Vertx vertx, Clock clock,
                   @ConfigProperty(name = "imrflow.notification.time-zone") ZoneId zone,
                   @ConfigProperty(name = "imrflow.documents.wait-for-parties", defaultValue = "1m") Duration waitForParties) {
        this.renderer = renderer;
        this.store = store;
        this.timers = timers;
        this.deliveries = deliveries;
        this.archive = archive;
        this.json = json;
        this.vertx = vertx;
        this.clock = clock;
        this.zone = zone;
        this.waitForParties = waitForParties;
    }

    /**
     * Call in a transaction. Asks for the case's document of this kind, made from the event that asked; issued as soon
     * as the case's parties are known. A kind already asked for or issued is not asked again (a redelivered event).
     */
    public Uni<Void> request(String caseNumber, DocumentKind kind, Object trigger) {
        return DocumentRequest.<DocumentRequest>findById(new DocumentRequest.Key(caseNumber, kind))
                .chain(waiting -> waiting != null
                        ? Uni.createFrom().item(true)
                        : IssuedDocument.original(caseNumber, kind).map(issued -> issued != null))
                .chain(known -> {
                    if (known) {
                        return Uni.createFrom().voidItem();
                    }
                    DocumentRequest request = new DocumentRequest();
                    request.caseNumber = caseNumber;
                    request.kind = kind;
                    request.triggerJson = json.write(trigger);
                    request.requestedAt = clock.instant();
                    return request.persist().chain(() -> timers.schedule(caseNumber, TIMER_PREFIX + kind, clock.instant()));
                });
    }

    /** Call in a transaction, when the case's parties became known: what waited for them is issued now. */
    public Uni<Void> partiesKnown(String caseNumber) {
        return DocumentRequest.<DocumentRequest>list("caseNumber", caseNumber).chain(waiting -> {
            Uni<Void> all = Uni.createFrom().voidItem();
            for (DocumentRequest request : waiting) {
                all = all.chain(() -> timers.schedule(caseNumber, TIMER_PREFIX + request.kind, clock.instant()));
            }
            return all;
        });
    }

    /** The timer's work, in its transaction: issues the document unless the parties are still unknown. */
    Uni<Void> issue(String caseNumber, String kindName) {
        DocumentKind kind = DocumentKind.valueOf(kindName);
        return DocumentRequest.<DocumentRequest>findById(new DocumentRequest.Key(caseNumber, kind)).chain(request -> {
            if (request == null) {
                return Uni.createFrom().voidItem();
            }
            return CaseFile.<CaseFile>findById(caseNumber).chain(file -> {
                if (!readyFor(kind, file)) {
                    // the parties' event usually wakes it (partiesKnown); this covers one committed in between
                    LOG.debugf("Case %s: its %s waits for the case's parties", caseNumber, kind);
                    return timers.schedule(caseNumber, TIMER_PREFIX + kind, clock.instant().plus(waitForParties));
                }
                return issue(request, file);
            });
        });
    }

    /**
     * A notice of ineligibility or deferral needs the parties' contacts (case-ineligible carries them); the Notice of
     * Assignment and the Final Determination need the case as received (its review type; the public copy's
     * de-identification), which a deferred case gets only once liability is resolved.
     */
    private static boolean readyFor(DocumentKind kind, CaseFile file) {
        if (file == null || file.contacts == null) {
            return false;
        }
        return switch (kind) {
            case NOTICE_OF_ASSIGNMENT, FINAL_DETERMINATION -> file.caseReceived != null;
            default -> true;
        };
    }

    private Uni<Void> issue(DocumentRequest request, CaseFile file) {
        List<PartyContact> contacts = json.contacts(file.contacts);
        List<PartyContact> recipients = DocumentRecipients.of(request.kind, contacts);
        Instant issuedAt = clock.instant();
        LocalDate dated = issuedAt.atZone(zone).toLocalDate();
        Letterhead head = new Letterhead(file.caseNumber, file.claimNumber, employeeName(contacts), dated, recipients);
        return vertx.executeBlocking(Uni.createFrom().item(() -> render(request, head, file)))
                .chain(rendered -> store.put(rendered.pdf()).chain(sha256 -> {
                    IssuedDocument document = new IssuedDocument();
                    document.documentId = UUID.randomUUID();
                    document.caseNumber = file.caseNumber;
                    document.kind = request.kind;
                    document.issuedAt = issuedAt;
                    document.sha256 = sha256;
                    document.html = rendered.html();
                    document.text = rendered.text();
                    document.triggerJson = request.triggerJson;
                    return document.<IssuedDocument>persist();
                }))
                .invoke(document -> LOG.infof("Case %s: %s issued as document %s", file.caseNumber, request.kind,
                        document.documentId))
                .call(document -> deliveries.queue(document, file.claimsAdministratorOrg, recipients))
                .call(document -> request.kind == DocumentKind.FINAL_DETERMINATION
                        ? archive.publish(file, json.read(request.triggerJson, DecisionRecorded.class), dated)
                        : Uni.createFrom().voidItem())
                .call(document -> request.delete())
                .replaceWithVoid();
    }

    private RenderedDocument render(DocumentRequest request, Letterhead head, CaseFile file) {
        return switch (request.kind) {
            case FINAL_DETERMINATION -> renderer.finalDetermination(head, json.read(request.triggerJson, DecisionRecorded.class));
            case INELIGIBILITY_NOTICE, DEFERRAL_NOTICE -> {
                CaseIneligible screened = json.read(request.triggerJson, CaseIneligible.class);
                yield renderer.ineligibilityNotice(head, screened.deferred(), screened.reasons());
            }
            case NOTICE_OF_ASSIGNMENT -> {
                NoticeOfAssignmentSent notice = json.read(request.triggerJson, NoticeOfAssignmentSent.class);
                ReviewType reviewType = file.caseReceived == null
                        ? ReviewType.STANDARD
                        : json.read(file.caseReceived, CaseReceived.class).reviewType();
                yield renderer.noticeOfAssignment(head, reviewType, notice.recordsDueAt().atZone(zone), notice.method());
            }
            case WITHDRAWAL_CONFIRMATION -> {
                CaseWithdrawn withdrawn = json.read(request.triggerJson, CaseWithdrawn.class);
                yield renderer.withdrawalConfirmation(head, withdrawn.withdrawnAt(), withdrawn.treatmentAuthorizedDate());
            }
        };
    }

    private static String employeeName(List<PartyContact> contacts) {
        return contacts.stream().filter(contact -> contact.role() == PartyRole.EMPLOYEE)
                .map(PartyContact::name).findFirst().orElse(null);
    }
}
