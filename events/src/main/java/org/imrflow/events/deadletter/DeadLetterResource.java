package org.imrflow.events.deadletter;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.imrflow.http.Page;
import org.imrflow.http.QueryParams;
import org.imrflow.http.identity.Roles;
import org.imrflow.http.PageRequest;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * The dead letters of this service, for operations: list them (metadata only), and replay one or all of them.
 * It lives in the events module, next to the office, so that every service serves the same API without a copy of its
 * own; Quarkus finds it because the events jar is a bean archive ({@code META-INF/beans.xml}), which it indexes.
 * Errors are problem+json through http-api's {@code ProblemMappers}.
 */
@RolesAllowed(Roles.OPERATIONS)
@Path("/api/dead-letters")
@Cancellable(false)
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {
    private final DeadLetterOffice office;
    private final DeadLetterRepository letters;

    DeadLetterResource(DeadLetterOffice office, DeadLetterRepository letters) {
        this.office = office;
        this.letters = letters;
    }

    /** Newest first; {@code ?replayed=false} for those still to be dealt with. */
    @GET
    @WithSession
    public Uni<Page<DeadLetterView>> list(@QueryParam("replayed") String replayed, @BeanParam @Valid PageRequest page) {
        return Page.of(letters.newestFirst(QueryParams.trueOrFalse("replayed", replayed)), page, DeadLetterView::of);
    }

    @GET
    @Path("/{id}")
    @WithSession
    public Uni<DeadLetterView> get(@PathParam("id") long id) {
        return letters.findById(id)
                .onItem().ifNull().failWith(() -> new NotFoundException("No dead letter " + id))
                .map(DeadLetterView::of);
    }

    /** Sends the dead letter back to its source topic, even if it was replayed before. */
    @POST
    @Path("/{id}/replay")
    public Uni<DeadLetterView> replay(@PathParam("id") long id) {
        return problems(office.replay(id).map(DeadLetterView::of));
    }

    /** Sends back every dead letter not yet replayed. */
    @POST
    @Path("/replay")
    public Uni<DeadLetterOffice.ReplayAll> replayAll() {
        return problems(office.replayAll());
    }

    private static <T> Uni<T> problems(Uni<T> replay) {
        return replay.onFailure().transform(failure -> {
            if (failure instanceof UnknownDeadLetterException) {
                return new NotFoundException(failure.getMessage());
            }
            if (failure instanceof DeadLetterNotReplayableException) {
                return new ClientErrorException(failure.getMessage(), Response.Status.CONFLICT);
            }
            if (failure instanceof ReplayFailedException) {
                return new ServiceUnavailableException(failure.getMessage());
            }
            return failure;
        });
    }
}
