package org.imrflow.intake.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.LockMode;
import org.imrflow.events.EventType;
import org.imrflow.events.RecordsReceived;
import org.imrflow.events.documents.DocumentStore;
import org.imrflow.events.outbox.Outbox;
import org.imrflow.http.identity.Caller;
import org.imrflow.intake.domain.CaseStateConflictException;
import org.imrflow.intake.domain.LateRecords;
import org.imrflow.intake.domain.MedicalRecordCheck;
import org.imrflow.intake.domain.RecordRefusedException;
import org.imrflow.intake.store.CaseDocument;
import org.imrflow.intake.store.ImrCase;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The claims administrator's medical records for a case (8 CCR 9792.10.5): documents uploaded one at a time, each
 * kept once in the document store by its SHA-256, and then the word that the set is complete, which starts the
 * determination's clock. Late records cost $500 a day, at most $5,000.
 */
@ApplicationScoped
public class MedicalRecords {
    private static final Logger LOG = Logger.getLogger(MedicalRecords.class);

    private final MedicalRecordCheck check;
    private final DocumentStore documents;
    private final CaseLifecycle lifecycle;
    private final Outbox outbox;
    private final Clock clock;

    MedicalRecords(MedicalRecordCheck check, DocumentStore documents, CaseLifecycle lifecycle, Outbox outbox, Clock clock) {
        this.check = check;
        this.documents = documents;
        this.lifecycle = lifecycle;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A document uploaded, and whether it was one the case already had (the same bytes): then nothing changed. */
    public record Uploaded(ImrCase imrCase, CaseDocument document, boolean alreadyHad) {
    }

    /**
     * Checks the document, stores its bytes and records it on the case with a records-received event. Nothing is
     * recorded when the case no longer takes records. Bytes stored for a case that then refuses them are harmless:
     * the store is content-addressed, and nothing refers to them.
     */
    public Uni<Uploaded> upload(Caller caller, String caseNumber, String name, String mediaType, byte[] content) {
        check.check(mediaType, content.length, Arrays.copyOf(content, Math.min(content.length, 16))).ifPresent(refusal -> {
            throw new RecordRefusedException(refusal, switch (refusal) {
                case EMPTY -> "The document is empty";
                case TOO_LARGE -> "The document is " + content.length + " bytes; the most a document may be is " + check.maxBytes();
                case UNSUPPORTED_TYPE -> "Documents of type " + MedicalRecordCheck.essence(mediaType)
                        + " are not taken; send one of " + MedicalRecordCheck.acceptedTypes();
                case CONTENT_NOT_OF_TYPE -> "The document's content is not " + MedicalRecordCheck.essence(mediaType)
                        + ", as its Content-Type says";
            });
        });
        // Refuse before storing anything when the case cannot take records; checked again in the transaction.
        return Panache.withSession(() -> VisibleCases.own(caller, caseNumber).invoke(MedicalRecords::checkTakesRecords))
                .chain(() -> documents.put(content))
                .chain(sha256 -> CaseWrites.inTransaction(() -> VisibleCases.own(caller, caseNumber)
                        .chain(imrCase -> record(imrCase, name, MedicalRecordCheck.essence(mediaType), content.length, sha256))));
    }

    private Uni<Uploaded> record(ImrCase imrCase, String name, String mediaType, long size, String sha256) {
        checkTakesRecords(imrCase);
        CaseDocument had = imrCase.documents.stream().filter(d -> d.sha256.equals(sha256)).findFirst().orElse(null);
        if (had != null) {
            return Uni.createFrom().item(new Uploaded(imrCase, had, true));
        }
        Instant now = clock.instant();
        CaseDocument document = new CaseDocument();
        document.documentId = UUID.randomUUID();
        document.caseId = imrCase.id;
        document.name = name;
        document.mediaType = mediaType;
        document.sizeBytes = size;
        document.sha256 = sha256;
        document.uploadedAt = now;
        imrCase.documents.add(document);
        int daysLate = LateRecords.daysLate(imrCase.recordsDueAt, now);
        LOG.infof("Case %s: record %s received (%d bytes)", imrCase.caseNumber, document.documentId, size);
        // The case's version moves with every document, so an upload and "complete" racing on one case cannot both win.
        return document.persist()
                .chain(() -> Panache.getSession().chain(session -> session.lock(imrCase, LockMode.OPTIMISTIC_FORCE_INCREMENT)))
                .chain(() -> outbox.append(EventType.RECORDS_RECEIVED, imrCase.caseNumber, new RecordsReceived(
                        imrCase.caseNumber, now, List.of(document.reference()), false, imrCase.recordsDueAt, daysLate,
                        LateRecords.penaltyDollars(daysLate), null)))
                .replaceWith(new Uploaded(imrCase, document, false));
    }

    /**
     * The claims administrator says the records are complete: lateness is settled, and the determination's clock
     * starts now unless the records deadline already started it. Said again (a client retrying after a lost answer),
     * it answers as the first time did and changes nothing.
     */
    public Uni<ImrCase> complete(Caller caller, String caseNumber) {
        return CaseWrites.inTransaction(() -> VisibleCases.own(caller, caseNumber).chain(imrCase -> {
            checkOpen(imrCase);
            if (imrCase.recordsCompletedAt != null) {
                return Uni.createFrom().item(imrCase);
            }
            if (imrCase.documents.isEmpty()) {
                throw new CaseStateConflictException("Case " + caseNumber + " has no records yet: upload them before saying they are complete");
            }
            // to the microsecond PostgreSQL keeps, so this answer and a retry's (read back) say the same moment
            Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            imrCase.recordsCompletedAt = now;
            imrCase.recordsDaysLate = LateRecords.daysLate(imrCase.recordsDueAt, now);
            imrCase.recordsPenaltyDollars = LateRecords.penaltyDollars(imrCase.recordsDaysLate);
            LOG.infof("Case %s: records complete, %d day(s) late", caseNumber, imrCase.recordsDaysLate);
            return lifecycle.startDeterminationClock(imrCase, now)
                    .chain(() -> lifecycle.recordsComplete(imrCase))
                    .chain(() -> outbox.append(EventType.RECORDS_RECEIVED, caseNumber, new RecordsReceived(caseNumber, now,
                            List.of(), true, imrCase.recordsDueAt, imrCase.recordsDaysLate, imrCase.recordsPenaltyDollars,
                            imrCase.determinationDueDate)))
                    .replaceWith(imrCase);
        }));
    }

    private static void checkTakesRecords(ImrCase imrCase) {
        checkOpen(imrCase);
        if (imrCase.recordsCompletedAt != null) {
            throw new CaseStateConflictException("The records of case " + imrCase.caseNumber + " were said to be complete at "
                    + imrCase.recordsCompletedAt + "; they take no more documents");
        }
    }

    private static void checkOpen(ImrCase imrCase) {
        if (!imrCase.status.takesRecords()) {
            throw new CaseStateConflictException("Case " + imrCase.caseNumber + " is " + imrCase.status + ": it takes no more records");
        }
    }
}
