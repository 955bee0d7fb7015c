package org.imrflow.events.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.imrflow.events.EventSchemas;
import org.imrflow.events.EventType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Reads what services put on the real event stream, for tests: every record returned has been checked for its
 * CloudEvents envelope and against its JSON Schema, so a test that reads an event also proves the event valid.
 */
public final class EventStreamProbe {
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final String bootstrapServers;

    public EventStreamProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** The broker of the running {@code @QuarkusTest}: its {@code kafka.bootstrap.servers}. */
    public static EventStreamProbe ofTestConfig() {
        return new EventStreamProbe(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("kafka.bootstrap.servers", String.class));
    }

    /** A record read off a topic: the envelope and the parsed payload. */
    public record StreamEvent(EventType type, String caseNumber, String id, String source, long offset,
                              int partition, long timestamp, JsonNode payload) {
    }

    /** Waits for the first event of the type about the case, and checks it. */
    public StreamEvent awaitEvent(EventType type, String caseNumber) {
        return awaitEvents(type, caseNumber, 1).get(0);
    }

    /**
     * Waits until the topic holds at least {@code count} events about the case, then reads on to the end of the
     * topic as it is at that moment: a duplicate already written is returned too, so a test can assert exactly
     * {@code count}. One consumer reads forward with blocking polls; nothing is read twice.
     */
    public List<StreamEvent> awaitEvents(EventType type, String caseNumber, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        List<StreamEvent> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = fromTheBeginning(type.topic())) {
            while (found.size() < count) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("Expected " + count + " " + type.topic() + " events for " + caseNumber
                            + " but found " + found.size());
                }
                collect(consumer.poll(Duration.ofMillis(200)), type, caseNumber, found);
            }
            var end = consumer.endOffsets(consumer.assignment());
            while (!caughtUp(consumer, end) && Instant.now().isBefore(deadline)) {
                collect(consumer.poll(Duration.ofMillis(200)), type, caseNumber, found);
            }
        }
        return found;
    }

    private static void collect(Iterable<ConsumerRecord<String, String>> records, EventType type, String caseNumber,
                                List<StreamEvent> found) {
        for (ConsumerRecord<String, String> record : records) {
            if (caseNumber.equals(record.key())) {
                found.add(check(type, record));
            }
        }
    }

    /** Every event about the case on the type's topic, from the beginning, checked. */
    public List<StreamEvent> readAll(EventType type, String caseNumber) {
        return readRaw(type.topic(), Duration.ofMillis(500)).stream()
                .filter(record -> caseNumber.equals(record.key()))
                .map(record -> check(type, record))
                .toList();
    }

    /** Raw records of any topic from the beginning to its end as it is now, e.g. a dead-letter topic. */
    public List<ConsumerRecord<String, String>> readRaw(String topic, Duration pollFor) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = fromTheBeginning(topic)) {
            var end = consumer.endOffsets(consumer.assignment());
            Instant deadline = Instant.now().plus(pollFor).plusSeconds(10);
            while (!caughtUp(consumer, end) && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        }
        return records;
    }

    private KafkaConsumer<String, String> fromTheBeginning(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /**
     * Puts an event on the stream as a producing service would (CloudEvents binary mode, keyed by case number), for
     * tests of consumers. Returns the event id.
     */
    public UUID publish(EventType type, String caseNumber, Object payload) {
        return publish(type, caseNumber, payload, Instant.now());
    }

    /** Publishes an event as if its producer had written it at {@code occurredAt} (its {@code ce_time}). */
    public UUID publish(EventType type, String caseNumber, Object payload, Instant occurredAt) {
        UUID id = UUID.randomUUID();
        try {
            publishRaw(type.topic(), caseNumber, JSON.writeValueAsString(payload), Map.of(
                    "ce_specversion", "1.0",
                    "ce_id", id.toString(),
                    "ce_type", type.cloudEventType(),
                    "ce_source", "/event-stream-probe",
                    "ce_subject", caseNumber,
                    "ce_time", occurredAt.toString(),
                    "content-type", "application/json"));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
        return id;
    }

    /** Any record, headers as given: for poison messages and redeliveries. */
    public void publishRaw(String topic, String key, String value, Map<String, String> headers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, headerValue) -> record.headers().add(name, headerValue.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, java.util.Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static StreamEvent check(EventType type, ConsumerRecord<String, String> record) {
        assertEquals("1.0", header(record, "ce_specversion"), "ce_specversion", record);
        assertEquals(type.cloudEventType(), header(record, "ce_type"), "ce_type", record);
        assertEquals(record.key(), header(record, "ce_subject"), "ce_subject is the key (case number)", record);
        assertEquals("application/json", header(record, "content-type"), "content-type", record);
        String id = header(record, "ce_id");
        UUID.fromString(id);
        try {
            JsonNode payload = JSON.readTree(record.value());
            List<String> violations = EventSchemas.violations(type, payload);
            if (!violations.isEmpty()) {
                throw new AssertionError(type.topic() + " record at offset " + record.offset()
                        + " violates its schema: " + violations + "\n" + record.value());
            }
            return new StreamEvent(type, record.key(), id, header(record, "ce_source"), record.offset(),
                    record.partition(), record.timestamp(), payload);
        } catch (java.io.IOException e) {
            throw new AssertionError("Not JSON on " + type.topic() + ": " + record.value(), e);
        }
    }

    private static void assertEquals(String expected, String actual, String what, ConsumerRecord<?, ?> record) {
        if (!expected.equals(actual)) {
            throw new AssertionError(what + ": expected " + expected + " but was " + actual + " on " + record.topic()
                    + " at offset " + record.offset());
        }
    }
}
