package org.imrflow.notification.api;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import org.imrflow.http.identity.Caller;
import org.imrflow.http.identity.OrganizationAccess;
import org.imrflow.notification.store.CaseFile;
import org.imrflow.notification.store.IssuedDocument;


/**
 * The one lookup of a document for a caller: operations read every one, a claims administrator only its own
 * organization's cases'; anything else, and an id that is no document, is the same 404.
 */
@ApplicationScoped
public class VisibleDocuments {

    public Uni<IssuedDocument> find(Caller caller, String documentId) {
        return IssuedDocument.<IssuedDocument>findById(ResourceIds.uuid(documentId, "document"))
                .chain(document -> document == null ? Uni.createFrom().<IssuedDocument>nullItem() : mayRead(caller, document.caseNumber)
                        .map(may -> may ? document : null))
                .onItem().ifNull().failWith(() -> unknown(documentId));
    }

    /** Whether the caller may read this case's documents. */
    public Uni<Boolean> mayRead(Caller caller, String caseNumber) {
        return OrganizationAccess.visibleOrganization(caller)
                .map(own -> CaseFile.<CaseFile>findById(caseNumber)
                        .map(file -> file != null && file.claimsAdministratorOrg.equals(own)))
                .orElse(Uni.createFrom().item(true));
    }

    private static NotFoundException unknown(String documentId) {
        return new NotFoundException("No document " + documentId);
    }
}
