package org.imrflow.http.identity;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.imrflow.http.Page;
import org.imrflow.http.PageRequest;
import org.imrflow.http.QueryParams;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Who read protected health information in this service, for operations. */
@Path("/api/access-log")
@Cancellable(false)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATIONS)
public class AccessLogResource {

    /** One read, as operations see it. */
    public record AccessView(long id, java.time.Instant accessedAt, String subject, String role, String organization,
                             String what, String request, String address) {
        static AccessView of(AccessRecord r) {
            return new AccessView(r.id, r.accessedAt, r.subject, r.role, r.organization, r.what, r.request, r.address);
        }
    }

    /** Reads of cases, reviews and letters by people, newest first; optionally one person's or one kind. */
    @GET
    @WithSession
    public Uni<Page<AccessView>> list(@QueryParam("subject") String subject, @QueryParam("what") String what,
                                      @BeanParam @Valid PageRequest page) {
        return Page.of(AccessLog.newestFirst(QueryParams.text(subject), QueryParams.text(what)), page, AccessView::of);
    }
}
