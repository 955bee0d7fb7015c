package org.imrflow.notification.application;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imrflow.events.OwnContext;
import org.imrflow.notification.domain.CaseStage;
import org.imrflow.notification.store.CaseProgress;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code imrflow_cases{stage}}: how many cases stand at each stage, as the operations view has seen them. Counted in
 * the database every {@code imrflow.operations.count-interval} (10 s), never on a scrape; NaN until the first count.
 */
@ApplicationScoped
public class PipelineGauge {
    private static final Logger LOG = Logger.getLogger(PipelineGauge.class);

    private final MeterRegistry registry;
    private final Vertx vertx;
    private final Duration interval;
    private final Map<CaseStage, Double> counts = new EnumMap<>(CaseStage.class);
    private long timer = -1;

    PipelineGauge(MeterRegistry registry, Vertx vertx,
                  @ConfigProperty(name = "imrflow.operations.count-interval", defaultValue = "10s") Duration interval) {
        this.registry = registry;
        this.vertx = vertx;
        this.interval = interval;
    }

    void start(@Observes StartupEvent startup) {
        for (CaseStage stage : CaseStage.values()) {
            counts.put(stage, Double.NaN);
            Gauge.builder("imrflow.cases", this, gauge -> gauge.count(stage))
                    .description("Cases at each stage, as seen on the event stream").tag("stage", stage.name().toLowerCase())
                    .register(registry);
        }
        timer = vertx.setPeriodic(interval.toMillis(), tick -> refresh());
        refresh();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private synchronized double count(CaseStage stage) {
        return counts.get(stage);
    }

    private void refresh() {
        OwnContext.run(vertx, () -> Panache.withSession(CaseProgress::countsByStage)).subscribe().with(
                fresh -> {
                    synchronized (this) {
                        fresh.forEach((stage, count) -> counts.put(stage, count.doubleValue()));
                    }
                },
                failure -> LOG.debugf("Could not count the cases by stage: %s", failure.toString()));
    }
}
