package org.imrflow.events.timer;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imrflow.events.OwnContext;
import org.imrflow.http.WriteConflicts;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fires the service's due timers, every {@code imrflow.timers.poll-interval}, when the service has a
 * {@link TimerHandler}. Each pass fires every timer due, one transaction each; a timer whose handler fails is put back a
 * little ({@link DurableTimers}) and the pass goes on.
 */
@ApplicationScoped
public class TimerWatch {
    private static final Logger LOG = Logger.getLogger(TimerWatch.class);
    private static final int MOST_PER_PASS = 500;

    private final Vertx vertx;
    private final DurableTimers timers;
    private final Instance<TimerHandler> handler;
    private final Duration every;
    private final AtomicBoolean running = new AtomicBoolean();
    private long periodic = -1;

    TimerWatch(Vertx vertx, DurableTimers timers, Instance<TimerHandler> handler,
               @ConfigProperty(name = "imrflow.timers.poll-interval", defaultValue = "1s") Duration every) {
        this.vertx = vertx;
        this.timers = timers;
        this.handler = handler;
        this.every = every;
    }

    void start(@Observes StartupEvent startup) {
        if (handler.isResolvable()) {
            periodic = vertx.setPeriodic(every.toMillis(), tick -> pass());
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (periodic >= 0) {
            vertx.cancelTimer(periodic);
        }
    }

    /** Fires what is due now. @return how many timers fired */
    public Uni<Integer> fireDue() {
        return OwnContext.run(vertx, () -> fireFrom(0));
    }

    private Uni<Integer> fireFrom(int fired) {
        if (fired >= MOST_PER_PASS) {
            return Uni.createFrom().item(fired);
        }
        // A timer that lost a race for its case (a request or another timer changed it meanwhile) stays, and is tried
        // again at once on the case as it now is.
        return timers.fireNext(handler.get())
                .onFailure(WriteConflicts::isConflict).recoverWithItem(() -> {
                    LOG.debug("A timer lost a race for its case; trying again");
                    return true;
                })
                .chain(one -> one ? fireFrom(fired + 1) : Uni.createFrom().item(fired));
    }

    private void pass() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        fireDue().eventually(() -> running.set(false)).subscribe().with(
                fired -> {
                    if (fired > 0) {
                        LOG.debugf("%d timer(s) fired", fired);
                    }
                },
                failure -> LOG.warnf("A timer failed to fire; it is tried again in %s: %s", every, failure.toString()));
    }
}
