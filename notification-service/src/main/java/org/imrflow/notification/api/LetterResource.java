package org.imrflow.notification.api;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imrflow.http.Page;
import org.imrflow.http.PageRequest;
import org.imrflow.http.identity.AccessLog;
import org.imrflow.http.identity.Caller;
import org.imrflow.http.identity.Callers;
import org.imrflow.http.identity.OrganizationAccess;
import org.imrflow.http.identity.Roles;
import org.imrflow.notification.store.Letter;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/letters")
@Cancellable(false)
@Tag(name = "Letters")
@RolesAllowed({Roles.CLAIMS_ADMIN, Roles.OPERATIONS})
public class LetterResource {
    private final Callers callers;
    private final AccessLog accessLog;
    private final VisibleDocuments visibleDocuments;

    LetterResource(Callers callers, AccessLog accessLog, VisibleDocuments visibleDocuments) {
        this.callers = callers;
        this.accessLog = accessLog;
        this.visibleDocuments = visibleDocuments;
    }

    @GET
    @WithSession
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Letters, newest first; a claims administrator's list holds only its own organization's")
    public Uni<Page<LetterView>> list(@BeanParam @Valid PageRequest page) {
        Caller caller = callers.current();
        return Page.of(Letter.newestFirst(OrganizationAccess.visibleOrganization(caller).orElse(null)), page, LetterView::of)
                .call(listed -> accessLog.read(caller, "letters"));
    }

    @GET
    @Path("/{caseNumber}")
    @WithSession
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The Final Determination letter of a case; a claims administrator reads only its own"
            + " organization's")
    public Uni<LetterView> get(@PathParam("caseNumber") String caseNumber) {
        return letterOf(caseNumber).map(LetterView::of);
    }

    @GET
    @Path("/{caseNumber}")
    @WithSession
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The Final Determination letter of a case, as plain text")
    public Uni<String> text(@PathParam("caseNumber") String caseNumber) {
        return letterOf(caseNumber).map(letter -> letter.body);
    }

    /** The letter, if the caller may read it, its read logged; 404 alike for none and for another organization's. */
    private Uni<Letter> letterOf(String caseNumber) {
        Caller caller = callers.current();
        return visibleDocuments.mayRead(caller, caseNumber).chain(mayRead -> mayRead ? Letter.findByCaseNumber(caseNumber) : Uni.createFrom().<Letter>nullItem())
                .onItem().ifNull().failWith(() -> new NotFoundException("No letter for case " + caseNumber))
                .call(letter -> accessLog.read(caller, "letter"));
    }
}
