package org.imrflow.intake.api;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imrflow.events.documents.DocumentStore;
import org.imrflow.http.InvalidRequestException;
import org.imrflow.http.identity.AccessLog;
import org.imrflow.http.identity.Caller;
import org.imrflow.http.identity.Callers;
import org.imrflow.http.identity.Roles;
import org.imrflow.intake.application.MedicalRecords;
import org.imrflow.intake.application.VisibleCases;
import org.imrflow.intake.store.CaseDocument;
import org.imrflow.intake.store.ImrCase;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * The medical records of a case: the claims administrator uploads each document as the request body, with its
 * Content-Type and a Content-Disposition naming the file, then says the set is complete.
 */
@Path("/api/cases/{caseNumber}/records")
@Cancellable(false)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Medical records")
public class MedicalRecordsResource {
    private static final Pattern FILE_NAME = Pattern.compile("filename\\s*=\\s*(\"([^\"]*)\"|([^;\\s]+))", Pattern.CASE_INSENSITIVE);
    private static final int NAME_LENGTH = 255;

    private final MedicalRecords records;
    private final DocumentStore documents;
    private final Callers callers;
    private final AccessLog accessLog;
    private final Clock clock;

    MedicalRecordsResource(MedicalRecords records, DocumentStore documents, Callers callers, AccessLog accessLog, Clock clock) {
        this.records = records;
        this.documents = documents;
        this.callers = callers;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** One document of the records, as the API shows it. */
    public record DocumentView(String documentId, String name, String mediaType, long sizeBytes, String sha256, Instant uploadedAt) {
        static DocumentView of(CaseDocument d) {
            return new DocumentView(d.documentId.toString(), d.name, d.mediaType, d.sizeBytes, d.sha256, d.uploadedAt);
        }
    }

    /** The records of a case: where they stand against their deadline, and every document. */
    public record RecordsView(String caseNumber, CaseView.Records status, List<DocumentView> documents) {
        static RecordsView of(ImrCase c, Instant now) {
            return new RecordsView(c.caseNumber, CaseView.Records.of(c, now),
                    c.documents.stream().map(DocumentView::of).toList());
        }
    }

    @POST
    @RolesAllowed(Roles.CLAIMS_ADMIN)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Upload one document of the medical records: the body is the file, Content-Type its type (PDF,"
            + " PNG, JPEG or TIFF) and Content-Disposition its name, e.g. attachment; filename=\"pr2.pdf\". The same"
            + " bytes sent again are the same document")
    @APIResponse(responseCode = "201", description = "Stored, and announced in imr.records-received")
    @APIResponse(responseCode = "200", description = "The case already had this document; nothing changed")
    @APIResponse(responseCode = "400", description = "Empty, or no file name")
    @APIResponse(responseCode = "409", description = "The case is closed, or its records were said to be complete")
    @APIResponse(responseCode = "413", description = "Larger than the limit for one document")
    @APIResponse(responseCode = "415", description = "Not a PDF, PNG, JPEG or TIFF, or the content is not what its type says")
    public Uni<RestResponse<DocumentView>> upload(
            @PathParam("caseNumber") String caseNumber,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam("Content-Disposition") @Parameter(example = "attachment; filename=\"pr2-2026-10.pdf\"") String disposition,
            byte[] content, UriInfo uri) {
        String name = fileName(disposition);
        return records.upload(callers.current(), caseNumber, name, contentType, content == null ? new byte[0] : content)
                .map(uploaded -> uploaded.alreadyHad()
                        ? RestResponse.ok(DocumentView.of(uploaded.document()))
                        : RestResponse.ResponseBuilder.<DocumentView>created(uri.getAbsolutePathBuilder()
                                .path(uploaded.document().documentId.toString()).build())
                        .entity(DocumentView.of(uploaded.document())).build());
    }

    @POST
    @Path("/complete")
    @RolesAllowed(Roles.CLAIMS_ADMIN)
    @Operation(summary = "Say the records are complete: the determination's 30 days start now (unless the records"
            + " deadline already started them), and lateness is settled at $500 a day, up to $5,000")
    @APIResponse(responseCode = "200", description = "Complete")
    @APIResponse(responseCode = "200", description = "Complete now, or already: said again, it answers as the first time and changes nothing")
    @APIResponse(responseCode = "409", description = "No documents yet, or the case is closed")
    public Uni<RecordsView> complete(@PathParam("caseNumber") String caseNumber) {
        return records.complete(callers.current(), caseNumber).map(c -> RecordsView.of(c, clock.instant()));
    }

    @GET
    @RolesAllowed({Roles.CLAIMS_ADMIN, Roles.OPERATIONS})
    @WithSession
    @Operation(summary = "The records of a case: their deadline, lateness and penalty, and every document")
    public Uni<RecordsView> list(@PathParam("caseNumber") String caseNumber) {
        Caller caller = callers.current();
        return VisibleCases.find(caller, caseNumber)
                .call(found -> accessLog.read(caller, "medical records"))
                .map(c -> RecordsView.of(c, clock.instant()));
    }

    @GET
    @Path("/{documentId}")
    @RolesAllowed({Roles.CLAIMS_ADMIN, Roles.OPERATIONS})
    @WithSession
    // every accepted type, so that the bytes are written as they are, never as JSON
    @Produces({"application/pdf", "image/png", "image/jpeg", "image/tiff", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "One document's bytes, with its type and name")
    public Uni<Response> download(@PathParam("caseNumber") String caseNumber, @PathParam("documentId") String documentId) {
        Caller caller = callers.current();
        return VisibleCases.find(caller, caseNumber)
                .map(c -> c.documents.stream().filter(d -> d.documentId.toString().equals(documentId)).findFirst()
                        .orElseThrow(() -> new NotFoundException("Case " + caseNumber + " has no document " + documentId)))
                .call(found -> accessLog.read(caller, "medical record"))
                .chain(document -> documents.get(document.sha256).map(bytes -> Response.ok(bytes, document.mediaType)
                        .header("Content-Disposition", "attachment; filename=\"" + document.name.replace("\"", "") + "\"")
                        .build()));
    }

    /** The file name a Content-Disposition gives; the path of a name with one is dropped. */
    static String fileName(String disposition) {
        Matcher matcher = disposition == null ? null : FILE_NAME.matcher(disposition);
        String name = matcher != null && matcher.find() ? (matcher.group(2) != null ? matcher.group(2) : matcher.group(3)) : null;
        if (name != null) {
            name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        }
        if (name == null || name.isEmpty() || name.length() > NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException("Content-Disposition",
                    "must name the file, e.g. attachment; filename=\"pr2.pdf\" (1 to " + NAME_LENGTH + " characters)");
        }
        return name;
    }
}
