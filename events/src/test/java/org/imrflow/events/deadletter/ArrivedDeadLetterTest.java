package org.imrflow.events.deadletter;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Reading SmallRye's dead-letter headers, and what replay sends. */
class ArrivedDeadLetterTest {
    private static final String DLQ = "imr.case-received.dlq.assignment-service";
    private static final Instant WHEN = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    void readsSmallRyesHeadersAndTheEnvelope() {
        RecordHeaders headers = new RecordHeaders();
        add(headers, "dead-letter-exception-class-name", "org.imrflow.events.inbox.InvalidEventException");
        add(headers, "dead-letter-reason", "payload is not JSON");
        add(headers, "dead-letter-topic", "imr.case-received");
        add(headers, "dead-letter-partition", "2");
        add(headers, "dead-letter-offset", "41");
        add(headers, "ce_id", "6f1c2d9e-0000-4000-8000-000000000001");
        add(headers, "ce_type", "org.imrflow.case-received.v1");
        add(headers, "ce_subject", "CM26-0000001");

        ArrivedDeadLetter letter = ArrivedDeadLetter.of(DLQ, 1, 7, "CM26-0000001", headers, WHEN);

        assertEquals(new ArrivedDeadLetter(DLQ, 1, 7, "imr.case-received", 2, 41L,
                "6f1c2d9e-0000-4000-8000-000000000001", "org.imrflow.case-received.v1", "CM26-0000001",
                "payload is not JSON", "org.imrflow.events.inbox.InvalidEventException", WHEN), letter);
    }

    @Test
    void smallRyesOwnHeadersComeBeforeAnyCopiedFromTheOriginal() {
        // SmallRye adds its headers first, then copies the original's: a record dead-lettered before carries old ones.
        RecordHeaders headers = new RecordHeaders();
        add(headers, "dead-letter-reason", "this time");
        add(headers, "dead-letter-offset", "99");
        add(headers, "dead-letter-reason", "last time");
        add(headers, "dead-letter-offset", "12");

        ArrivedDeadLetter letter = ArrivedDeadLetter.of(DLQ, 0, 3, "CM26-0000001", headers, WHEN);

        assertEquals("this time", letter.reason());
        assertEquals(99L, letter.sourceOffset());
    }

    @Test
    void withoutHeadersTheSourceTopicComesFromTheNameAndTheCaseNumberFromTheKey() {
        ArrivedDeadLetter letter = ArrivedDeadLetter.of(DLQ, 0, 3, "CM26-0000001", new RecordHeaders(), WHEN);

        assertEquals("imr.case-received", letter.sourceTopic());
        assertEquals("CM26-0000001", letter.caseNumber());
        assertNull(letter.eventId());
        assertNull(letter.reason());
        assertNull(letter.sourcePartition());
        assertNull(ArrivedDeadLetter.of("somewhere-else", 0, 3, null, new RecordHeaders(), WHEN).sourceTopic());
    }

    @Test
    void replaySendsKeyValueAndHeadersUnchangedLessTheDeadLetterOnes() {
        RecordHeaders headers = new RecordHeaders();
        add(headers, "dead-letter-reason", "payload is not JSON");
        add(headers, "dead-letter-topic", "imr.case-received");
        add(headers, "ce_id", "6f1c2d9e-0000-4000-8000-000000000001");
        add(headers, "ce_subject", "CM26-0000001");
        add(headers, "content-type", "application/json");
        byte[] key = "CM26-0000001".getBytes(StandardCharsets.UTF_8);
        byte[] value = "{\"caseNumber\":\"CM26-0000001\"}".getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<byte[], byte[]> onDlq = new ConsumerRecord<>(DLQ, 1, 7, WHEN.toEpochMilli(),
                TimestampType.CREATE_TIME, key.length, value.length, key, value, headers, Optional.empty());
        DeadLetter letter = new DeadLetter();
        letter.id = 5L;
        letter.sourceTopic = "imr.case-received";

        ProducerRecord<byte[], byte[]> replay = DeadLetterCourier.toSourceTopic(letter, onDlq);

        assertEquals("imr.case-received", replay.topic());
        assertNull(replay.partition(), "the key picks the partition, as it did for the original");
        assertArrayEquals(key, replay.key());
        assertArrayEquals(value, replay.value());
        List<String> names = new ArrayList<>();
        for (Header header : replay.headers()) {
            names.add(header.key());
        }
        assertEquals(List.of("ce_id", "ce_subject", "content-type"), names);
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
