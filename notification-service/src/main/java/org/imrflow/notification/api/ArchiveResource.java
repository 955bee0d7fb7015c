package org.imrflow.notification.api;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imrflow.events.EvidenceLevel;
import org.imrflow.events.ItemCategory;
import org.imrflow.events.Outcome;
import org.imrflow.events.documents.DocumentStore;
import org.imrflow.http.FieldError;
import org.imrflow.http.InvalidRequestException;
import org.imrflow.http.Page;
import org.imrflow.http.PageRequest;
import org.imrflow.http.QueryParams;
import org.imrflow.notification.application.ArchiveSearch;
import org.imrflow.notification.domain.ArchiveQuery;
import org.imrflow.notification.domain.InvalidArchiveQuery;
import org.imrflow.notification.store.ArchiveEntry;
import org.imrflow.notification.store.ArchiveItem;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * The public archive of de-identified Final Determinations: no sign-in, rate limited per client
 * ({@link ArchiveRateLimit}). It never serves a case or claim number, a party's name or the reviewer's.
 */
@Path("/api/archive")
@Cancellable(false)
@Tag(name = "Public archive")
@PermitAll
public class ArchiveResource {
    private final ArchiveSearch search;
    private final DocumentStore store;

    ArchiveResource(ArchiveSearch search, DocumentStore store) {
        this.search = search;
        this.store = store;
    }

    public record PublishedItem(int itemNumber, String treatment, ItemCategory category, String categoryName,
                                Outcome outcome, String outcomeName, EvidenceLevel evidenceLevel) {
        static PublishedItem of(ArchiveItem item) {
            return new PublishedItem(item.itemNumber, item.description, item.category, item.category.display(),
                    item.outcome, item.outcome.display(), item.evidenceLevel);
        }
    }

    public record PublishedSummary(String reference, LocalDate determinedOn, Integer yearOfInjury,
                                   String reviewerSpecialty, List<PublishedItem> items, String pdf) {
    }

    public record PublishedDetermination(String reference, LocalDate determinedOn, Integer yearOfInjury,
                                         String reviewerSpecialty, List<PublishedItem> items, String text, String pdf) {
    }

    @GET
    @WithSession
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Search published Final Determinations: words of the treatment or rationale (q), and filters by"
            + " category, outcome, year of determination, the reviewer's specialty and the evidence level cited")
    public Uni<Page<PublishedSummary>> search(@QueryParam("q") String text, @QueryParam("category") String category,
                                              @QueryParam("outcome") String outcome, @QueryParam("year") String year,
                                              @QueryParam("specialty") String specialty,
                                              @QueryParam("evidenceLevel") String evidenceLevel,
                                              @BeanParam @Valid PageRequest page) {
        ArchiveQuery query = query(text, category, outcome, year, specialty, evidenceLevel);
        int size = page.size();
        int number = page.page();
        return search.search(query, number, size).map(found -> new Page<>(found.entries().stream()
                .map(entry -> new PublishedSummary(entry.reference, entry.determinedOn, entry.yearOfInjury,
                        entry.reviewerSpecialty, items(found.items(), entry), pdf(entry)))
                .toList(), number, size, found.total()));
    }

    @GET
    @Path("/statistics")
    @WithSession
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The share of items overturned, by category, by year and overall, computed live from the archive")
    public Uni<Map<String, List<ArchiveSearch.OverturnRate>>> statistics() {
        return search.overturnRates();
    }

    @GET
    @Path("/{reference}")
    @WithSession
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One published Final Determination, de-identified")
    public Uni<PublishedDetermination> get(@PathParam("reference") String reference) {
        return entry(reference).chain(entry -> search.itemsOf(List.of(entry)).map(items ->
                new PublishedDetermination(entry.reference, entry.determinedOn, entry.yearOfInjury,
                        entry.reviewerSpecialty, items(items, entry), entry.text, pdf(entry))));
    }

    @GET
    @Path("/{reference}/pdf")
    @WithSession
    @Produces("application/pdf")
    @Operation(summary = "One published Final Determination as a PDF")
    public Uni<Response> pdf(@PathParam("reference") String reference) {
        return entry(reference).chain(entry -> store.get(entry.sha256).map(pdf -> Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"imr-determination-" + entry.reference + ".pdf\"")
                .header("ETag", "\"" + entry.sha256 + "\"")
                .build()));
    }

    private static Uni<ArchiveEntry> entry(String reference) {
        return ArchiveEntry.<ArchiveEntry>findById(reference)
                .onItem().ifNull().failWith(() -> new NotFoundException("No published determination " + reference));
    }

    private static List<PublishedItem> items(Map<String, List<ArchiveItem>> items, ArchiveEntry entry) {
        return items.getOrDefault(entry.reference, List.of()).stream().map(PublishedItem::of).toList();
    }

    private static String pdf(ArchiveEntry entry) {
        return "/api/archive/" + entry.reference + "/pdf";
    }

    /** The query parameters, checked all at once: one 400 naming every bad one, before anything is read. */
    private static ArchiveQuery query(String text, String category, String outcome, String year, String specialty,
                                      String evidenceLevel) {
        Integer wantedYear = year == null || year.isBlank() ? null : QueryParams.wholeNumber("year", year, 0, 0, 9999);
        try {
            return ArchiveQuery.of(text, category, outcome, wantedYear, specialty, evidenceLevel);
        } catch (InvalidArchiveQuery e) {
            throw new InvalidRequestException(e.errors().stream()
                    .map(error -> new FieldError(error.field().equals("text") ? "q" : error.field(), error.message()))
                    .toList());
        }
    }
}
