package org.imrflow.events.deadletter;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Carries dead letters back to their source topics: reads each record from its dead-letter topic by partition and
 * offset, and sends its key, value and headers, less SmallRye's {@code dead-letter-*}, byte for byte to the topic the
 * consumer read it from. The same {@code ce_id} lets the consumer's inbox skip whatever it has processed already.
 *
 * <p>Blocking: call on a worker thread. The clients take every {@code kafka.*} property, as the connectors do (the
 * {@code default-kafka-broker} configuration: bootstrap servers, security protocol, SASL, SSL, TLS registry).
 */
@ApplicationScoped
public class DeadLetterCourier {
    private static final Logger LOG = Logger.getLogger(DeadLetterCourier.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> kafkaConfig;
    private final String clientId;
    private KafkaProducer<byte[], byte[]> producer;

    DeadLetterCourier(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                      @ConfigProperty(name = "quarkus.application.name") String serviceName) {
        this.kafkaConfig = Map.copyOf(kafkaConfig);
        this.clientId = serviceName + "-dead-letter-replay";
    }

    /**
     * Sends each dead letter back to its source topic and waits for Kafka's acks. Returns, by dead-letter id, the
     * failure of each one that did not go back; the others did.
     */
    Map<Long, RuntimeException> resend(List<DeadLetter> letters) {
        Map<Long, RuntimeException> failures = new LinkedHashMap<>();
        if (letters.isEmpty()) {
            return failures;
        }
        Map<Long, Future<RecordMetadata>> acks = new LinkedHashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig())) {
            for (DeadLetter letter : letters) {
                try {
                    acks.put(letter.id, producer().send(toSourceTopic(letter, readBack(consumer, letter))));
                } catch (DeadLetterNotReplayableException | ReplayFailedException e) {
                    failures.put(letter.id, e);
                } catch (RuntimeException e) {
                    failures.put(letter.id, new ReplayFailedException("Could not replay dead letter " + letter.id
                            + ": " + e, e));
                }
            }
        }
        acks.forEach((id, ack) -> {
            try {
                ack.get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.put(id, new ReplayFailedException("Interrupted while replaying dead letter " + id, e));
            } catch (Exception e) {
                failures.put(id, new ReplayFailedException("Kafka did not acknowledge replayed dead letter " + id
                        + ": " + e, e));
            }
        });
        return failures;
    }

    /** The dead letter as its consumer first read it: original key, value and headers, without dead-letter-*. */
    static ProducerRecord<byte[], byte[]> toSourceTopic(DeadLetter letter, ConsumerRecord<byte[], byte[]> record) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(ArrivedDeadLetter.PREFIX)) {
                headers.add(header);
            }
        }
        // No partition: the key (the case number) picks the same one as the original did.
        return new ProducerRecord<>(letter.sourceTopic, null, record.key(), record.value(), headers);
    }

    private ConsumerRecord<byte[], byte[]> readBack(KafkaConsumer<byte[], byte[]> consumer, DeadLetter letter) {
        if (letter.sourceTopic == null || letter.sourceTopic.contains(ArrivedDeadLetter.DLQ_INFIX)) {
            throw new DeadLetterNotReplayableException("Dead letter " + letter.id + " has no source topic to go back to"
                    + (letter.sourceTopic == null ? "" : " (" + letter.sourceTopic + " is itself a dead-letter topic)"));
        }
        TopicPartition partition = new TopicPartition(letter.dlqTopic, letter.dlqPartition);
        if (consumer.partitionsFor(letter.dlqTopic, READ_TIMEOUT).stream()
                .noneMatch(info -> info.partition() == letter.dlqPartition)) {
            throw gone(letter);
        }
        consumer.assign(List.of(partition));
        long first = consumer.beginningOffsets(List.of(partition)).get(partition);
        long end = consumer.endOffsets(List.of(partition)).get(partition);
        if (letter.dlqOffset < first || letter.dlqOffset >= end) {
            throw gone(letter);
        }
        consumer.seek(partition, letter.dlqOffset);
        Instant deadline = Instant.now().plus(READ_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200)).records(partition)) {
                if (record.offset() == letter.dlqOffset) {
                    return record;
                }
                if (record.offset() > letter.dlqOffset) {
                    throw gone(letter);
                }
            }
        }
        throw new ReplayFailedException("Timed out reading dead letter " + letter.id + " back from " + partition
                + " at offset " + letter.dlqOffset, null);
    }

    private static DeadLetterNotReplayableException gone(DeadLetter letter) {
        return new DeadLetterNotReplayableException("Dead letter " + letter.id + " is no longer on " + letter.dlqTopic
                + " partition " + letter.dlqPartition + " at offset " + letter.dlqOffset);
    }

    private synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig());
        }
        return producer;
    }

    void stop(@Observes ShutdownEvent shutdown) {
        KafkaProducer<byte[], byte[]> toClose;
        synchronized (this) {
            toClose = producer;
            producer = null;
        }
        if (toClose != null) {
            toClose.close(Duration.ofSeconds(5));
        }
    }

    Map<String, Object> producerConfig() {
        Map<String, Object> config = clientConfig(ProducerConfig.configNames(), ConsumerConfig.configNames());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return config;
    }

    Map<String, Object> consumerConfig() {
        Map<String, Object> config = clientConfig(ConsumerConfig.configNames(), ProducerConfig.configNames());
        // It reads by partition and offset (assign and seek): no group, so it never touches any group's offsets.
        config.keySet().removeIf(name -> name.startsWith("group."));
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return config;
    }

    /**
     * Every {@code kafka.*} property, less those only the other kind of client knows (the shared consumer session
     * timeout, say), which would only draw "not a known config" warnings. Unknown names, such as the TLS registry's
     * {@code tls-configuration-name}, pass through: plugins read them.
     */
    private Map<String, Object> clientConfig(Set<String> mine, Set<String> theirs) {
        Set<String> onlyTheirs = new HashSet<>(theirs);
        onlyTheirs.removeAll(mine);
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.keySet().removeAll(onlyTheirs);
        LOG.debugf("Dead-letter replay client config keys: %s", config.keySet());
        return config;
    }
}
