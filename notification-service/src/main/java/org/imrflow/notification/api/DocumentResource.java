package org.imrflow.notification.api;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imrflow.events.PartyRole;
import org.imrflow.events.documents.DocumentStore;
import org.imrflow.http.Page;
import org.imrflow.http.PageRequest;
import org.imrflow.http.identity.AccessLog;
import org.imrflow.http.identity.Caller;
import org.imrflow.http.identity.Callers;
import org.imrflow.http.identity.OrganizationAccess;
import org.imrflow.http.identity.Roles;
import org.imrflow.notification.store.Delivery;
import org.imrflow.notification.store.IssuedDocument;

import java.util.List;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/documents")
@Cancellable(false)
@Tag(name = "Documents")
@RolesAllowed({Roles.CLAIMS_ADMIN, Roles.OPERATIONS})
public class DocumentResource {
    private final Callers callers;
    private final AccessLog accessLog;
    private final VisibleDocuments visible;
    private final DocumentStore store;

    DocumentResource(Callers callers, AccessLog accessLog, VisibleDocuments visible, DocumentStore store) {
        this.callers = callers;
        this.accessLog = accessLog;
        this.visible = visible;
        this.store = store;
    }

    @GET
    @WithSession
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Documents issued, newest first, optionally of one case; a claims administrator's list holds"
            + " only its own organization's")
    public Uni<Page<DocumentView>> list(@QueryParam("caseNumber") String caseNumber, @BeanParam @Valid PageRequest page) {
        Caller caller = callers.current();
        String own = OrganizationAccess.visibleOrganization(caller).orElse(null);
        StringBuilder query = new StringBuilder("1 = 1");
        java.util.Map<String, Object> parameters = new java.util.HashMap<>();
        if (caseNumber != null && !caseNumber.isBlank()) {
            query.append(" and caseNumber = :caseNumber");
            parameters.put("caseNumber", caseNumber.strip());
        }
        if (own != null) {
            query.append(" and caseNumber in (select f.caseNumber from CaseFile f where f.claimsAdministratorOrg = :own)");
            parameters.put("own", own);
        }
        return Page.of(IssuedDocument.find(query + " order by issuedAt desc, documentId", parameters), page, DocumentView::of)
                .call(listed -> accessLog.read(caller, "documents"));
    }

    @GET
    @Path("/{documentId}")
    @WithSession
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One document's facts")
    public Uni<DocumentView> get(@PathParam("documentId") String documentId) {
        return read(documentId).map(DocumentView::of);
    }

    @GET
    @Path("/{documentId}/text")
    @WithSession
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The document as plain text")
    public Uni<String> text(@PathParam("documentId") String documentId) {
        return read(documentId).map(document -> document.text);
    }

    @GET
    @Path("/{documentId}/html")
    @WithSession
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The document as HTML")
    public Uni<String> html(@PathParam("documentId") String documentId) {
        return read(documentId).map(document -> document.html);
    }

    @GET
    @Path("/{documentId}/pdf")
    @WithSession
    @Produces("application/pdf")
    @Operation(summary = "The document as issued, a PDF; its SHA-256 is the document's")
    public Uni<Response> pdf(@PathParam("documentId") String documentId) {
        return read(documentId).chain(document -> store.get(document.sha256).map(pdf -> Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + document.kind.pdfName(document.caseNumber) + "\"")
                .header("ETag", "\"" + document.sha256 + "\"")
                .build()));
    }

    @GET
    @Path("/{documentId}/deliveries")
    @WithSession
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Who the document went to and where each delivery stands; a claims administrator sees only"
            + " the deliveries to itself")
    public Uni<List<DeliveryView>> deliveries(@PathParam("documentId") String documentId) {
        Caller caller = callers.current();
        boolean everyParty = caller.is(Roles.OPERATIONS);
        return read(documentId).chain(document -> Delivery.ofDocument(document.documentId))
                .map(deliveries -> deliveries.stream()
                        .filter(delivery -> everyParty || delivery.partyRole == PartyRole.CLAIMS_ADMINISTRATOR)
                        .map(DeliveryView::of).toList());
    }

    private Uni<IssuedDocument> read(String documentId) {
        Caller caller = callers.current();
        return visible.find(caller, documentId).call(document -> accessLog.read(caller, "document"));
    }
}
