package org.imrflow.events;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Prunes what the outbox and the inbox no longer need: sent outbox rows, and inbox entries older than the retention
 * period (7 days by default, Kafka's default log retention: a redelivery older than that cannot come). A service
 * adds its own tables of the same kind with {@code imrflow.retention.also=table.column,...} (intake: its
 * Idempotency-Keys). It deletes in small batches so that no statement holds many locks or runs long.
 */
@ApplicationScoped
public class Retention {
    private static final Logger LOG = Logger.getLogger(Retention.class);

    private final Vertx vertx;
    private final Pool pool;
    private final Duration period;
    private final Duration every;
    private final int batchSize;
    private final List<String> tables;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    Retention(Vertx vertx, Pool pool,
              @ConfigProperty(name = "imrflow.retention.period", defaultValue = "7d") Duration period,
              @ConfigProperty(name = "imrflow.retention.prune-every", defaultValue = "1h") Duration every,
              @ConfigProperty(name = "imrflow.retention.batch-size", defaultValue = "1000") int batchSize,
              @ConfigProperty(name = "imrflow.retention.also") Optional<List<String>> alsoPruned) {
        this.vertx = vertx;
        this.pool = pool;
        this.period = period;
        this.every = every;
        this.batchSize = batchSize;
        List<String> all = new ArrayList<>(List.of("event_outbox.sent_at", "processed_event.processed_at"));
        alsoPruned.ifPresent(all::addAll);
        all.forEach(Retention::deleteBatch); // a bad entry fails the start, not a prune an hour later
        this.tables = List.copyOf(all);
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

    /** One pass over every table; the number of rows deleted. Overlapping passes are skipped. */
    public Uni<Long> prune() {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().item(0L);
        }
        return Multi.createFrom().iterable(tables)
                .onItem().transformToUniAndConcatenate(table -> pruneAll(deleteBatch(table), 0L))
                .collect().with(Collectors.summingLong(Long::longValue))
                .eventually(() -> running.set(false));
    }

    /** Rows of {@code table} whose {@code column} is older than the period, oldest first, a batch at a time. */
    private static String deleteBatch(String tableAndColumn) {
        String[] parts = tableAndColumn.split("\\.");
        if (parts.length != 2 || !tableAndColumn.matches("[a-z_]+\\.[a-z_]+")) {
            throw new IllegalArgumentException("imrflow.retention tables are table.column, not " + tableAndColumn);
        }
        return "delete from " + parts[0] + " where ctid in (select ctid from " + parts[0] + " where " + parts[1]
                + " < now() - make_interval(secs => $1) order by " + parts[1] + " limit $2)";
    }

    private Uni<Long> pruneAll(String deleteBatch, long sofar) {
        return pool.preparedQuery(deleteBatch).execute(Tuple.of((double) period.toSeconds(), batchSize))
                .chain(result -> result.rowCount() < batchSize
                        ? Uni.createFrom().item(sofar + result.rowCount())
                        : pruneAll(deleteBatch, sofar + result.rowCount()));
    }
}
