package org.imrflow.intake.api;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imrflow.http.InvalidRequestException;
import org.imrflow.http.Page;
import org.imrflow.http.PageRequest;
import org.imrflow.http.QueryParams;
import org.imrflow.intake.domain.CaseStatus;
import org.imrflow.intake.domain.EligibilityScreen;
import org.imrflow.intake.domain.ScreeningResult;
import org.imrflow.intake.messaging.CaseAnnouncements;
import org.imrflow.intake.store.CaseRegistry;
import org.imrflow.intake.store.ImrCase;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.Clock;
import java.time.ZoneId;

@Path("/api/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
public class CaseResource {
    private final EligibilityScreen screen;
    private final ZoneId zone;
    private final CaseRegistry registry;
    private final CaseAnnouncements announcements;
    private final Clock clock;

    CaseResource(@ConfigProperty(name = "imrflow.intake.filing-deadline-days") int filingDeadlineDays,
                 @ConfigProperty(name = "imrflow.intake.time-zone") ZoneId zone,
                 CaseRegistry registry, CaseAnnouncements announcements, Clock clock) {
        this.screen = new EligibilityScreen(filingDeadlineDays);
        this.zone = zone;
        this.registry = registry;
        this.announcements = announcements;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @Operation(summary = "Submit an IMR application; it is screened for eligibility at once")
    public Uni<RestResponse<CaseView>> submit(@Valid @NotNull CaseSubmission submission, UriInfo uri) {
        if (submission.employee().represented() && submission.employee().representative() == null) {
            throw new InvalidRequestException("employee.representative", "is required when the employee is represented");
        }
        ImrCase received = Submissions.toCase(submission, clock.instant());
        ScreeningResult screening = screen.screen(Submissions.screeningFacts(received, zone));
        return registry.register(received, screening, zone)
                .call(announcements::announce)
                .map(stored -> RestResponse.ResponseBuilder
                        .<CaseView>created(uri.getAbsolutePathBuilder().path(stored.caseNumber).build())
                        .entity(CaseView.of(stored))
                        .build());
    }

    @GET
    @Path("/{caseNumber}")
    @WithSession
    @Operation(summary = "A case and its status")
    public Uni<CaseView> get(@PathParam("caseNumber") String caseNumber) {
        return ImrCase.findByCaseNumber(caseNumber)
                .onItem().ifNull().failWith(() -> new NotFoundException("No IMR case " + caseNumber))
                .map(CaseView::of);
    }

    @GET
    @WithSession
    @Operation(summary = "Cases, newest first, optionally by status")
    public Uni<Page<CaseView>> list(
            @QueryParam("status") @Parameter(schema = @Schema(implementation = CaseStatus.class)) String status,
            @BeanParam @Valid PageRequest page) {
        return Page.of(ImrCase.listed(QueryParams.oneOf("status", status, CaseStatus.class)), page, CaseView::of);
    }
}
