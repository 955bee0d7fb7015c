package org.imrflow.notification.api;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
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
import org.imrflow.notification.store.Letter;

@Path("/api/letters")
@Tag(name = "Letters")
public class LetterResource {

    @GET
    @WithSession
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Letters, newest first")
    public Uni<Page<LetterView>> list(@BeanParam @Valid PageRequest page) {
        return Page.of(Letter.<Letter>findAll(Sort.descending("issuedAt")), page, LetterView::of);
    }

    @GET
    @Path("/{caseNumber}")
    @WithSession
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The Final Determination letter of a case")
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

    private static Uni<Letter> letterOf(String caseNumber) {
        return Letter.findByCaseNumber(caseNumber)
                .onItem().ifNull().failWith(() -> new NotFoundException("No letter for case " + caseNumber));
    }
}
