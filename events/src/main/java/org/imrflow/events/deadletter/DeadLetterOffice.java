package org.imrflow.events.deadletter;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.imrflow.events.DeadLetterReplayed;
import org.imrflow.events.EventDeadLettered;
import org.imrflow.events.EventLimits;
import org.imrflow.events.EventType;
import org.imrflow.events.outbox.Outbox;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Where a service's dead letters can be seen and sent back.
 *
 * <p>It consumes the service's own dead-letter topics (the {@value #CHANNEL} channel, configured in each service's
 * {@code application.properties}) and records each record's metadata in {@code dead_letter}, never its payload. A
 * redelivered record is the same row (unique on dead-letter topic, partition and offset). A database failure is
 * retried without limit, holding the partition: a dead letter is never dropped.
 *
 * <p>Replay reads a record back from its dead-letter topic and sends it, unchanged and with the same {@code ce_id},
 * to its source topic, where the consumer's inbox skips it if it was processed already; then it marks the row
 * replayed. A crash between the two sends it again on the next replay, which the inbox makes harmless.
 *
 * <p>A dead letter that names a case is announced on the stream ({@link EventDeadLettered}, and
 * {@link DeadLetterReplayed} when it goes back), through the outbox in the same transaction as its row, so that the
 * case shows as stuck wherever its status is followed. Dead letters of those two events are not announced, so a
 * consumer that refuses them cannot start a loop.
 */
@ApplicationScoped
public class DeadLetterOffice {
    private static final Logger LOG = Logger.getLogger(DeadLetterOffice.class);
    static final String CHANNEL = "dead-letters";
    /** How many dead letters a replay of all reads back and sends in one go. */
    static final int REPLAY_BATCH = 100;

    private final DeadLetterRepository letters;
    private final DeadLetterCourier courier;
    private final DeadLetterGauge gauge;
    private final Outbox outbox;
    private final Vertx vertx;
    private final String serviceName;
    private final Duration retryBackOff;
    private final Duration maxRetryBackOff;

    DeadLetterOffice(DeadLetterRepository letters, DeadLetterCourier courier, DeadLetterGauge gauge, Outbox outbox,
                     Vertx vertx,
                     @ConfigProperty(name = "quarkus.application.name") String serviceName,
                     // the inbox's back-off, with the inbox's defaults: one setting for every consumer
                     @ConfigProperty(name = "imrflow.inbox.retry-back-off", defaultValue = "100ms") Duration retryBackOff,
                     @ConfigProperty(name = "imrflow.inbox.max-retry-back-off", defaultValue = "5s") Duration maxRetryBackOff) {
        this.letters = letters;
        this.courier = courier;
        this.gauge = gauge;
        this.outbox = outbox;
        this.vertx = vertx;
        this.serviceName = serviceName;
        this.retryBackOff = retryBackOff;
        this.maxRetryBackOff = maxRetryBackOff;
    }

