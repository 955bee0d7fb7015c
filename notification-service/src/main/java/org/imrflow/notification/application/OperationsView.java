package org.imrflow.notification.application;

import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imrflow.http.Page;
import org.imrflow.http.PageRequest;
import org.imrflow.notification.domain.Pipeline;
import org.imrflow.notification.store.CaseProgress;
import org.imrflow.notification.store.ObservedEvent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The questions the operations view answers, read from its own projection (operations_event, operations_case). The
 * REST resource and the live page ask the same ones. Call inside a Hibernate Reactive session.
 */
@ApplicationScoped
public class OperationsView {

    /**
     * An event as the feed shows it: type, case, source, time and one line of facts; and when this view took it in
     * ({@code observedAt}: after {@code occurredAt} by the stream's lag, or the time of the last rebuild).
     */
    public record FeedEvent(UUID eventId, String eventType, String caseNumber, String source, Instant occurredAt,
                            Instant observedAt, String summary, String reviewerId) {
        public static FeedEvent of(ObservedEvent e) {
            return new FeedEvent(e.eventId, e.eventType, e.caseNumber, e.source, e.occurredAt, e.observedAt, e.summary,
                    e.reviewerId);
        }
    }

    /** An event of a case's timeline, with the time since the one before it. */
    public record TimelineEvent(FeedEvent event, Long millisSincePrevious) {
    }

    /** A case's stage and its events, oldest first. */
    public record CaseTimeline(String caseNumber, String stage, List<TimelineEvent> events) {
    }

    /**
     * An open case on the clock, which started when its records were complete or their deadline passed
     * ({@code clockStartedAt}). {@code daysLeft} is negative once overdue.
     */
    public record ClockedCase(String caseNumber, String stage, String reviewerId, Instant clockStartedAt,
                              LocalDate determinationDueDate, long daysLeft, boolean overdue) {
        static ClockedCase of(CaseProgress progress, LocalDate today) {
            long daysLeft = ChronoUnit.DAYS.between(today, progress.determinationDueDate);
            return new ClockedCase(progress.caseNumber, progress.stage.name(), progress.reviewerId,
                    progress.clockStartedAt, progress.determinationDueDate, daysLeft, daysLeft < 0);
        }
    }

    /**
     * Open cases due within {@code dueWithinDays} or overdue, and the age from complete records (or their deadline)
     * to determination of the cases decided in the last {@code ageWindowDays}: the figure DWC reports.
     */
    public record Clocks(LocalDate today, int dueWithinDays, long overdue, long dueSoon, Page<ClockedCase> cases,
                         int ageWindowDays, CaseProgress.DeterminationAge determinationAge) {
    }

    private final Clock clock;
    private final ZoneId zone;
    private final Duration rateWindow;
    private final int dueWithinDays;
    private final int ageWindowDays;

    OperationsView(Clock clock,
                   @ConfigProperty(name = "imrflow.notification.time-zone") ZoneId zone,
                   @ConfigProperty(name = "imrflow.operations.rate-window", defaultValue = "5m") Duration rateWindow,
                   @ConfigProperty(name = "imrflow.operations.due-within-days", defaultValue = "3") int dueWithinDays,
                   @ConfigProperty(name = "imrflow.operations.age-window-days", defaultValue = "30") int ageWindowDays) {
        this.clock = clock;
        this.zone = zone;
        this.rateWindow = rateWindow;
        this.dueWithinDays = dueWithinDays;
        this.ageWindowDays = ageWindowDays;
    }

    public Uni<Pipeline> pipeline() {
        Instant since = clock.instant().minus(rateWindow);
        return CaseProgress.countsByStage().chain(counts -> ObservedEvent.stageEntriesSince(since)
                .chain(entries -> ObservedEvent.withdrawalsSince(since)
                        .map(withdrawals -> Pipeline.of(counts, entries, withdrawals, rateWindow))));
    }

    public Uni<Page<FeedEvent>> events(String type, String caseNumber, PageRequest page) {
        return Page.of(ObservedEvent.newestFirst(type, caseNumber), page, FeedEvent::of);
    }

    /** The newest events, for the live page: no count of the whole feed, which grows with every event. */
    public Uni<List<FeedEvent>> newest(int count) {
        return ObservedEvent.newestFirst(null, null).range(0, count - 1).list()
                .map(events -> events.stream().map(FeedEvent::of).toList());
    }

    public Uni<Clocks> clocks(boolean latestFirst, PageRequest page) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate lastDay = today.plusDays(dueWithinDays);
        return Page.of(CaseProgress.openDueBy(lastDay, latestFirst), page, (CaseProgress p) -> ClockedCase.of(p, today))
                .chain(cases -> CaseProgress.countOpenDueBy(today.minusDays(1))
                        .chain(overdue -> CaseProgress.determinationAgeSince(clock.instant().minus(Duration.ofDays(ageWindowDays)))
                                .map(age -> new Clocks(today, dueWithinDays, overdue, cases.total() - overdue, cases,
                                        ageWindowDays, age))));
    }

    public Uni<List<CaseProgress.ReviewerLoad>> reviewers() {
        return CaseProgress.reviewerLoads();
    }

    /** Empty when no event of the case has been seen. */
    public Uni<Optional<CaseTimeline>> timeline(String caseNumber) {
        return ObservedEvent.<ObservedEvent>find("caseNumber", Sort.ascending("occurredAt", "eventId"), caseNumber).list()
                .chain(events -> CaseProgress.<CaseProgress>findById(caseNumber).map(progress -> {
                    if (events.isEmpty()) {
                        return Optional.empty();
                    }
                    List<TimelineEvent> timeline = new ArrayList<>();
                    Instant previous = null;
                    for (ObservedEvent event : events) {
                        timeline.add(new TimelineEvent(FeedEvent.of(event),
                                previous == null ? null : Duration.between(previous, event.occurredAt).toMillis()));
                        previous = event.occurredAt;
                    }
                    return Optional.of(new CaseTimeline(caseNumber, progress == null ? null : progress.stage.name(), timeline));
                }));
    }
}
