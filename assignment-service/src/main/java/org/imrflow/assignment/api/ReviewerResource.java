package org.imrflow.assignment.api;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.Panache;
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
import org.imrflow.http.Page;
import org.imrflow.http.PageRequest;
import org.imrflow.http.identity.Roles;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/reviewers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reviewer roster")
@RolesAllowed(Roles.OPERATIONS)
public class ReviewerResource {
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
                .onItem().ifNull().failWith(() -> new NotFoundException("No reviewer " + id))
                .map(ReviewerProfile::of);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a reviewer; cases waiting for one are offered to the new roster at once")
    public Uni<RestResponse<ReviewerProfile>> add(@Valid @NotNull ReviewerProfile profile, UriInfo uri) {
        return Panache.withTransaction(() -> ReviewerEntity.<ReviewerEntity>findById(profile.id())
                        .onItem().ifNotNull().failWith(() -> new ClientErrorException("Reviewer " + profile.id() + " is already on the roster", Response.Status.CONFLICT))
                        .chain(() -> profile.toEntity().<ReviewerEntity>persist()))
                // After the commit, so the sweep sees the new reviewer; a failed sweep leaves it to the timer.
                .call(added -> assigner.sweep().onFailure().recoverWithItem(0))
                .map(added -> RestResponse.ResponseBuilder
                        .<ReviewerProfile>created(uri.getAbsolutePathBuilder().path(added.id).build())
                        .entity(ReviewerProfile.of(added))
                        .build());
    }
}
