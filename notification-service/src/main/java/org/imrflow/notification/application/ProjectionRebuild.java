package org.imrflow.notification.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.imrflow.events.OwnContext;
import org.imrflow.notification.messaging.OperationsViewConsumer;
import org.imrflow.notification.store.RebuildRecord;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Rebuilds the operations view from the start of every topic. Its projection and its inbox records go in one
 * transaction; then its consumer is moved to the start of each partition, on the polling thread. Events handled
 * before the deletion are read again; events handled between the deletion and the move are read again and skipped as
 * duplicates: each counts once either way. The consumer is never paused from here: SmallRye's own flow control
 * pauses and resumes it, and a resume from outside undoes that, so the whole backlog would be fetched into the heap.
 *
 * <p>The rebuild is done when each partition has been handled from its first offset to where it ended at the move.
 * Records fetched before the move are handled first, so a partition's count starts at its first offset. A rebuild cut
 * short by a crash is started again at start-up, because the deleted view would otherwise stay partial.
 */
@ApplicationScoped
public class ProjectionRebuild {
    public static final String CHANNEL = "operations-view";
    private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);

    /** What a rebuild reports while it runs and after. */
    public record Status(boolean running, String requestedBy, Instant startedAt, Instant finishedAt, long eventsReplayed,
                         long eventsToReplay, Duration took) {
    }

    /** One partition being read again: from its first offset at the move to its end then. */
    private static final class Replay {
        final long first;
        final long end;
        boolean started;
        long reached;

        Replay(long first, long end) {
            this.first = first;
            this.end = end;
        }

        synchronized boolean done() {
            return reached >= end;
        }
    }

    private final KafkaClientService kafka;
    private final Vertx vertx;
    private final Clock clock;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong replayed = new AtomicLong();
    private volatile Map<TopicPartition, Replay> partitions = Map.of();
    private volatile RebuildRecord last;

    ProjectionRebuild(KafkaClientService kafka, Vertx vertx, Clock clock) {
        this.kafka = kafka;
        this.vertx = vertx;
        this.clock = clock;
    }

    void resumeCutShort(@Observes StartupEvent startup) {
        OwnContext.run(vertx, () -> Panache.withSession(() -> RebuildRecord.<RebuildRecord>findById(RebuildRecord.ID)))
                .subscribe().with(record -> {
                    last = record;
                    if (record != null && record.finishedAt == null) {
                        LOG.warnf("The operations view's rebuild of %s did not finish: starting it again", record.startedAt);
                        // the channel's partitions are assigned shortly after start-up
                        start(record.requestedBy)
                                .onFailure(NotReadyException.class).retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(10))
                                .atMost(60)
                                .subscribe().with(status -> { },
                                        failure -> LOG.errorf("Could not restart the rebuild: %s", failure));
                    }
                }, failure -> LOG.debugf("Could not read the last rebuild: %s", failure));
    }

    /** Starts a rebuild; an error if one is running. */
    public Uni<Status> start(String requestedBy) {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().failure(new RebuildRunningException(status()));
        }
        KafkaConsumer<Object, Object> channel = kafka.getConsumer(CHANNEL);
        if (channel == null) {
            running.set(false);
            return Uni.createFrom().failure(new IllegalStateException("The " + CHANNEL + " channel has no consumer"));
        }
        replayed.set(0);
        partitions = Map.of();
        Instant startedAt = clock.instant();
        // Not before the consumer has its partitions: a rebuild of none would clear the view and call it done.
        Function<Consumer<Object, Object>, Boolean> unassignedNow =
                c -> c.assignment().isEmpty();
        return channel.runOnPollingThread(unassignedNow)
                .invoke(unassigned -> {
                    if (unassigned) {
                        throw new NotReadyException();
                    }
                })
                .chain(() -> OwnContext.run(vertx, () -> Panache.withTransaction(() -> clear()
                        .chain(() -> RebuildRecord.started(requestedBy, startedAt)))))
                .invoke(record -> last = record)
                // After the deletion: what is handled from here on is either read again or a duplicate of a kept row.
                .chain(() -> channel.runOnPollingThread(c -> {
                    Set<TopicPartition> assigned = c.assignment();
                    Map<TopicPartition, Long> ends = c.endOffsets(assigned);
                    Map<TopicPartition, Long> firsts = c.beginningOffsets(assigned);
                    Map<TopicPartition, Replay> replays = new ConcurrentHashMap<>();
                    ends.forEach((partition, end) -> {
                        long first = firsts.getOrDefault(partition, 0L);
                        if (end > first) {
                            replays.put(partition, new Replay(first, end));
                        }
                    });
                    // set before the move, on the thread that fetches: no record read after it goes uncounted
                    partitions = replays;
                    c.seekToBeginning(assigned);
                    return replays.size();
                }))
                .onFailure().invoke(failure -> running.set(false))
                .map(count -> {
                    LOG.infof("Rebuilding the operations view from %d partitions, %d events, for %s", count,
                            eventsToReplay(), requestedBy);
                    finishIfReached();
                    return status();
                });
    }

    private Uni<Void> clear() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("delete from processed_event where consumer = :consumer")
                .setParameter("consumer", OperationsViewConsumer.CONSUMER)
                .executeUpdate()
                .chain(() -> session.createNativeQuery("delete from operations_event").executeUpdate())
                .chain(() -> session.createNativeQuery("delete from operations_case").executeUpdate()))
                .replaceWithVoid();
    }

    /** Called by the view's consumer after each event it has handled, or failed to. */
    public void handled(String topic, int partition, long offset) {
        Map<TopicPartition, Replay> replays = partitions;
        Replay replay = replays.isEmpty() ? null : replays.get(new TopicPartition(topic, partition));
        if (replay == null) {
            return;
        }
        boolean reachedTheEnd;
        synchronized (replay) {
            if (!replay.started && offset == replay.first) {
                replay.started = true; // the first record read after the move; what came before was fetched earlier
            }
            if (!replay.started || offset < replay.reached || offset >= replay.end) {
                return;
            }
            replay.reached = offset + 1;
            reachedTheEnd = replay.reached >= replay.end;
        }
        replayed.incrementAndGet();
        if (reachedTheEnd) {
            finishIfReached();
        }
    }

    private void finishIfReached() {
        if (!partitions.values().stream().allMatch(Replay::done) || !running.compareAndSet(true, false)) {
            return;
        }
        Instant finishedAt = clock.instant();
        OwnContext.run(vertx, () -> Panache.withTransaction(() -> RebuildRecord.finished(finishedAt)))
                .subscribe().with(record -> {
                    last = record;
                    LOG.infof("Rebuilt the operations view: %d events in %s", replayed.get(),
                            Duration.between(record.startedAt, finishedAt));
                }, failure -> LOG.errorf("Could not record the end of the rebuild: %s", failure));
    }

    public boolean running() {
        return running.get();
    }

    private long eventsToReplay() {
        return partitions.values().stream().mapToLong(replay -> replay.end - replay.first).sum();
    }

    public Status status() {
        RebuildRecord record = last;
        if (record == null) {
            return new Status(running(), null, null, null, replayed.get(), eventsToReplay(), null);
        }
        Instant end = record.finishedAt == null ? clock.instant() : record.finishedAt;
        return new Status(running(), record.requestedBy, record.startedAt, record.finishedAt, replayed.get(),
                eventsToReplay(), Duration.between(record.startedAt, end));
    }

    /** The view's consumer has no partitions yet (it is joining its group): nothing to rebuild from. */
    public static class NotReadyException extends IllegalStateException {
        NotReadyException() {
            super("The operations view's consumer has no partitions yet; try again in a few seconds");
        }
    }

    /** A rebuild is running already. */
    public static class RebuildRunningException extends RuntimeException {
        public final transient Status status;

        RebuildRunningException(Status status) {
            super("A rebuild of the operations view is running, started " + status.startedAt());
            this.status = status;
        }
    }
}
