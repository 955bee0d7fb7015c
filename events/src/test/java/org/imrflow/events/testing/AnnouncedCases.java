package org.imrflow.events.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.imrflow.events.EventSchemas;
import org.imrflow.events.EventType;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * For fuzz tests, which create many cases at once: waits until every case has an event of its expected type on the
 * stream, and checks every event about those cases against its JSON Schema. One pass over each topic per poll,
 * rather than one per case.
 */
public final class AnnouncedCases {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AnnouncedCases() {
    }

    /** {@code expected}: case number to the type of event it must have. Throws AssertionError naming what is wrong. */
    public static void assertAnnounced(EventStreamProbe stream, Map<String, EventType> expected) {
        Set<EventType> types = new HashSet<>(expected.values());
        Map<String, EventType> seen = new HashMap<>();
        List<String> invalid = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        do {
            seen.clear();
            invalid.clear();
            for (EventType type : types) {
                for (ConsumerRecord<String, String> record : stream.readRaw(type.topic(), Duration.ofMillis(500))) {
                    if (type.equals(expected.get(record.key()))) {
                        seen.put(record.key(), type);
                        violations(type, record, invalid);
                    }
                }
            }
        } while (!seen.keySet().containsAll(expected.keySet()) && Instant.now().isBefore(deadline));
        Set<String> missing = new HashSet<>(expected.keySet());
        missing.removeAll(seen.keySet());
        if (!missing.isEmpty() || !invalid.isEmpty()) {
            throw new AssertionError("Of " + expected.size() + " cases, not announced: " + missing
                    + "; announced with an invalid event: " + invalid);
        }
    }

    private static void violations(EventType type, ConsumerRecord<String, String> record, List<String> invalid) {
        try {
            List<String> violations = EventSchemas.violations(type, JSON.readTree(record.value()));
            if (!violations.isEmpty()) {
                invalid.add(type.topic() + " " + record.key() + ": " + violations + " in " + record.value());
            }
        } catch (IOException e) {
            invalid.add(type.topic() + " " + record.key() + ": not JSON: " + record.value());
        }
    }
}
