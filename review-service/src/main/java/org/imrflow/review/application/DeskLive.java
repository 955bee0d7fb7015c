package org.imrflow.review.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imrflow.events.OwnContext;
import org.imrflow.review.store.DeskNotices;
import org.imrflow.review.store.DeskNotices.Notice;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live desk: each open page gets its reviewer's notices after the last one it saw, in order, each once. Pages are
 * woken by PostgreSQL's LISTEN/NOTIFY: the transaction that writes a notice calls pg_notify, which PostgreSQL
 * delivers at commit to every replica listening, so a page connected to another replica than the one that made the
 * change is woken too. A page then reads its notices from the database, never from the wake-up itself. A slow sweep
 * ({@code imrflow.desk.sweep-interval}) wakes every page as well, in case a wake-up was lost while LISTEN
 * reconnected.
 */
@ApplicationScoped
public class DeskLive {
    /** The path the page connects to; see {@code DeskLiveSocket}. */
    public static final String PATH = "/api/desk/live";
    private static final Logger LOG = Logger.getLogger(DeskLive.class);

    /** One open page: whose desk, and the last notice it was sent. */
    private static final class Page {
        final WebSocketConnection connection;
        final String reviewerId;
        long lastSent;
        boolean reading;
        boolean again;

        Page(WebSocketConnection connection, String reviewerId, long after) {
            this.connection = connection;
            this.reviewerId = reviewerId;
            this.lastSent = after;
        }
    }

    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final DeskNotices notices;
    private final ObjectMapper json;
    private final Vertx vertx;
    private final Duration sweepInterval;
    private final Optional<String> databaseUrl;
    private final Optional<String> username;
    private final Optional<String> password;
    private final Optional<String> sslMode;
    private PgSubscriber subscriber;
    private long sweep = -1;

    DeskLive(DeskNotices notices, ObjectMapper json, Vertx vertx,
             @ConfigProperty(name = "imrflow.desk.sweep-interval", defaultValue = "10s") Duration sweepInterval,
             @ConfigProperty(name = "quarkus.datasource.reactive.url") Optional<String> databaseUrl,
             @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
             @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
             @ConfigProperty(name = "quarkus.datasource.reactive.postgresql.ssl-mode") Optional<String> sslMode) {
        this.notices = notices;
        this.json = json;
        this.vertx = vertx;
        this.sweepInterval = sweepInterval;
        this.databaseUrl = databaseUrl;
        this.username = username;
        this.password = password;
        this.sslMode = sslMode;
    }

    void start(@Observes StartupEvent startup) {
        sweep = vertx.setPeriodic(sweepInterval.toMillis(), tick -> pages.values().forEach(this::send));
        if (databaseUrl.isEmpty()) {
            LOG.warnf("No quarkus.datasource.reactive.url: live pages are woken every %s only", sweepInterval);
            return;
        }
        PgConnectOptions options = PgConnectOptions.fromUri(databaseUrl.get().replaceFirst("^vertx-reactive:", ""));
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        sslMode.map(SslMode::of).ifPresent(options::setSslMode);
        subscriber = PgSubscriber.subscriber(vertx.getDelegate(), options)
                .reconnectPolicy(retries -> 1_000L); // keep listening through a database restart, trying every second
        subscriber.channel(DeskNotices.CHANNEL)
                .subscribeHandler(listening -> pages.values().forEach(this::send)) // (re)connected: catch up
                .handler(this::wake);
        subscriber.connect(connected -> {
            if (connected.failed()) {
                LOG.warnf("Could not LISTEN for desk notices; pages are woken every %s: %s", sweepInterval,
                        connected.cause().toString());
            }
        });
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (sweep >= 0) {
            vertx.cancelTimer(sweep);
        }
        if (subscriber != null) {
            subscriber.close();
        }
    }

    /** A page opened: it gets every notice after {@code after} at once, then new ones as they commit. */
    public void open(WebSocketConnection connection, String reviewerId, long after) {
        Page page = new Page(connection, reviewerId, after);
        pages.put(connection.id(), page);
        send(page);
    }

    public void close(WebSocketConnection connection) {
        pages.remove(connection.id());
    }

    /** Open pages now. */
    public int open() {
        return pages.size();
    }

    /** A notice of the reviewer's committed (the NOTIFY payload is the reviewer id). */
    private void wake(String reviewerId) {
        pages.values().stream().filter(page -> page.reviewerId.equals(reviewerId)).forEach(this::send);
    }

    /** Sends the page what it has not had yet. One read at a time per page; a wake-up meanwhile reads again after. */
    private void send(Page page) {
        synchronized (page) {
            if (page.reading) {
                page.again = true;
                return;
            }
            page.reading = true;
            page.again = false;
        }
        OwnContext.run(vertx, () -> Panache.withSession(() -> notices.after(page.reviewerId, page.lastSent)))
                .chain(found -> inOrder(page, found).replaceWith(found.size() == DeskNotices.MOST_PER_READ))
                .subscribe().with(more -> sent(page, more), failure -> {
                    LOG.debugf("Could not update a live desk: %s", failure.toString());
                    sent(page, false);
                });
    }

    private void sent(Page page, boolean more) {
        boolean again;
        synchronized (page) {
            page.reading = false;
            again = (page.again || more) && page.connection.isOpen() && pages.containsKey(page.connection.id());
        }
        if (again) {
            send(page);
        }
    }

    private Uni<Void> inOrder(Page page, List<Notice> found) {
        Uni<Void> sending = Uni.createFrom().voidItem();
        for (Notice notice : found) {
            sending = sending.chain(() -> page.connection.sendText(toJson(notice)).invoke(() -> page.lastSent = notice.seq()));
        }
        return sending;
    }

    private String toJson(Notice notice) {
        try {
            return json.writeValueAsString(notice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A desk notice does not serialize", e);
        }
    }
}