    @Incoming(CHANNEL)
    public Uni<Void> receive(Message<byte[]> message) {
        @SuppressWarnings("unchecked")
        IncomingKafkaRecordMetadata<String, byte[]> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("The " + CHANNEL + " channel must be a Kafka channel"));
        ArrivedDeadLetter letter = ArrivedDeadLetter.of(kafka.getTopic(), kafka.getPartition(), kafka.getOffset(),
                kafka.getKey(), kafka.getHeaders(), kafka.getTimestamp());
        // As in the inbox: each attempt starts on this message's Vert.x context, where Hibernate Reactive must stay.
        Context context = io.vertx.core.Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("DeadLetterOffice.receive must run on a Vert.x context");
        }
        Executor onThisContext = task -> context.runOnContext(ignored -> task.run());
        return Uni.createFrom().deferred(() -> Panache.withTransaction(() -> record(letter)))
                .runSubscriptionOn(onThisContext)
                .onFailure().invoke(failure -> LOG.warnf("%s could not record dead letter %s/%d@%d, retrying: %s",
                        serviceName, letter.dlqTopic(), letter.dlqPartition(), letter.dlqOffset(), failure.toString()))
                .onFailure().retry().withBackOff(retryBackOff, maxRetryBackOff).indefinitely()
                .invoke(recorded -> {
                    if (recorded) {
                        LOG.warnf("%s dead-lettered event %s (%s) of case %s from %s: %s", serviceName, letter.eventId(),
                                letter.eventType(), letter.caseNumber(), letter.sourceTopic(), letter.reason());
                        gauge.refresh();
                    }
                })
                .chain(recorded -> Uni.createFrom().completionStage(message::ack));
    }

    /** Call in a transaction. True if the row is new; false for a record seen before. */
    Uni<Boolean> record(ArrivedDeadLetter letter) {
        return insert(letter).call(inserted -> inserted && announced(letter.caseNumber(), letter.eventType(), letter.sourceTopic())
                ? announce(letter)
                : Uni.createFrom().voidItem());
    }

    private Uni<Boolean> insert(ArrivedDeadLetter letter) {
        return Panache.getSession().chain(session -> session.createNativeQuery("insert into dead_letter"
                        + " (dlq_topic, dlq_partition, dlq_offset, source_topic, source_partition, source_offset,"
                        + " event_id, event_type, case_number, reason, exception_class, dead_lettered_at)"
                        + " values (:dlqTopic, :dlqPartition, :dlqOffset, :sourceTopic, :sourcePartition, :sourceOffset,"
                        + " :eventId, :eventType, :caseNumber, :reason, :exceptionClass, :deadLetteredAt)"
                        // the same record of the dead-letter topic, or the same source record refused again
                        + " on conflict do nothing")
                .setParameter("dlqTopic", letter.dlqTopic())
                .setParameter("dlqPartition", letter.dlqPartition())
                .setParameter("dlqOffset", letter.dlqOffset())
                .setParameter("sourceTopic", letter.sourceTopic())
                .setParameter("sourcePartition", letter.sourcePartition())
                .setParameter("sourceOffset", letter.sourceOffset())
                .setParameter("eventId", letter.eventId())
                .setParameter("eventType", letter.eventType())
                .setParameter("caseNumber", letter.caseNumber())
                .setParameter("reason", letter.reason())
                .setParameter("exceptionClass", letter.exceptionClass())
                .setParameter("deadLetteredAt", letter.deadLetteredAt())
                .executeUpdate()
                .map(inserted -> inserted == 1));
    }

    private Uni<Void> announce(ArrivedDeadLetter letter) {
        return letters.find("dlqTopic = ?1 and dlqPartition = ?2 and dlqOffset = ?3",
                        letter.dlqTopic(), letter.dlqPartition(), letter.dlqOffset()).singleResult()
                .chain(stored -> outbox.append(EventType.EVENT_DEAD_LETTERED, stored.caseNumber, new EventDeadLettered(
                        stored.caseNumber, serviceName, stored.id, cut(stored.eventType, EventLimits.EVENT_TYPE),
                        cut(stored.reason, EventLimits.DEAD_LETTER_REASON), stored.deadLetteredAt)));
    }

    /**
     * Whether a dead letter is announced on the stream: when it names a case, and is not itself one of the events
     * about dead letters (by type, or by topic when its envelope lost the type).
     */
    static boolean announced(String caseNumber, String eventType, String sourceTopic) {
        return caseNumber != null && caseNumber.matches(EventLimits.CASE_NUMBER_PATTERN)
                && Arrays.stream(EventType.values()).filter(EventType::isAboutDeadLetters)
                .noneMatch(type -> type.cloudEventType().equals(eventType) || type.topic().equals(sourceTopic));
    }

    private static String cut(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }

    /**
     * Sends one dead letter back to its source topic, replayed before or not, and marks it replayed. Fails with
     * {@link UnknownDeadLetterException}, {@link DeadLetterNotReplayableException} or {@link ReplayFailedException}.
     */
    public Uni<DeadLetter> replay(long id) {
        return Panache.withSession(() -> letters.findById(id))
                .onItem().ifNull().failWith(() -> new UnknownDeadLetterException(id))
                .chain(letter -> resend(List.of(letter)).chain(failures -> failures.isEmpty()
                        ? markReplayed(List.of(letter))
                        : Uni.createFrom().failure(failures.get(id))))
                .chain(() -> Panache.withSession(() -> letters.findById(id)));
    }

    /**
     * Sends back every dead letter not yet replayed, oldest first, in batches. Only those recorded before it began:
     * a replayed message that fails again is a new dead letter, and is left for the next replay.
     */
    public Uni<ReplayAll> replayAll() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                        .createSelectionQuery("select coalesce(max(id), 0) from DeadLetter where replayedAt is null", Long.class)
                        .getSingleResult()))
                .chain(newest -> replayFrom(0L, newest, new ArrayList<>(), new ArrayList<>()));
    }

    /** What a replay of all did. */
    public record ReplayAll(List<Long> replayed, List<NotReplayed> notReplayed) {
    }

    /** A dead letter that did not go back, and why (topics and offsets only). */
    public record NotReplayed(long id, String reason) {
    }

    private Uni<ReplayAll> replayFrom(long after, long upTo, List<Long> replayed, List<NotReplayed> notReplayed) {
        return Panache.withSession(() -> letters
                        .find("replayedAt is null and id > ?1 and id <= ?2", Sort.ascending("id"), after, upTo)
                        .page(0, REPLAY_BATCH).list())
                .chain(batch -> {
                    if (batch.isEmpty()) {
                        return Uni.createFrom().item(new ReplayAll(replayed, notReplayed));
                    }
                    long last = batch.get(batch.size() - 1).id;
                    return resend(batch).chain(failures -> {
                        List<DeadLetter> sent = batch.stream().filter(letter -> !failures.containsKey(letter.id)).toList();
                        failures.forEach((id, failure) -> notReplayed.add(new NotReplayed(id, failure.getMessage())));
                        sent.forEach(letter -> replayed.add(letter.id));
                        return sent.isEmpty() ? Uni.createFrom().voidItem() : markReplayed(sent);
                    }).chain(() -> batch.size() < REPLAY_BATCH
                            ? Uni.createFrom().item(new ReplayAll(replayed, notReplayed))
                            : replayFrom(last, upTo, replayed, notReplayed));
                });
    }

    /** The Kafka clients block: a worker thread does it, and the answer comes back on this context. */
    private Uni<Map<Long, RuntimeException>> resend(List<DeadLetter> batch) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> courier.resend(batch)));
    }

    /** Marks the letters replayed and announces those that were announced, in one transaction. */
    private Uni<Void> markReplayed(List<DeadLetter> sent) {
        Instant now = Instant.now();
        List<Long> ids = sent.stream().map(letter -> letter.id).toList();
        List<DeadLetter> announcedLetters = sent.stream()
                .filter(letter -> announced(letter.caseNumber, letter.eventType, letter.sourceTopic)).toList();
        return Panache.withTransaction(() -> letters.update("replayedAt = ?1, replayCount = replayCount + 1 where id in ?2", now, ids)
                        .call(updated -> announceReplays(announcedLetters, now)))
                .invoke(updated -> {
                    LOG.infof("%s replayed dead letters %s", serviceName, ids);
                    gauge.refresh();
                })
                .replaceWithVoid();
    }

    /** One after another: appends on one session must not overlap. */
    private Uni<Void> announceReplays(List<DeadLetter> replayed, Instant at) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (DeadLetter letter : replayed) {
            chain = chain.chain(() -> outbox.append(EventType.DEAD_LETTER_REPLAYED, letter.caseNumber,
                    new DeadLetterReplayed(letter.caseNumber, serviceName, letter.id, at)));
        }
        return chain;
    }
}
