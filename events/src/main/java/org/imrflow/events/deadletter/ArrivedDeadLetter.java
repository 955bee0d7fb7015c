package org.imrflow.events.deadletter;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The metadata of a record read off a dead-letter topic, taken from its headers and never from its value.
 *
 * <p>SmallRye's {@code KafkaDeadLetterQueue} (smallrye-reactive-messaging-kafka 4.29) builds the dead letter with
 * the original key and value, adds its own headers first ({@value #EXCEPTION_CLASS}, {@value #REASON}, then
 * {@value #CAUSE_CLASS} and {@value #CAUSE} when the exception has a cause, then {@value #TOPIC}, {@value #PARTITION}
 * and {@value #OFFSET} of the record the consumer read) and only then copies every header of the original record,
 * {@code ce_*} included. So a record that was dead-lettered before carries older {@code dead-letter-*} headers after
 * the new ones: this reads the first of each, and replay strips them all.
 */
record ArrivedDeadLetter(String dlqTopic, int dlqPartition, long dlqOffset, String sourceTopic,
                         Integer sourcePartition, Long sourceOffset, String eventId, String eventType,
                         String caseNumber, String reason, String exceptionClass, Instant deadLetteredAt) {

    static final String PREFIX = "dead-letter-";
    static final String EXCEPTION_CLASS = "dead-letter-exception-class-name";
    static final String REASON = "dead-letter-reason";
    static final String CAUSE_CLASS = "dead-letter-cause-class-name";
    static final String CAUSE = "dead-letter-cause";
    static final String TOPIC = "dead-letter-topic";
    static final String PARTITION = "dead-letter-partition";
    static final String OFFSET = "dead-letter-offset";
    /** Dead-letter topics are named {@code <topic>.dlq.<service>}. */
    static final String DLQ_INFIX = ".dlq.";

    static ArrivedDeadLetter of(String dlqTopic, int dlqPartition, long dlqOffset, String key, Headers headers,
                                Instant timestamp) {
        String sourceTopic = first(headers, TOPIC);
        if (sourceTopic == null && dlqTopic.contains(DLQ_INFIX)) {
            sourceTopic = dlqTopic.substring(0, dlqTopic.lastIndexOf(DLQ_INFIX));
        }
        String subject = last(headers, "ce_subject");
        return new ArrivedDeadLetter(dlqTopic, dlqPartition, dlqOffset, sourceTopic,
                parseInt(first(headers, PARTITION)), parseLong(first(headers, OFFSET)),
                last(headers, "ce_id"), last(headers, "ce_type"), subject != null ? subject : key,
                first(headers, REASON), first(headers, EXCEPTION_CLASS),
                timestamp != null && timestamp.toEpochMilli() >= 0 ? timestamp : Instant.now());
    }

    private static String first(Headers headers, String name) {
        for (Header header : headers.headers(name)) {
            return text(header);
        }
        return null;
    }

    private static String last(Headers headers, String name) {
        return text(headers.lastHeader(name));
    }

    private static String text(Header header) {
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Integer parseInt(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long parseLong(String value) {
        try {
            return value == null ? null : Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
