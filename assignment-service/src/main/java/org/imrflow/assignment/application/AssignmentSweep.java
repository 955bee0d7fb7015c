package org.imrflow.assignment.application;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imrflow.events.OwnContext;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sweeps waiting cases on a timer. A case that arrived while the roster changed saw the old roster, and the roster
 * change's own sweep may have run before the case was committed: without this, such a case would wait for ever.
 */
@ApplicationScoped
public class AssignmentSweep {
    private static final Logger LOG = Logger.getLogger(AssignmentSweep.class);

    private final Vertx vertx;
    private final CaseAssigner assigner;
    private final Duration every;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    AssignmentSweep(Vertx vertx, CaseAssigner assigner,
                    @ConfigProperty(name = "imrflow.assignment.sweep-interval", defaultValue = "30s") Duration every) {
        this.vertx = vertx;
        this.assigner = assigner;
        this.every = every;
    }

    void start(@Observes StartupEvent startup) {
        timer = vertx.setPeriodic(every.toMillis(), tick -> sweep());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void sweep() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        OwnContext.run(vertx, assigner::sweep)
                .eventually(() -> running.set(false))
                .subscribe().with(
                        assigned -> {
                            if (assigned > 0) {
                                LOG.infof("Sweep offered %d case(s)", assigned);
                            }
                        },
                        failure -> LOG.warnf("Sweep of waiting cases failed, trying again in %s: %s", every, failure.toString()));
    }
}
