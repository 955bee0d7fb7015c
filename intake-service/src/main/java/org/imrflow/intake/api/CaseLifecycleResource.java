package org.imrflow.intake.api;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imrflow.http.identity.AccessLog;
import org.imrflow.http.identity.Caller;
import org.imrflow.http.identity.Callers;
import org.imrflow.http.identity.Roles;
import org.imrflow.intake.application.CaseLifecycle;
import org.imrflow.intake.application.VisibleCases;
import org.imrflow.intake.domain.CaseClocks;
import org.imrflow.intake.domain.CaseTimeline;
import org.imrflow.intake.store.ImrCase;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jboss.resteasy.reactive.server.Cancellable;

/** What the claims administrator does to a case after filing it: expedite, withdraw; and the case's timeline. */
@Path("/api/cases/{caseNumber}")
@Cancellable(false)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
public class CaseLifecycleResource {
    private final CaseLifecycle lifecycle;
    private final Callers callers;
    private final AccessLog accessLog;
    private final Clock clock;
    private final CaseClocks clocks;

    CaseLifecycleResource(CaseLifecycle lifecycle, Callers callers, AccessLog accessLog, Clock clock, CaseClocks clocks) {
        this.clocks = clocks;
        this.lifecycle = lifecycle;
        this.callers = callers;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    public record Expedite(
            @Schema(description = "When the treating physician's certification of an imminent, serious threat arrived")
            @NotNull @PastOrPresent LocalDate certificationReceivedDate) {
    }

    public record Withdraw(
            @Schema(description = "When the claims administrator authorized the disputed treatment")
            @NotNull @PastOrPresent LocalDate treatmentAuthorizedDate) {
    }

    public record LiabilityResolution(
            @Schema(description = "When liability for the injury or body part was resolved")
            @NotNull @PastOrPresent LocalDate resolvedDate,
            @Schema(description = "true: liability accepted, the case goes to review; false: resolved against the claim,"
                    + " the case is closed as ineligible")
            @NotNull Boolean liabilityAccepted) {
    }

    @POST
    @Path("/liability-resolution")
    @RolesAllowed(Roles.CLAIMS_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Say how a deferred case's liability dispute was resolved: accepted, the case goes to review"
            + " (its Notice of Assignment is then due by the next business day); against the claim, it is closed as"
            + " ineligible")
    @APIResponse(responseCode = "200", description = "Resolved; the case as it now stands")
    @APIResponse(responseCode = "409", description = "The case is not deferred")
    public Uni<CaseView> resolveLiability(@PathParam("caseNumber") String caseNumber, @Valid @NotNull LiabilityResolution request) {
        return lifecycle.resolveLiability(callers.current(), caseNumber, request.resolvedDate(), request.liabilityAccepted())
                .map(imrCase -> CaseView.of(imrCase, clock.instant()));
    }

    @POST
    @Path("/expedited-review")
    @RolesAllowed(Roles.CLAIMS_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Convert a standard case to expedited, once the physician's certification arrives: records are"
            + " then due within 24 hours and the determination within the expedited period")
    @APIResponse(responseCode = "200", description = "Converted; the case with its moved deadlines")
    @APIResponse(responseCode = "409", description = "Already expedited, or the case is closed")
    public Uni<CaseView> expedite(@PathParam("caseNumber") String caseNumber, @Valid @NotNull Expedite request) {
        return lifecycle.expedite(callers.current(), caseNumber, request.certificationReceivedDate())
                .map(imrCase -> CaseView.of(imrCase, clock.instant()));
    }

    @POST
    @Path("/withdrawal")
    @RolesAllowed(Roles.CLAIMS_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Withdraw the case because the disputed treatment is now authorized: the review ends at any"
            + " stage before the letter, and no letter is issued (8 CCR 9792.10.6(a))")
    @APIResponse(responseCode = "200", description = "Withdrawn")
    @APIResponse(responseCode = "409", description = "The letter was issued, or the case is already closed")
    public Uni<CaseView> withdraw(@PathParam("caseNumber") String caseNumber, @Valid @NotNull Withdraw request) {
        return lifecycle.withdraw(callers.current(), caseNumber, request.treatmentAuthorizedDate())
                .map(imrCase -> CaseView.of(imrCase, clock.instant()));
    }

    @GET
    @Path("/timeline")
    @RolesAllowed({Roles.CLAIMS_ADMIN, Roles.OPERATIONS})
    @WithSession
    @Operation(summary = "Every step of the case with its time, and each deadline met or missed; never the reviewer")
    public Uni<List<CaseTimeline.Step>> timeline(@PathParam("caseNumber") String caseNumber) {
        Caller caller = callers.current();
        return VisibleCases.find(caller, caseNumber)
                .call(found -> accessLog.read(caller, "case timeline"))
                .map(found -> CaseTimeline.of(history(found), clock.instant()));
    }

    private CaseTimeline.History history(ImrCase c) {
        return new CaseTimeline.History(c.receivedAt, c.applicationReceivedDate, c.status, c.screeningReasons.size(),
                c.noticeDueAt, c.noticeSentAt, c.noticeMethod.name(),
                c.documents.stream().map(d -> new CaseTimeline.Upload(d.uploadedAt, d.name)).toList(),
                c.recordsDueAt, c.recordsCompletedAt, c.recordsDeadlinePassedAt, c.recordsDaysLate, c.recordsPenaltyDollars,
                c.convertedToExpeditedAt, c.assignedAt,
                c.determinationDueDate == null ? null : clocks.endOf(c.determinationDueDate),
                c.determinationAtRiskAt, c.determinationOverdueAt, c.letterIssuedAt, c.withdrawnAt, c.treatmentAuthorizedDate,
                c.liabilityResolvedAt, c.liabilityResolvedDate, c.liabilityAccepted);
    }
}
