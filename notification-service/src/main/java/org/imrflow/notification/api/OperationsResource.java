package org.imrflow.notification.api;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imrflow.http.Page;
import org.imrflow.http.PageRequest;
import org.imrflow.http.QueryParams;
import org.imrflow.http.identity.Roles;
import org.imrflow.notification.domain.CaseStage;
import org.imrflow.notification.store.CaseProgress;
import org.imrflow.notification.store.ObservedEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The operations view of the whole stream: every case's stage, every event, and one case's timeline. */
@Path("/api/operations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATIONS)
@Tag(name = "Operations")
public class OperationsResource {

    /** An event as the feed shows it: type, case, source, time and one line of facts. */
    public record FeedEvent(UUID eventId, String eventType, String caseNumber, String source, Instant occurredAt,
                            String summary, String reviewerId) {
        static FeedEvent of(ObservedEvent e) {
            return new FeedEvent(e.eventId, e.eventType, e.caseNumber, e.source, e.occurredAt, e.summary, e.reviewerId);
        }
    }

    /** An event of a case's timeline, with the time since the one before it. */
    public record TimelineEvent(FeedEvent event, Long millisSincePrevious) {
    }

    /** A case's stage and its events, oldest first. */
    public record CaseTimeline(String caseNumber, CaseStage stage, List<TimelineEvent> events) {
    }

    @GET
    @Path("/pipeline")
    @WithSession
    @Operation(summary = "How many cases stand at each stage now, as seen on the event stream")
    public Uni<Map<CaseStage, Long>> pipeline() {
        return CaseProgress.countsByStage();
    }

    @GET
    @Path("/events")
    @WithSession
    @Operation(summary = "Every event, newest first, optionally of one type (e.g. org.imrflow.letter-issued.v1) or one case")
    public Uni<Page<FeedEvent>> events(@QueryParam("type") String type, @QueryParam("caseNumber") String caseNumber,
                                       @BeanParam @Valid PageRequest page) {
        return Page.of(ObservedEvent.newestFirst(QueryParams.text(type), QueryParams.text(caseNumber)), page, FeedEvent::of);
    }

    @GET
    @Path("/cases/{caseNumber}/timeline")
    @WithSession
    @Operation(summary = "Every event of one case, oldest first, with the gaps between them; includes the reviewer id")
    public Uni<CaseTimeline> timeline(@PathParam("caseNumber") String caseNumber) {
        return ObservedEvent.<ObservedEvent>find("caseNumber", Sort.ascending("occurredAt", "eventId"), caseNumber).list()
                .chain(events -> CaseProgress.<CaseProgress>findById(caseNumber).map(progress -> {
                    if (events.isEmpty()) {
                        throw new NotFoundException("No event of case " + caseNumber + " has been seen");
                    }
                    List<TimelineEvent> timeline = new ArrayList<>();
                    Instant previous = null;
                    for (ObservedEvent event : events) {
                        timeline.add(new TimelineEvent(FeedEvent.of(event),
                                previous == null ? null : Duration.between(previous, event.occurredAt).toMillis()));
                        previous = event.occurredAt;
                    }
                    return new CaseTimeline(caseNumber, progress == null ? null : progress.stage, timeline);
                }));
    }
}
