package org.imrflow.intake.api;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imrflow.http.FieldError;
import org.imrflow.http.InvalidRequestException;
import org.imrflow.http.Page;
import org.imrflow.http.PageRequest;
import org.imrflow.http.QueryParams;
import org.imrflow.http.identity.AccessLog;
import org.imrflow.http.identity.Caller;
import org.imrflow.http.identity.Callers;
import org.imrflow.http.identity.OrganizationAccess;
import org.imrflow.http.identity.Roles;
import org.imrflow.intake.domain.CaseStatus;
import org.imrflow.intake.application.CaseIntake;
import org.imrflow.intake.application.VisibleCases;
import org.imrflow.intake.store.ImrCase;
import org.jboss.resteasy.reactive.RestResponse;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.HexFormat;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/cases")
@Cancellable(false)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
public class CaseResource {
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final CaseIntake intake;
    private final ObjectMapper json;
    private final Clock clock;
    private final Callers callers;
    private final AccessLog accessLog;
    private final ZoneId zone;

    CaseResource(CaseIntake intake, ObjectMapper json, Clock clock, Callers callers, AccessLog accessLog,
                 @ConfigProperty(name = "imrflow.intake.time-zone") ZoneId zone) {
        this.zone = zone;
        this.intake = intake;
        this.json = json;
        this.clock = clock;
        this.callers = callers;
        this.accessLog = accessLog;
    }

    @POST
    @RolesAllowed(Roles.CLAIMS_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit an IMR application; it is screened for eligibility at once. Send an Idempotency-Key"
            + " to retry safely: the same key and body return the same case, another body with it gets 422")
    @APIResponse(responseCode = "201", description = "Screened and stored (or, with a known Idempotency-Key, the case made before)")
    @APIResponse(responseCode = "409", description = "The same application (claim, UR decision date, treatments) is already a case")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different application")
    @APIResponse(responseCode = "403", description = "The application is for another organization than the caller's")
    public Uni<RestResponse<CaseView>> submit(@Valid @NotNull CaseSubmission submission,
                                              @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, UriInfo uri) {
        OrganizationAccess.checkMayActFor(callers.current(), submission.claimsAdministrator().orgId());
        checkConsistent(submission);
        CaseIntake.IdempotencyKey key = idempotencyKey == null ? null
                : new CaseIntake.IdempotencyKey(checked(idempotencyKey), requestHash(submission));
        return intake.submit(() -> Submissions.toCase(submission, clock.instant(), today()), key)
                .map(submitted -> RestResponse.ResponseBuilder
                        .<CaseView>created(uri.getBaseUriBuilder().path("api/cases").path(submitted.imrCase().caseNumber).build())
                        .entity(CaseView.of(submitted.imrCase(), clock.instant()))
                        .header("Idempotent-Replayed", submitted.replayed() ? "true" : null)
                        .build());
    }

    private LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }

    /** What bean validation cannot see: fields that depend on each other. Every problem is named at once. */
    private void checkConsistent(CaseSubmission submission) {
        List<FieldError> errors = new ArrayList<>();
        if (submission.employee().represented() && submission.employee().representative() == null) {
            errors.add(new FieldError("employee.representative", "is required when the employee is represented"));
        }
        if ((submission.applicationSignedDate() == null) != (submission.applicationSignedBy() == null)) {
            errors.add(new FieldError(submission.applicationSignedDate() == null ? "applicationSignedDate" : "applicationSignedBy",
                    "is required with " + (submission.applicationSignedDate() == null ? "applicationSignedBy" : "applicationSignedDate")
                            + "; omit both when the application is unsigned"));
        }
        LocalDate received = submission.applicationReceivedDate() != null ? submission.applicationReceivedDate() : today();
        if (submission.applicationReceivedDate() != null && received.isAfter(today())) {
            errors.add(new FieldError("applicationReceivedDate", "must not be in the future"));
        }
        LocalDate served = submission.urDecision().servedDate() != null ? submission.urDecision().servedDate() : submission.urDecision().date();
        if (received.isBefore(served)) {
            errors.add(new FieldError("applicationReceivedDate", "must not be before the UR decision was served (" + served + ")"));
        }
        if (submission.urDecision().servedDate() != null && submission.urDecision().servedDate().isBefore(submission.urDecision().date())) {
            errors.add(new FieldError("urDecision.servedDate", "must not be before the UR decision's date (" + submission.urDecision().date() + ")"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private static String checked(String key) {
        if (key.isEmpty() || key.length() > 200 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidRequestException(IDEMPOTENCY_KEY, "must be 1 to 200 visible ASCII characters, e.g. a UUID");
        }
        return key;
    }

    private String requestHash(CaseSubmission submission) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(submission));
            return HexFormat.of().formatHex(digest);
        } catch (Exception e) {
            throw new IllegalStateException("A submission that was just read cannot be written back", e);
        }
    }

    @GET
    @Path("/{caseNumber}")
    @RolesAllowed({Roles.CLAIMS_ADMIN, Roles.OPERATIONS})
    @WithSession
    @Operation(summary = "A case and its status; a claims administrator sees only its own organization's cases")
    public Uni<CaseView> get(@PathParam("caseNumber") String caseNumber) {
        Caller caller = callers.current();
        return VisibleCases.find(caller, caseNumber)
                .call(found -> accessLog.read(caller, "case"))
                .map(found -> CaseView.of(found, clock.instant()));
    }

    @GET
    @RolesAllowed({Roles.CLAIMS_ADMIN, Roles.OPERATIONS})
    @WithSession
    @Operation(summary = "Cases, newest first, optionally by status, or only those stuck (or not) on a dead-lettered"
            + " event; a claims administrator's list holds only its own organization's cases")
    public Uni<Page<CaseView>> list(
            @QueryParam("status") @Parameter(schema = @Schema(implementation = CaseStatus.class)) String status,
            @QueryParam("stuck") @Parameter(schema = @Schema(implementation = Boolean.class)) String stuck,
            @BeanParam @Valid PageRequest page) {
        Caller caller = callers.current();
        return Page.of(ImrCase.listed(OrganizationAccess.visibleOrganization(caller).orElse(null),
                        QueryParams.oneOf("status", status, CaseStatus.class), QueryParams.trueOrFalse("stuck", stuck)),
                        page, found -> CaseView.of(found, clock.instant()))
                .call(listed -> accessLog.read(caller, "cases"));
    }
}
