package org.imrflow.events;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.imrflow.events.testing.TestDatabase;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The relay's sustained publish rate, against the real broker and database of the test stack. Not a test (surefire
 * runs *Test classes only): run it by name and read the figures it prints.
 *
 * <pre>./mvnw -o -pl events -am test -Dtest=OutboxRelayBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 *   -Dbenchmark.rows=20000</pre>
 *
 * It writes the rows straight into {@code event_outbox} in one transaction (a realistic case-ineligible payload,
 * 500 cases), so that only the relay is measured; the time is from that commit to the last row's {@code sent_at}.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "events"))
class OutboxRelayBenchmark {

    @Test
    void sustainedPublishRate() throws Exception {
        int rows = Integer.getInteger("benchmark.rows", 20_000);
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (Connection db = TestDatabase.connect()) {
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement("insert into event_outbox (event_id, topic, case_number,"
                    + " event_type, event_source, payload, occurred_at) values (?, ?, ?, ?, '/benchmark', ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    String caseNumber = String.format("CM26-%07d", 8_000_000 + i % 500);
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, EventType.CASE_INELIGIBLE.topic());
                    insert.setString(3, caseNumber);
                    insert.setString(4, EventType.CASE_INELIGIBLE.cloudEventType());
                    insert.setString(5, "{\"caseNumber\":\"" + caseNumber + "\",\"screenedAt\":\"2026-11-01T10:00:00Z\","
                            + "\"deferred\":false,\"reasons\":[\"benchmark " + run + " row " + i + ": the application was"
                            + " filed more than 30 days after the UR decision was served\"]}");
                    insert.setTimestamp(6, Timestamp.from(Instant.now()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            Instant committed = Instant.now();
            db.commit();
            long unsent = rows;
            Instant lastReport = committed;
            while (unsent > 0) {
                try (Statement query = db.createStatement();
                     ResultSet result = query.executeQuery("select count(*) from event_outbox where sent_at is null")) {
                    result.next();
                    unsent = result.getLong(1);
                }
                db.commit();
                if (Duration.between(lastReport, Instant.now()).toSeconds() >= 2) {
                    System.out.printf("  %d of %d rows still unsent%n", unsent, rows);
                    lastReport = Instant.now();
                }
                Thread.sleep(200); // a benchmark's poll: the figure comes from sent_at, not from this loop
            }
            Instant lastSent;
            try (Statement query = db.createStatement();
                 ResultSet result = query.executeQuery("select max(sent_at) from event_outbox")) {
                result.next();
                lastSent = result.getTimestamp(1).toInstant();
            }
            Duration took = Duration.between(committed, lastSent);
            System.out.printf("OUTBOX RELAY: %d rows published in %.1f s: %.0f rows/s%n", rows, took.toMillis() / 1000.0,
                    rows * 1000.0 / Math.max(1, took.toMillis()));
        }
    }
}
