package org.imrflow.events.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What operations watch of a service's outbox: unsent rows, the age of the oldest, parked rows and the publish rate
 * ({@code rate(imrflow_outbox_published_total[1m])}). The figures are read from the database every few seconds, off
 * the scrape, and readiness turns DOWN when the oldest unsent row is older than {@code imrflow.outbox.max-unsent-age}.
 */
@ApplicationScoped
public class OutboxMetrics {
    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);

    private final Vertx vertx;
    private final Pool pool;
    private final Duration refreshEvery;
    private final Counter published;
    private final org.imrflow.events.EventMetrics events;
    private final AtomicLong unsent = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong oldestUnsentAgeSeconds = new AtomicLong();
    private final AtomicReference<Instant> refreshedAt = new AtomicReference<>();
    private long timer = -1;

    OutboxMetrics(Vertx vertx, Pool pool, MeterRegistry registry, org.imrflow.events.EventMetrics events,
                  @ConfigProperty(name = "imrflow.outbox.stats-interval", defaultValue = "5s") Duration refreshEvery) {
        this.vertx = vertx;
        this.pool = pool;
        this.refreshEvery = refreshEvery;
        this.events = events;
        this.published = Counter.builder("imrflow.outbox.published").description("Events the relay published")
                .register(registry);
        Gauge.builder("imrflow.outbox.unsent", unsent, AtomicLong::get)
                .description("Outbox rows not yet published (parked rows not counted)").register(registry);
        Gauge.builder("imrflow.outbox.oldest.unsent.age", oldestUnsentAgeSeconds, AtomicLong::get).baseUnit("seconds")
                .description("Age of the oldest unpublished outbox row").register(registry);
        Gauge.builder("imrflow.outbox.parked", parked, AtomicLong::get)
                .description("Outbox rows Kafka refused for good; their cases wait").register(registry);
    }

    void start(@Observes StartupEvent startup) {
        timer = vertx.setPeriodic(refreshEvery.toMillis(), tick -> refresh());
        refresh();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    void published(java.util.List<OutboxMessage> rows) {
        published.increment(rows.size());
        rows.forEach(row -> events.produced(row.eventType));
    }

    private void refresh() {
        pool.query("select count(*) filter (where parked_at is null) as unsent,"
                        + " count(*) filter (where parked_at is not null) as parked,"
                        + " coalesce(extract(epoch from now() - min(occurred_at) filter (where parked_at is null)), 0)"
                        + "::bigint as oldest_age from event_outbox where sent_at is null")
                .execute()
                .subscribe().with(rows -> {
                    Row row = rows.iterator().next();
                    unsent.set(row.getLong("unsent"));
                    parked.set(row.getLong("parked"));
                    oldestUnsentAgeSeconds.set(Math.max(0, row.getLong("oldest_age")));
                    refreshedAt.set(Instant.now());
                }, failure -> LOG.debugf("Outbox figures not refreshed: %s", failure.toString()));
    }

    public long unsent() {
        return unsent.get();
    }

    public long parked() {
        return parked.get();
    }

    public Duration oldestUnsentAge() {
        return Duration.ofSeconds(oldestUnsentAgeSeconds.get());
    }

    /** When the figures were last read, or null before the first read. */
    public Instant refreshedAt() {
        return refreshedAt.get();
    }
}
