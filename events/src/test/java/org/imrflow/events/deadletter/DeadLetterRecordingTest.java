package org.imrflow.events.deadletter;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The office against real PostgreSQL: a dead letter delivered twice (a rebalance, a restart) is one row. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "events"))
class DeadLetterRecordingTest {
    private static final String DLQ = "imr.case-received.dlq.recording-test";

    @Inject
    DeadLetterOffice office;

    @Inject
    org.flywaydb.core.Flyway flyway;

    /**
     * V1.2 (this table) reaches databases where a service already applied its V2 and up; Flyway refuses a migration
     * older than the newest applied one unless out of order is on. The events jar's microprofile-config.properties
     * turns it on for every service.
     */
    @Test
    void theEventsMigrationsMayArriveAfterAServicesOwn() {
        assertTrue(flyway.getConfiguration().isOutOfOrder());
    }

    @Test
    void aRedeliveredDeadLetterIsRecordedOnce() throws Throwable {
        long offset = ThreadLocalRandom.current().nextLong(1_000_000_000L);
        ArrivedDeadLetter letter = ArrivedDeadLetter.of(DLQ, 2, offset, "CM26-0000001", new RecordHeaders(),
                Instant.parse("2026-11-01T10:00:00Z"));

        assertTrue(VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> office.record(letter))));
        assertFalse(VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> office.record(letter))));

        long rows = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("select count(*) from dead_letter where dlq_topic = :topic"
                                + " and dlq_partition = 2 and dlq_offset = :offset", Long.class)
                        .setParameter("topic", DLQ)
                        .setParameter("offset", offset)
                        .getSingleResult())));
        assertEquals(1L, rows);

        // Not a real dead letter: leave nothing for the other tests' replays.
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("delete from dead_letter where dlq_topic = :topic")
                        .setParameter("topic", DLQ)
                        .executeUpdate())));
    }
}
