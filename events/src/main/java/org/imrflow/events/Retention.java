package org.imrflow.events;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Prunes what the outbox and the inbox no longer need: sent outbox rows, and inbox entries older than the retention
 * period (7 days by default, Kafka's default log retention: a redelivery older than that cannot come). It deletes in
 * small batches so that no statement holds many locks or runs long.
 */
@ApplicationScoped
public class Retention {
    private static final Logger LOG = Logger.getLogger(Retention.class);

    private final Vertx vertx;
    private final Pool pool;
    private final Duration period;
    private final Duration every;
    private final int batchSize;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    Retention(Vertx vertx, Pool pool,
              @ConfigProperty(name = "imrflow.retention.period", defaultValue = "7d") Duration period,
              @ConfigProperty(name = "imrflow.retention.prune-every", defaultValue = "1h") Duration every,
              @ConfigProperty(name = "imrflow.retention.batch-size", defaultValue = "1000") int batchSize) {
        this.vertx = vertx;
        this.pool = pool;
        this.period = period;
        this.every = every;
        this.batchSize = batchSize;
    }

    void start(@Observes StartupEvent startup) {
        timer = vertx.setPeriodic(every.toMillis(), tick -> prune().subscribe().with(
                pruned -> LOG.debugf("Retention pruned %d rows", pruned),
                failure -> LOG.warnf("Retention could not prune: %s", failure.toString())));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** One pass over both tables; the number of rows deleted. Overlapping passes are skipped. */
    public Uni<Long> prune() {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().item(0L);
        }
        return pruneAll("delete from event_outbox where id in (select id from event_outbox"
                        + " where sent_at < now() - make_interval(secs => $1) order by sent_at limit $2)", 0L)
                .chain(outbox -> pruneAll("delete from processed_event where (event_id, consumer) in"
                        + " (select event_id, consumer from processed_event where processed_at < now() - make_interval(secs => $1)"
                        + " order by processed_at limit $2)", 0L).map(inbox -> outbox + inbox))
                .eventually(() -> running.set(false));
    }

    private Uni<Long> pruneAll(String deleteBatch, long sofar) {
        return pool.preparedQuery(deleteBatch).execute(Tuple.of((double) period.toSeconds(), batchSize))
                .chain(result -> result.rowCount() < batchSize
                        ? Uni.createFrom().item(sofar + result.rowCount())
                        : pruneAll(deleteBatch, sofar + result.rowCount()));
    }
}
