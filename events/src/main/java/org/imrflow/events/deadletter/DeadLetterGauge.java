package org.imrflow.events.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code imrflow.dead_letters{service=...}}: how many dead letters are not yet replayed. A scrape reads a number held
 * in memory; the number is counted in the database after every change the office makes and every
 * {@code imrflow.dead-letters.count-interval} (30 s), never on the scrape. NaN until the first count.
 */
@ApplicationScoped
public class DeadLetterGauge {
    private static final Logger LOG = Logger.getLogger(DeadLetterGauge.class);
    public static final String NAME = "imrflow.dead_letters";

    private final MeterRegistry registry;
    private final Vertx vertx;
    private final String serviceName;
    private final Duration interval;
    private final AtomicBoolean counting = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private volatile double notReplayed = Double.NaN;
    private long timer = -1;

    DeadLetterGauge(MeterRegistry registry, Vertx vertx,
                    @ConfigProperty(name = "quarkus.application.name") String serviceName,
                    @ConfigProperty(name = "imrflow.dead-letters.count-interval", defaultValue = "30s") Duration interval) {
        this.registry = registry;
        this.vertx = vertx;
        this.serviceName = serviceName;
        this.interval = interval;
    }

    void start(@Observes StartupEvent startup) {
        Gauge.builder(NAME, this, gauge -> gauge.notReplayed)
                .description("Dead letters on this service's dead-letter topics not yet replayed")
                .tag("service", serviceName)
                .register(registry);
        timer = vertx.setPeriodic(interval.toMillis(), tick -> refresh());
        refresh();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** The last count; NaN before the first. */
    public double value() {
        return notReplayed;
    }

    /** Asks for a new count; asks while one runs are combined into one more. Never blocks. */
    public void refresh() {
        wanted.set(true);
        if (counting.compareAndSet(false, true)) {
            count();
        }
    }

    private void count() {
        wanted.set(false);
        // Hibernate Reactive needs a safe, duplicated Vert.x context of its own for each session.
        Context context = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> Uni.createFrom().deferred(() -> Panache.withSession(() -> Panache.getSession()
                        .chain(session -> session.createSelectionQuery(
                                "select count(*) from DeadLetter where replayedAt is null", Long.class).getSingleResult())))
                .subscribe().with(count -> {
                    notReplayed = count;
                    done();
                }, failure -> {
                    LOG.debugf("Could not count the dead letters of %s: %s", serviceName, failure.toString());
                    done();
                }));
    }

    private void done() {
        counting.set(false);
        if (wanted.get() && counting.compareAndSet(false, true)) {
            count();
        }
    }
}
