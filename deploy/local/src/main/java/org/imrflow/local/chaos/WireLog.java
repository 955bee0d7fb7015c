package org.imrflow.local.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Every record of every {@code imr.*} topic, read from the beginning with a plain consumer (no group, nothing
 * committed): per case and topic, the distinct CloudEvents ids with the time each was first written, plus the
 * dead letters. A redelivered copy of one {@code ce_id} is one event; two ids for one case on one topic are two.
 */
public final class WireLog {
    static final List<String> STEPS = List.of("imr.case-received", "imr.reviewer-assigned", "imr.decision-recorded",
            "imr.letter-issued");
    /**
     * Events a case has exactly one of in a chaos run: the steps, and the Notice of Assignment intake's timer sends
     * (a timer fired by two replicas, or twice after a crash, would put a second one here).
     */
    static final List<String> ONCE_PER_CASE = java.util.stream.Stream.concat(STEPS.stream(),
            java.util.stream.Stream.of("imr.notice-of-assignment-sent")).toList();

    record DeadLetter(String topic, String caseNumber, String ceId, String reason, long timestamp) {
    }

    /** Case number -> topic -> ce_id -> timestamp of its first copy. */
    private final Map<String, Map<String, LinkedHashMap<String, Long>>> events = new HashMap<>();
    private final Map<String, String> claimOfCase = new HashMap<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private long records;

    static WireLog read(String bootstrapServers) {
        Properties config = readerConfig(bootstrapServers, "chaos-wire-check");
        WireLog log = new WireLog();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.listTopics(Duration.ofSeconds(30)).forEach((topic, infos) -> {
                if (topic.startsWith("imr.")) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            });
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.currentTimeMillis() + 120_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(30)) < end.get(p))) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("Could not read the imr.* topics to their end within 120 s");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(log::add);
            }
        }
        return log;
    }

    /** A consumer that reads what is committed, in no group, committing nothing: a bystander on the wire. */
    public static Properties readerConfig(String bootstrapServers, String clientId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return config;
    }

    private void add(ConsumerRecord<String, String> record) {
        records++;
        String ceId = header(record, "ce_id");
        String caseNumber = record.key() != null ? record.key() : header(record, "ce_subject");
        if (record.topic().contains(".dlq.")) {
            deadLetters.add(new DeadLetter(record.topic(), caseNumber, ceId, header(record, "dead-letter-reason"),
                    record.timestamp()));
            return;
        }
        if (caseNumber == null) {
            return;
        }
        events.computeIfAbsent(caseNumber, c -> new HashMap<>())
                .computeIfAbsent(record.topic(), t -> new LinkedHashMap<>())
                .putIfAbsent(ceId == null ? "(no ce_id, offset " + record.offset() + ")" : ceId, record.timestamp());
        if (record.topic().equals("imr.case-received") && record.value() != null) {
            try {
                JsonNode payload = Workload.tree(record.value());
                claimOfCase.putIfAbsent(caseNumber, payload.path("claimNumber").asText(null));
            } catch (RuntimeException notJson) {
                // counted as an event all the same; the claim number stays unknown
            }
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The distinct event ids of a case on a topic, in the order first seen, with their timestamps. */
    Map<String, Long> ids(String caseNumber, String topic) {
        return events.getOrDefault(caseNumber, Map.of()).getOrDefault(topic, new LinkedHashMap<>());
    }

    /** Case numbers whose case-received carried this claim number. */
    List<String> casesOfClaim(String claimNumber) {
        return claimOfCase.entrySet().stream().filter(e -> claimNumber.equals(e.getValue())).map(Map.Entry::getKey).sorted().toList();
    }

    List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }

    List<DeadLetter> deadLetters(String caseNumber) {
        return deadLetters.stream().filter(d -> caseNumber.equals(d.caseNumber())).toList();
    }

    long records() {
        return records;
    }
}
