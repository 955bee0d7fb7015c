package org.imrflow.notification.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imrflow.events.OwnContext;
import org.imrflow.http.PageRequest;
import org.imrflow.notification.domain.Pipeline;
import org.imrflow.notification.store.CaseProgress;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live page's updates. Events only mark the view changed; every {@code imrflow.operations.push-interval} (500 ms)
 * a changed view is read once and the same update goes to every open page, so a surge of thousands of events a
 * second still sends each browser two updates a second. A full update also goes out every
 * {@code imrflow.operations.refresh-interval} (5 s) for what changes without events: rates, clocks, the spine.
 */
@ApplicationScoped
public class OperationsLive {
    /** The path the page connects to; see {@code OperationsLiveSocket}. */
    public static final String PATH = "/api/operations/live";
    static final int FEED_SIZE = 50;
    static final int CLOCKS_SIZE = 20;
    private static final Logger LOG = Logger.getLogger(OperationsLive.class);

    /** Everything the page shows, in one message. */
    public record LiveUpdate(Instant at, Pipeline pipeline, List<OperationsView.FeedEvent> feed,
                             OperationsView.Clocks clocks, List<CaseProgress.ReviewerLoad> reviewers,
                             SpineHealth.Spine spine) {
    }

    private final OperationsView view;
    private final SpineHealth spine;
    private final OpenConnections connections;
    private final ObjectMapper json;
    private final Vertx vertx;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Duration pushInterval;
    private final long refreshEveryTicks;

    /** Ticks left to push: a change is pushed on the next tick and the one after, in case its commit came late. */
    private final AtomicInteger pendingTicks = new AtomicInteger();
    private final AtomicBoolean reading = new AtomicBoolean();
    private long ticks;
    private long timer = -1;
    private Counter updatesSent;
    private volatile String latest;

    OperationsLive(OperationsView view, SpineHealth spine, OpenConnections connections, ObjectMapper json, Vertx vertx,
                   Clock clock, MeterRegistry registry,
                   @ConfigProperty(name = "imrflow.operations.push-interval", defaultValue = "500ms") Duration pushInterval,
                   @ConfigProperty(name = "imrflow.operations.refresh-interval", defaultValue = "5s") Duration refreshInterval) {
        this.view = view;
        this.spine = spine;
        this.connections = connections;
        this.json = json;
        this.vertx = vertx;
        this.clock = clock;
        this.registry = registry;
        this.pushInterval = pushInterval;
        this.refreshEveryTicks = Math.max(1, refreshInterval.toMillis() / pushInterval.toMillis());
    }

    void start(@Observes StartupEvent startup) {
        updatesSent = Counter.builder("imrflow.operations.live.updates")
                .description("Updates the live operations page sent, counted once per open page").register(registry);
        Gauge.builder("imrflow.operations.live.pages", connections, open -> open.listAll().size())
                .description("Live operations pages open now").register(registry);
        timer = vertx.setPeriodic(pushInterval.toMillis(), tick -> tick());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** The view has changed; cheap, called once per event. */
    public void changed() {
        pendingTicks.set(2);
    }

    /** The current state for a page that has just opened: the last update, or a fresh one if none was made yet. */
    public Uni<String> current() {
        String known = latest;
        return known != null ? Uni.createFrom().item(known) : read();
    }

    private void tick() {
        ticks++;
        boolean changed = pendingTicks.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
        boolean refresh = ticks % refreshEveryTicks == 0;
        if ((!changed && !refresh) || connections.listAll().isEmpty() || !reading.compareAndSet(false, true)) {
            if (changed && connections.listAll().isEmpty()) {
                latest = null; // stale: the next page to open reads afresh
            }
            return;
        }
        read().eventually(() -> reading.set(false))
                .subscribe().with(this::broadcast, failure -> LOG.debugf("Could not read the operations view: %s", failure));
    }

    private Uni<String> read() {
        return OwnContext.run(vertx, () -> Panache.withSession(() -> view.pipeline()
                .chain(pipeline -> view.newest(FEED_SIZE)
                        .chain(feed -> view.clocks(false, new PageRequest(null, Integer.toString(CLOCKS_SIZE)))
                                .chain(clocks -> view.reviewers().map(reviewers -> new LiveUpdate(clock.instant(),
                                        pipeline, feed, clocks, reviewers, spine.current())))))))
                .map(this::toJson)
                .invoke(update -> latest = update);
    }

    private void broadcast(String update) {
        for (WebSocketConnection connection : connections.listAll()) {
            if (connection.isOpen()) {
                connection.sendText(update).subscribe().with(sent -> updatesSent.increment(),
                        failure -> LOG.debugf("Could not update a live page: %s", failure));
            }
        }
    }

    private String toJson(LiveUpdate update) {
        try {
            return json.writeValueAsString(update);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The live update does not serialize", e);
        }
    }
}
