package org.imrflow.assignment.api;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imrflow.assignment.application.CaseAssigner;
import org.imrflow.assignment.store.ReviewerEntity;
import org.imrflow.http.FieldError;
import org.imrflow.http.InvalidRequestException;
import org.imrflow.http.Page;
import org.imrflow.http.PageRequest;
import org.imrflow.http.identity.Roles;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * The roster. Reviewers are never deleted: a deactivated reviewer keeps their history, and their open cases go to
 * others. Every change that may let a waiting case find a reviewer sweeps the waiting cases after its commit.
 */
@Path("/api/reviewers")
@Cancellable(false)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reviewer roster")
@RolesAllowed(Roles.OPERATIONS)
public class ReviewerResource {
    private static final Logger LOG = Logger.getLogger(ReviewerResource.class);

    private final CaseAssigner assigner;

    ReviewerResource(CaseAssigner assigner) {
        this.assigner = assigner;
    }

    @GET
    @WithSession
    @Operation(summary = "The roster, by id")
    public Uni<Page<ReviewerProfile>> list(@BeanParam @Valid PageRequest page) {
        return Page.of(ReviewerEntity.<ReviewerEntity>findAll(Sort.ascending("id")), page, ReviewerProfile::of);
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(summary = "One reviewer")
    public Uni<ReviewerProfile> get(@PathParam("id") String id) {
        return ReviewerEntity.<ReviewerEntity>findById(id)
                .onItem().ifNull().failWith(() -> notFound(id))
                .map(ReviewerProfile::of);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a reviewer; cases waiting for one are offered to the new roster at once")
    public Uni<RestResponse<ReviewerProfile>> add(@Valid @NotNull ReviewerProfile profile, UriInfo uri) {
        return Panache.withTransaction(() -> ReviewerEntity.<ReviewerEntity>findById(profile.id())
                        .onItem().ifNotNull().failWith(() -> new ClientErrorException("Reviewer " + profile.id() + " is already on the roster", Response.Status.CONFLICT))
                        .chain(() -> profile.toEntity().<ReviewerEntity>persist()))
                .call(this::sweep)
                .map(added -> RestResponse.ResponseBuilder
                        .<ReviewerProfile>created(uri.getAbsolutePathBuilder().path(added.id).build())
                        .entity(ReviewerProfile.of(added))
                        .build());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a reviewer's profile; send the version read, a stale one is a 409. Active or not is"
            + " changed by deactivation and reactivation")
    public Uni<ReviewerProfile> replace(@PathParam("id") String id, @Valid @NotNull ReviewerProfile profile) {
        List<FieldError> errors = new ArrayList<>();
        if (!id.equals(profile.id())) {
            errors.add(new FieldError("id", "must be the id in the path, " + id));
        }
        if (profile.version() == null) {
            errors.add(new FieldError("version", "must be the version read"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return Panache.withTransaction(() -> ReviewerEntity.<ReviewerEntity>findById(id)
                        .onItem().ifNull().failWith(() -> notFound(id))
                        .invoke(reviewer -> {
                            if (reviewer.version != profile.version()) {
                                throw new ClientErrorException("Reviewer " + id + " was changed since version " + profile.version()
                                        + " (it is at " + reviewer.version + "); read it again and retry", Response.Status.CONFLICT);
                            }
                            if (profile.active() != null && profile.active() != reviewer.active) {
                                throw new InvalidRequestException("active",
                                        "is changed by POST /api/reviewers/" + id + (reviewer.active ? "/deactivation" : "/reactivation"));
                            }
                            profile.copyTo(reviewer);
                        }))
                // A new affiliation or a changed specialty may take their cases from them; a renewed licence or a
                // removed affiliation may let a waiting case go to them.
                .call(reviewer -> moveCasesOf(id))
                .call(this::sweep)
                .map(ReviewerProfile::of);
    }

    @POST
    @Path("/{id}/deactivation")
    @Operation(summary = "Take a reviewer off the active roster; each case they hold, offered or accepted, is offered to"
            + " another reviewer (or waits). History is kept")
    public Uni<ReviewerProfile> deactivate(@PathParam("id") String id) {
        return setActive(id, false)
                .call(reviewer -> moveCasesOf(id))
                .map(ReviewerProfile::of);
    }

    @POST
    @Path("/{id}/reactivation")
    @Operation(summary = "Put a reviewer back on the active roster; cases waiting for one are offered at once")
    public Uni<ReviewerProfile> reactivate(@PathParam("id") String id) {
        return setActive(id, true).call(this::sweep).map(ReviewerProfile::of);
    }

    private static Uni<ReviewerEntity> setActive(String id, boolean active) {
        return Panache.withTransaction(() -> ReviewerEntity.<ReviewerEntity>findById(id)
                .onItem().ifNull().failWith(() -> notFound(id))
                .invoke(reviewer -> reviewer.active = active));
    }

    /**
     * After the commit: the cases the reviewer may no longer take go to others. The change stands whatever happens
     * here; the sweep moves what is left of a deactivated reviewer's.
     */
    private Uni<Integer> moveCasesOf(String id) {
        return assigner.moveCasesOf(id)
                .invoke(moved -> {
                    if (moved > 0) {
                        LOG.infof("%d case(s) moved off a reviewer who may no longer take them", moved);
                    }
                })
                .onFailure().invoke(failure -> LOG.warnf("Moving a reviewer's cases failed: %s", failure.toString()))
                .onFailure().recoverWithItem(0);
    }

    /** After the commit, so the sweep sees the change; a failed sweep leaves it to the timer. */
    private Uni<Integer> sweep(Object changed) {
        return assigner.sweep().onFailure().recoverWithItem(0);
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("No reviewer " + id);
    }
}
