package org.imrflow.events.timer;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.imrflow.http.WriteConflicts;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one way a service keeps a deadline: a row in its own database, written in the caller's transaction, so a
 * deadline exists exactly when the state change that set it committed, and survives restarts.
 *
 * <p>{@link #fireNext} claims the earliest due timer with {@code FOR UPDATE SKIP LOCKED}, runs the handler and deletes
 * the row in one transaction: two replicas polling at once never fire one timer twice, and a handler that fails
 * leaves its timer to fire again, {@code imrflow.timers.retry-after} later, so that it never holds up the timers behind
 * it. A handler may move its own timer ({@link #schedule}) to fire again later, as a delivery does to retry.
 */
@ApplicationScoped
public class DurableTimers {
    private static final Logger LOG = Logger.getLogger(DurableTimers.class);

    private final Clock clock;
    private final Duration retryAfter;

    DurableTimers(Clock clock, @ConfigProperty(name = "imrflow.timers.retry-after", defaultValue = "5s") Duration retryAfter) {
        this.clock = clock;
        this.retryAfter = retryAfter;
    }

    /** Sets the case's timer of this kind to {@code dueAt}, moving it if it exists. Call inside a transaction. */
    public Uni<Void> schedule(String caseNumber, String kind, Instant dueAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into durable_timer (case_number, kind, due_at, scheduled_at) values (:caseNumber, :kind, :dueAt, :now)"
                                + " on conflict (case_number, kind) do update set due_at = excluded.due_at, scheduled_at = excluded.scheduled_at")
                .setParameter("caseNumber", caseNumber)
                .setParameter("kind", kind)
                .setParameter("dueAt", utc(dueAt))
                .setParameter("now", utc(clock.instant()))
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Drops the case's timers of these kinds, if pending. Call inside a transaction. */
    public Uni<Void> cancel(String caseNumber, List<String> kinds) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "delete from durable_timer where case_number = :caseNumber and kind in (:kinds)")
                .setParameter("caseNumber", caseNumber)
                .setParameter("kinds", kinds)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** The case's pending timers, earliest first. */
    public Uni<List<DueTimer>> pending(String caseNumber) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select case_number, kind, due_at from durable_timer where case_number = :caseNumber order by due_at, kind",
                        Object[].class)
                .setParameter("caseNumber", caseNumber)
                .getResultList())
                .map(rows -> rows.stream().map(DurableTimers::timer).toList());
    }

    /**
     * Fires the earliest timer due by now, in a transaction of its own.
     *
     * @return whether there was one
     */
    public Uni<Boolean> fireNext(TimerHandler handler) {
        Instant now = clock.instant();
        AtomicReference<DueTimer> claimed = new AtomicReference<>();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                                "select case_number, kind, due_at from durable_timer where due_at <= :now"
                                        + " order by due_at limit 1 for update skip locked", Object[].class)
                        .setParameter("now", utc(now))
                        .getResultList()
                        .chain(rows -> {
                            if (rows.isEmpty()) {
                                return Uni.createFrom().item(false);
                            }
                            claimed.set(timer(rows.get(0)));
                            return spend(session, claimed.get(), handler);
                        })))
                // a lost race is the caller's to retry at once; any other failure puts the timer back a little,
                // so that the next due timer is not held up behind it
                .onFailure(failure -> claimed.get() != null && !WriteConflicts.isConflict(failure))
                .recoverWithUni(failure -> postpone(claimed.get(), failure));
    }

    private Uni<Boolean> postpone(DueTimer timer, Throwable failure) {
        Instant later = clock.instant().plus(retryAfter);
        LOG.warnf("Case %s: its %s timer failed (%s); tried again at %s", timer.caseNumber(), timer.kind(),
                failure.getClass().getSimpleName(), later);
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                                "update durable_timer set due_at = :later where case_number = :caseNumber and kind = :kind"
                                        + " and due_at = :dueAt")
                        .setParameter("later", utc(later))
                        .setParameter("caseNumber", timer.caseNumber())
                        .setParameter("kind", timer.kind())
                        .setParameter("dueAt", utc(timer.dueAt()))
                        .executeUpdate()))
                .replaceWith(true);
    }

    /** Deletes the timer once fired, unless its handler moved it (a retry later): then it stays, due again then. */
    private static Uni<Boolean> spend(Mutiny.Session session, DueTimer timer, TimerHandler handler) {
        return handler.fire(timer)
                .chain(() -> session.createNativeQuery("delete from durable_timer where case_number = :caseNumber"
                                + " and kind = :kind and due_at = :dueAt")
                        .setParameter("caseNumber", timer.caseNumber())
                        .setParameter("kind", timer.kind())
                        .setParameter("dueAt", utc(timer.dueAt()))
                        .executeUpdate())
                .replaceWith(true);
    }

    private static DueTimer timer(Object[] row) {
        Object dueAt = row[2];
        Instant due = dueAt instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) dueAt;
        return new DueTimer((String) row[0], (String) row[1], due);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
