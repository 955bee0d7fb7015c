package org.imrflow.events.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imrflow.events.EventLimits;
import org.imrflow.events.OwnContext;
import org.imrflow.events.tracing.TraceParent;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes outbox rows to Kafka as CloudEvents (binary mode), in id order, then marks them sent. Per case, id order
 * is commit order (the case lock in {@link Outbox}); a row Kafka refuses for good is parked, and its case waits.
 *
 * <p>It is woken by PostgreSQL {@code NOTIFY event_outbox}, which the insert trigger raises and PostgreSQL delivers
 * only on commit, so latency stays in milliseconds; a slow poll is the fallback. One relay per database publishes at
 * a time (a transaction-scoped advisory lock), which keeps each case's events in order across replicas; rows are
 * taken with {@code FOR UPDATE SKIP LOCKED} and sent with {@code acks=all} and idempotence. A crash between send and
 * commit re-sends the batch: consumers' inboxes make that harmless.
 *
 * <p>Each publication is a producer span, a child of the span the row was appended in, and the record carries the
 * producer span's W3C trace context, so the consumers continue the trace.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LEADER_LOCK = 0x494D52_4F5554L; // "IMR" "OUT"
    static final String CHANNEL = "event_outbox";

    private final Vertx vertx;
    private final OutboxMetrics metrics;
    private final Tracer tracer;
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

    OutboxRelay(Vertx vertx, OutboxMetrics metrics, Tracer tracer,
                @ConfigProperty(name = "quarkus.application.name") String serviceName,
                @ConfigProperty(name = "imrflow.outbox.batch-size", defaultValue = "200") int batchSize,
                @ConfigProperty(name = "imrflow.outbox.poll-interval", defaultValue = "2s") Duration pollInterval,
                @ConfigProperty(name = "imrflow.outbox.relay-enabled", defaultValue = "true") boolean enabled,
                @ConfigProperty(name = "quarkus.datasource.reactive.url") String reactiveUrl,
                @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.metrics = metrics;
        this.tracer = tracer;
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
        producer = new KafkaProducer<>(producerConfig(ConfigProvider.getConfig(), serviceName));
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
        OwnContext.run(vertx, this::publishBatch).subscribe().with(this::afterBatch, this::afterFailure);
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

    /** One transaction: take the leader lock, lock the oldest unsent rows, send them, mark them sent or parked. */
    Uni<Integer> publishBatch() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("select pg_try_advisory_xact_lock(" + RELAY_LEADER_LOCK + ")", Boolean.class)
                .getSingleResult()
                .chain(leader -> leader ? oldestUnsent(session) : Uni.createFrom().item(List.<OutboxMessage>of()))
                .chain(batch -> batch.isEmpty() ? Uni.createFrom().item(0) : send(batch))));
    }

    /** Unsent rows in id order, leaving out every case that has a parked row: its later rows wait behind it. */
    private Uni<List<OutboxMessage>> oldestUnsent(Mutiny.Session session) {
        return session.createNativeQuery("select * from event_outbox o where sent_at is null and parked_at is null"
                        + " and not exists (select 1 from event_outbox p where p.case_number = o.case_number"
                        + " and p.parked_at is not null and p.sent_at is null)"
                        + " order by id limit :limit for update skip locked", OutboxMessage.class)
                .setParameter("limit", batchSize)
                .getResultList();
    }

    private Uni<Integer> send(List<OutboxMessage> batch) {
        // The Kafka client may block (metadata, buffer full): run it on a worker, come back on this context.
        return vertx.executeBlocking(Uni.createFrom().item(() -> publishAndAwaitAcks(batch)))
                .map(outcome -> {
                    Instant now = Instant.now();
                    outcome.sent().forEach(message -> message.sentAt = now);
                    outcome.parked().forEach((message, reason) -> {
                        message.parkedAt = now;
                        message.parkReason = reason;
                        LOG.errorf("Outbox relay of %s parked event %s (%s) of case %s, and the case's later events"
                                + " wait behind it: %s", serviceName, message.eventId, message.eventType,
                                message.caseNumber, reason);
                    });
                    metrics.published(outcome.sent());
                    return batch.size();
                });
    }

    /** What became of a batch: rows Kafka acknowledged, and rows it refused for good, with the reason. */
    record BatchOutcome(List<OutboxMessage> sent, Map<OutboxMessage, String> parked) {
    }

    private BatchOutcome publishAndAwaitAcks(List<OutboxMessage> batch) {
        Map<OutboxMessage, Future<RecordMetadata>> acks = new LinkedHashMap<>();
        Map<OutboxMessage, String> parked = new LinkedHashMap<>();
        Map<OutboxMessage, Span> spans = new LinkedHashMap<>();
        List<OutboxMessage> sent = new ArrayList<>(batch.size());
        Set<String> stoppedCases = new HashSet<>();
        try {
            for (OutboxMessage message : batch) {
                if (stoppedCases.contains(message.caseNumber)) {
                    continue; // behind a parked row of its case: stays unsent, in order
                }
                Span span = publishing(message);
                spans.put(message, span);
                Future<RecordMetadata> ack = producer.send(toRecord(message, Context.root().with(span)));
                // The client refuses an oversized record at once, before anything of it is on the wire.
                Throwable refused = failureOf(ack);
                if (refused != null && refusedForGood(refused)) {
                    parked.put(message, refused.toString());
                    stoppedCases.add(message.caseNumber);
                } else {
                    acks.put(message, ack);
                }
            }
            for (Map.Entry<OutboxMessage, Future<RecordMetadata>> ack : acks.entrySet()) {
                try {
                    ack.getValue().get(30, TimeUnit.SECONDS);
                    sent.add(ack.getKey());
                } catch (ExecutionException e) {
                    if (!refusedForGood(e.getCause())) {
                        throw new IllegalStateException("Kafka did not acknowledge the batch", e.getCause());
                    }
                    // Refused by the broker after the send: later rows of this case may already be out (see docs/events.md).
                    parked.put(ack.getKey(), e.getCause().toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while awaiting Kafka acks", e);
                } catch (TimeoutException e) {
                    throw new IllegalStateException("Kafka did not acknowledge the batch in time", e);
                }
            }
            return new BatchOutcome(sent, parked);
        } finally {
            spans.forEach((message, span) -> {
                if (parked.containsKey(message)) {
                    span.setStatus(StatusCode.ERROR, "parked: Kafka refused the record for good");
                } else if (!sent.contains(message)) {
                    span.setStatus(StatusCode.ERROR, "not acknowledged: the batch is sent again");
                }
                span.end();
            });
        }
    }

    /**
     * The producer span of one event's publication: a child of the span that appended it to the outbox, or the root
     * of a trace of its own when it was appended outside any (background work, or while tracing was off).
     */
    private Span publishing(OutboxMessage message) {
        return tracer.spanBuilder(message.topic + " publish")
                .setSpanKind(SpanKind.PRODUCER)
                .setParent(message.trace != null ? message.trace.context() : Context.root())
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation", "publish")
                .setAttribute("messaging.destination.name", message.topic)
                .setAttribute("messaging.message.id", message.eventId.toString())
                .setAttribute("messaging.kafka.message.key", message.caseNumber)
                .setAttribute("imrflow.case_number", message.caseNumber)
                .setAttribute("cloudevents.event_type", message.eventType)
                .startSpan();
    }

    private static Throwable failureOf(Future<RecordMetadata> ack) {
        if (!ack.isDone()) {
            return null;
        }
        try {
            ack.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Failures no retry can mend: the record itself is wrong for Kafka. Everything else is retried. */
    static boolean refusedForGood(Throwable failure) {
        return failure instanceof RecordTooLargeException
                || failure instanceof RecordBatchTooLargeException
                || failure instanceof InvalidTopicException
                || failure instanceof InvalidRecordException
                || failure instanceof SerializationException;
    }

    /**
     * The record of an event: a CloudEvent in binary mode, and the W3C trace context of {@code trace} (the producer
     * span) as the {@code traceparent} and {@code tracestate} headers, which the consumers' connectors read.
     */
    static ProducerRecord<String, String> toRecord(OutboxMessage message, Context trace) {
        ProducerRecord<String, String> record = new ProducerRecord<>(message.topic, message.caseNumber, message.payload);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", message.eventId.toString());
        header(record, "ce_type", message.eventType);
        header(record, "ce_source", message.eventSource);
        header(record, "ce_subject", message.caseNumber);
        header(record, "ce_time", message.occurredAt.toString());
        header(record, "content-type", "application/json");
        TraceParent.of(trace).ifPresent(parent -> parent.forEach((name, value) -> header(record, name, value)));
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The connectors' {@code kafka.*} client settings (bootstrap servers, security protocol, SASL, SSL, ...) that a
     * producer understands, with the relay's own guarantees on top.
     */
    static Properties producerConfig(Config config, String serviceName) {
        Properties producer = new Properties();
        Set<String> known = ProducerConfig.configNames();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("kafka.") && known.contains(name.substring("kafka.".length()))) {
                config.getOptionalValue(name, String.class)
                        .ifPresent(value -> producer.put(name.substring("kafka.".length()), value));
            }
        }
        producer.put(ProducerConfig.CLIENT_ID_CONFIG, serviceName + "-outbox-relay");
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producer.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        producer.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "1");
        producer.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
        producer.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        producer.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        producer.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(EventLimits.MAX_EVENT_BYTES));
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return producer;
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
