package org.imrflow.notification.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
import java.util.stream.Collectors;

/**
 * Rebuilds the operations view from the start of every topic. The view's consumer pauses and finishes the events it
 * had in hand; it is moved to the start of each partition; its projection and its inbox records go in one
 * transaction; it resumes. Every event it handles from then on is a replayed one, so the rebuild is done when every
 * partition has been handled up to where it ended when the rebuild started.
 * A rebuild cut short by a crash is started again at start-up, because the deleted view would otherwise stay partial.
 */
@ApplicationScoped
public class ProjectionRebuild {
    public static final String CHANNEL = "operations-view";
    private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);

    /** What a rebuild reports while it runs and after. */
    public record Status(boolean running, String requestedBy, Instant startedAt, Instant finishedAt, long eventsReplayed,
                         long eventsToReplay, Duration took) {
    }

    private final KafkaClientService kafka;
    private final Vertx vertx;
    private final Clock clock;
    private final String consumer;

    /** Per partition: the offset the rebuild must reach (the end when it started). */
    private volatile Map<TopicPartition, Long> targets = Map.of();
    private final Map<TopicPartition, Long> reached = new ConcurrentHashMap<>();
    private final AtomicLong replayed = new AtomicLong();
    private final AtomicLong inHand = new AtomicLong();
    private volatile long lastHandledAt;
    /** From the request until the last event is replayed. */
    private final AtomicBoolean running = new AtomicBoolean();
    /** Once the consumer has been moved back and the targets are known. */
    private volatile boolean replaying;
    private volatile RebuildRecord last;

    ProjectionRebuild(KafkaClientService kafka, Vertx vertx, Clock clock) {
        this.kafka = kafka;
        this.vertx = vertx;
        this.clock = clock;
        this.consumer = OperationsViewConsumer.CONSUMER;
    }

    void resumeCutShort(@Observes StartupEvent startup) {
        OwnContext.run(vertx, () -> Panache.withSession(() -> RebuildRecord.<RebuildRecord>findById(RebuildRecord.ID)))
                .subscribe().with(record -> {
                    last = record;
                    if (record != null && record.finishedAt == null) {
                        LOG.warnf("The operations view's rebuild of %s did not finish: starting it again", record.startedAt);
                        // the channel's partitions are assigned shortly after start-up
                        vertx.setTimer(5_000, ignored -> start(record.requestedBy).subscribe().with(
                                status -> { }, failure -> LOG.errorf("Could not restart the rebuild: %s", failure)));
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
            return Uni.createFrom().failure(new IllegalStateException("The " + CHANNEL + " channel has no consumer"));
        }
        replaying = false;
        reached.clear();
        replayed.set(0);
        Instant startedAt = clock.instant();
        return channel.pause()
                .chain(this::drained)
                .chain(() -> channel.runOnPollingThread(c -> {
                    Set<TopicPartition> assigned = c.assignment();
                    Map<TopicPartition, Long> ends = c.endOffsets(assigned);
                    Map<TopicPartition, Long> beginnings = c.beginningOffsets(assigned);
                    c.seekToBeginning(assigned);
                    // partitions with nothing to read are reached already
                    return ends.entrySet().stream().filter(end -> end.getValue() > beginnings.getOrDefault(end.getKey(), 0L))
                            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
                }))
                .chain(ends -> OwnContext.run(vertx, () -> Panache.withTransaction(() -> clear()
                        .chain(() -> RebuildRecord.started(requestedBy, startedAt, ends.toString()))))
                        .invoke(record -> {
                            last = record;
                            targets = Map.copyOf(ends);
                            replaying = true;
                            LOG.infof("Rebuilding the operations view from %d partitions, %d events, for %s", ends.size(),
                                    ends.values().stream().mapToLong(Long::longValue).sum(), requestedBy);
                        }))
                // Cleared after the seek: events read before the seek are then either kept or read again, never lost.
                .chain(() -> channel.resume())
                .onFailure().invoke(failure -> {
                    targets = Map.of();
                    running.set(false);
                    channel.resume().subscribe().with(ignored -> { }, ignored -> { });
                })
                .map(ignored -> {
                    finishIfReached();
                    return status();
                });
    }

    /**
     * Waits, paused, until the events the consumer had fetched are handled: none in hand, none for a moment. Anything
     * handled after that was read after the seek.
     */
    private Uni<Void> drained() {
        return Uni.createFrom().voidItem()
                .invoke(() -> {
                    if (inHand.get() > 0 || System.currentTimeMillis() - lastHandledAt < 500) {
                        throw new IllegalStateException("still handling");
                    }
                })
                .onFailure(IllegalStateException.class).retry().withBackOff(Duration.ofMillis(100), Duration.ofMillis(500))
                .expireIn(30_000);
    }

    /** Called by the view's consumer before each event it handles. */
    public void handling() {
        inHand.incrementAndGet();
    }

    private Uni<Void> clear() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("delete from processed_event where consumer = :consumer").setParameter("consumer", consumer)
                .executeUpdate()
                .chain(() -> session.createNativeQuery("delete from operations_event").executeUpdate())
                .chain(() -> session.createNativeQuery("delete from operations_case").executeUpdate()))
                .replaceWithVoid();
    }

    /** Called by the view's consumer after each event it has handled, or failed to. */
    public void handled(String topic, int partition, long offset) {
        inHand.decrementAndGet();
        lastHandledAt = System.currentTimeMillis();
        Map<TopicPartition, Long> wanted = targets;
        if (!replaying) {
            return;
        }
        TopicPartition key = new TopicPartition(topic, partition);
        Long target = wanted.get(key);
        if (target != null && offset < target) {
            replayed.incrementAndGet();
            reached.merge(key, offset + 1, Math::max);
            if (offset + 1 >= target) {
                finishIfReached();
            }
        }
    }

    private void finishIfReached() {
        boolean done = replaying
                && targets.entrySet().stream().allMatch(t -> reached.getOrDefault(t.getKey(), 0L) >= t.getValue());
        if (!done || !running.compareAndSet(true, false)) {
            return;
        }
        replaying = false;
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

    public Status status() {
        RebuildRecord record = last;
        long toReplay = targets.values().stream().mapToLong(Long::longValue).sum();
        if (record == null) {
            return new Status(running(), null, null, null, replayed.get(), toReplay, null);
        }
        Instant end = record.finishedAt == null ? clock.instant() : record.finishedAt;
        return new Status(running(), record.requestedBy, record.startedAt, record.finishedAt, replayed.get(), toReplay,
                Duration.between(record.startedAt, end));
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
