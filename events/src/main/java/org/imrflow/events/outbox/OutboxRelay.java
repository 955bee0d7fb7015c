package org.imrflow.events.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes outbox rows to Kafka as CloudEvents (binary mode), in insertion order, then marks them sent.
 *
 * <p>It is woken by PostgreSQL {@code NOTIFY event_outbox}, which the insert trigger raises and PostgreSQL delivers
 * only on commit, so latency stays in milliseconds; a slow poll is the fallback. One relay per database publishes at
 * a time (a transaction-scoped advisory lock), which keeps each case's events in order across replicas; rows are
 * taken with {@code FOR UPDATE SKIP LOCKED} and sent with {@code acks=all} and idempotence. A crash between send and
 * commit re-sends the batch: consumers' inboxes make that harmless.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LEADER_LOCK = 0x494D52_4F5554L; // "IMR" "OUT"
    static final String CHANNEL = "event_outbox";

    private final Vertx vertx;
    private final String bootstrapServers;
    private final String serviceName;
    private final int batchSize;
    private final Duration pollInterval;
    private final boolean enabled;
    private final String reactiveUrl;
    private final Optional<String> username;
    private final Optional<String> password;

    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private KafkaProducer<String, String> producer;
    private PgSubscriber subscriber;
    private long pollTimer = -1;

    OutboxRelay(Vertx vertx,
                @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                @ConfigProperty(name = "quarkus.application.name") String serviceName,
                @ConfigProperty(name = "imrflow.outbox.batch-size", defaultValue = "200") int batchSize,
                @ConfigProperty(name = "imrflow.outbox.poll-interval", defaultValue = "2s") Duration pollInterval,
                @ConfigProperty(name = "imrflow.outbox.relay-enabled", defaultValue = "true") boolean enabled,
                @ConfigProperty(name = "quarkus.datasource.reactive.url") String reactiveUrl,
                @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.bootstrapServers = bootstrapServers;
        this.serviceName = serviceName;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.enabled = enabled;
        this.reactiveUrl = reactiveUrl.split(",")[0].trim();
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent startup) {
        if (!enabled) {
            LOG.info("Outbox relay disabled by imrflow.outbox.relay-enabled=false");
            return;
        }
        producer = new KafkaProducer<>(producerConfig());
        listenForCommits();
        pollTimer = vertx.setPeriodic(pollInterval.toMillis(), tick -> wake());
        wake();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (pollTimer >= 0) {
            vertx.cancelTimer(pollTimer);
        }
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Asks for a drain; calls while one runs are coalesced into one more pass. */
    public void wake() {
        wanted.set(true);
        if (draining.compareAndSet(false, true)) {
            drain();
        }
    }

    private void drain() {
        wanted.set(false);
        // Hibernate Reactive needs a safe, duplicated Vert.x context of its own for each session.
        Context context = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> Uni.createFrom().deferred(this::publishBatch)
                .subscribe().with(this::afterBatch, this::afterFailure));
    }

    private void afterBatch(int published) {
        if (published >= batchSize || wanted.get()) {
            drain();
            return;
        }
        draining.set(false);
        if (wanted.get() && draining.compareAndSet(false, true)) {
            drain();
        }
    }

    private void afterFailure(Throwable failure) {
        LOG.warnf("Outbox relay of %s could not publish, retrying on the next poll: %s", serviceName, failure.toString());
        draining.set(false);
    }

    /** One transaction: take the leader lock, lock the oldest unsent rows, send them, mark them sent. */
    Uni<Integer> publishBatch() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("select pg_try_advisory_xact_lock(" + RELAY_LEADER_LOCK + ")", Boolean.class)
                .getSingleResult()
                .chain(leader -> leader ? oldestUnsent(session) : Uni.createFrom().item(List.<OutboxMessage>of()))
                .chain(batch -> batch.isEmpty() ? Uni.createFrom().item(0) : send(batch))));
    }

    private Uni<List<OutboxMessage>> oldestUnsent(Mutiny.Session session) {
        return session.createNativeQuery("select * from event_outbox where sent_at is null order by id"
                        + " limit :limit for update skip locked", OutboxMessage.class)
                .setParameter("limit", batchSize)
                .getResultList();
    }

    private Uni<Integer> send(List<OutboxMessage> batch) {
        // The Kafka client may block (metadata, buffer full): run it on a worker, come back on this context.
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
                    publishAndAwaitAcks(batch);
                    return batch.size();
                }))
                .invoke(count -> {
                    Instant now = Instant.now();
                    batch.forEach(message -> message.sentAt = now);
                });
    }

    private void publishAndAwaitAcks(List<OutboxMessage> batch) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (OutboxMessage message : batch) {
            acks.add(producer.send(toRecord(message)));
        }
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while awaiting Kafka acks", e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge the batch", e);
        }
    }

    static ProducerRecord<String, String> toRecord(OutboxMessage message) {
        ProducerRecord<String, String> record = new ProducerRecord<>(message.topic, message.caseNumber, message.payload);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", message.eventId.toString());
        header(record, "ce_type", message.eventType);
        header(record, "ce_source", message.eventSource);
        header(record, "ce_subject", message.caseNumber);
        header(record, "ce_time", message.occurredAt.toString());
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private Properties producerConfig() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, serviceName + "-outbox-relay");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return config;
    }

    private void listenForCommits() {
        PgConnectOptions options = PgConnectOptions.fromUri(reactiveUrl);
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1_000L);
        subscriber.channel(CHANNEL).handler(payload -> wake());
        subscriber.connect().subscribe().with(
                connected -> LOG.debugf("Outbox relay of %s listens on %s", serviceName, CHANNEL),
                failure -> LOG.warnf("Outbox relay of %s cannot LISTEN, polling only: %s", serviceName, failure.toString()));
    }
}
