package org.imrflow.notification.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.imrflow.events.CaseIneligible;
import org.imrflow.events.CaseReceived;
import org.imrflow.notification.domain.DocumentKind;
import org.imrflow.notification.store.CaseFile;
import org.imrflow.notification.store.StoredJson;

/**
 * Keeps each case's file (who filed it, the claim, the parties' contacts) from intake's events, and asks for the
 * screening notices. A case may be screened (case-ineligible, deferred) before it is received, and decided before
 * notification hears either: whichever comes, the file is completed, and documents that waited for it are issued.
 */
@ApplicationScoped
public class CaseFiles {
    private final DocumentIssuer documents;
    private final StoredJson json;

    CaseFiles(DocumentIssuer documents, StoredJson json) {
        this.documents = documents;
        this.json = json;
    }

    /** Call in a transaction. */
    public Uni<Void> received(CaseReceived received) {
        return CaseFile.<CaseFile>findById(received.caseNumber()).chain(known -> {
            CaseFile file = known != null ? known : new CaseFile();
            file.caseNumber = received.caseNumber();
            file.claimsAdministratorOrg = received.claimsAdministratorOrg();
            if (file.receivedAt == null) {
                file.receivedAt = received.receivedAt();
            }
            file.claimNumber = received.claimNumber();
            file.contacts = json.write(received.contacts());
            file.caseReceived = json.write(received);
            return file.persist().chain(() -> documents.partiesKnown(received.caseNumber()));
        });
    }

    /** Call in a transaction: the notice of ineligibility, or of deferral when liability is disputed. */
    public Uni<Void> screened(CaseIneligible screened) {
        DocumentKind notice = screened.deferred() ? DocumentKind.DEFERRAL_NOTICE : DocumentKind.INELIGIBILITY_NOTICE;
        return CaseFile.<CaseFile>findById(screened.caseNumber()).chain(known -> {
            if (known != null || screened.claimsAdministratorOrg() == null) {
                return Uni.createFrom().voidItem();  // received already (its file is complete), or an event from before contacts
            }
            CaseFile file = new CaseFile();
            file.caseNumber = screened.caseNumber();
            file.claimsAdministratorOrg = screened.claimsAdministratorOrg();
            file.receivedAt = screened.screenedAt();
            file.claimNumber = screened.claimNumber();
            file.contacts = json.write(screened.contacts());
            return file.persist().replaceWithVoid();
        }).chain(() -> documents.request(screened.caseNumber(), notice, screened));
    }
}
