package org.imrflow.events;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.imrflow.events.outbox.Outbox;
import org.imrflow.events.outbox.OutboxMetrics;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.events.testing.LargestEvents;
import org.imrflow.events.testing.TestDatabase;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The relay against real PostgreSQL and Kafka: commit order per case, parking, the largest event, retention. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "events"))
class OutboxRelayTest {
    private static final AtomicInteger CASES = new AtomicInteger(9_200_000);
    /** The relay's leader lock ("IMR" "OUT"): holding it keeps the relay from publishing. */
    private static final long RELAY_LEADER_LOCK = 0x494D52_4F5554L;
    /** A lock of the test's own that holds the first writer's commit back. */
    private static final long GATE = 0x7E57_0001L;

    @Inject
    Outbox outbox;

    @Inject
    OutboxMetrics metrics;

    @Inject
    Retention retention;

    private final EventStreamProbe probe = EventStreamProbe.ofTestConfig();

    @Test
    void twoTransactionsOnOneCaseArePublishedInCommitOrderEvenWhenTheFirstToWriteCommitsLast() throws Exception {
        String caseNumber = newCaseNumber();
        List<String> commitOrder;
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try (Connection db = TestDatabase.connect(); Statement hold = db.createStatement();
             Connection gate = TestDatabase.connect(); Statement shut = gate.createStatement()) {
            db.setAutoCommit(false);
            hold.execute("select pg_advisory_xact_lock(" + RELAY_LEADER_LOCK + ")"); // the relay waits until we let go
            gate.setAutoCommit(false);
            shut.execute("select pg_advisory_xact_lock(" + GATE + ")"); // the first writer waits on this before commit

            CompletableFuture<Void> firstWrote = new CompletableFuture<>();
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> inTransaction(() -> outbox
                    .append(EventType.CASE_INELIGIBLE, caseNumber, ineligible(caseNumber, "first"))
                    .invoke(() -> firstWrote.complete(null))
                    .chain(() -> Panache.getSession().chain(session -> session
                            .createNativeQuery("select cast(pg_advisory_xact_lock(" + GATE + ") as text)", String.class)
                            .getSingleResult()))
                    .replaceWithVoid()), writers);
            firstWrote.join();
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> inTransaction(() -> outbox
                    .append(EventType.CASE_INELIGIBLE, caseNumber, ineligible(caseNumber, "second"))), writers);
            // The first cannot commit until the gate opens. So either the second commits now, before the first, or
            // it waits for the case's lock (the fix), and then commits after the first.
            await().atMost(Duration.ofSeconds(30)).until(() -> second.isDone() || waitingForAdvisoryLocks(db) >= 2);
            commitOrder = second.isDone() ? List.of("second", "first") : List.of("first", "second");
            gate.rollback(); // the first writer commits now
            CompletableFuture.allOf(first, second).join();
            db.rollback(); // lets the relay go
        } finally {
            writers.shutdownNow();
        }
        List<String> onTheWire = probe.awaitEvents(EventType.CASE_INELIGIBLE, caseNumber, 2).stream()
                .map(e -> e.payload().get("reasons").get(0).asText()).toList();
        assertEquals(commitOrder, onTheWire, "per-case order on the wire is commit order");
    }

    @Test
    void anEventKafkaRefusesForGoodIsParkedItsCaseWaitsAndOtherCasesFlow() throws Exception {
        String stuck = newCaseNumber();
        String flowing = newCaseNumber();
        // Over Kafka's 1 MiB request limit: no valid event is this large, but a bug or a migration could make one.
        inTransaction(() -> outbox.append(EventType.CASE_INELIGIBLE, stuck, ineligible(stuck, "x".repeat(1_100_000))));
        inTransaction(() -> outbox.append(EventType.CASE_INELIGIBLE, stuck, ineligible(stuck, "behind it")));
        inTransaction(() -> outbox.append(EventType.CASE_INELIGIBLE, flowing, ineligible(flowing, "other case")));

        probe.awaitEvent(EventType.CASE_INELIGIBLE, flowing);
        assertEquals(List.of(), probe.readRaw(EventType.CASE_INELIGIBLE.topic(), Duration.ofMillis(200)).stream()
                .filter(r -> stuck.equals(r.key())).toList(), "nothing of the stuck case went out, in or out of order");
        try (Connection db = TestDatabase.connect(); Statement query = db.createStatement();
             ResultSet rows = query.executeQuery("select park_reason, parked_at is not null, sent_at is not null"
                     + " from event_outbox where case_number = '" + stuck + "' order by id")) {
            assertTrue(rows.next());
            assertTrue(rows.getString(1).contains("RecordTooLargeException"), rows.getString(1));
            assertTrue(rows.getBoolean(2));
            assertTrue(rows.next());
            assertTrue(!rows.getBoolean(2) && !rows.getBoolean(3), "the later row waits, neither parked nor sent");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> metrics.parked() >= 1);
    }

    @Test
    void theLargestValidDeterminationIsPublished() throws Exception {
        String caseNumber = newCaseNumber();
        inTransaction(() -> outbox.append(EventType.DECISION_RECORDED, caseNumber, LargestEvents.determination(caseNumber)));
        EventStreamProbe.StreamEvent published = probe.awaitEvent(EventType.DECISION_RECORDED, caseNumber);
        assertEquals(EventLimits.DISPUTED_ITEMS, published.payload().get("decisions").size());
    }

    @Test
    void sentRowsAndInboxEntriesPastRetentionArePrunedAndNewerOnesKept() throws Throwable {
        try (Connection db = TestDatabase.connect(); Statement sql = db.createStatement()) {
            sql.execute("insert into event_outbox (event_id, topic, case_number, event_type, event_source, payload,"
                    + " occurred_at, sent_at) values (gen_random_uuid(), 'imr.case-ineligible', 'CM26-9999998',"
                    + " 'org.imrflow.case-ineligible.v1', '/test', '{}', now() - interval '9 days', now() - interval '8 days')");
            sql.execute("insert into processed_event (event_id, consumer, event_type, case_number, processed_at)"
                    + " values (gen_random_uuid(), 'old', 't', 'CM26-9999998', now() - interval '8 days'),"
                    + " (gen_random_uuid(), 'recent', 't', 'CM26-9999998', now() - interval '6 days')");
        }
        long pruned = VertxContextSupport.subscribeAndAwait(() -> retention.prune());
        assertTrue(pruned >= 2, "pruned " + pruned);
        try (Connection db = TestDatabase.connect(); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("select (select count(*) from event_outbox where case_number = 'CM26-9999998'),"
                     + " (select string_agg(consumer, ',') from processed_event where case_number = 'CM26-9999998')")) {
            rows.next();
            assertEquals(0, rows.getLong(1));
            assertEquals("recent", rows.getString(2));
        }
    }

    /** Sessions waiting for an advisory lock: the first writer at the gate, and the second at the case's lock. */
    private static long waitingForAdvisoryLocks(Connection db) throws Exception {
        try (Statement query = db.createStatement();
             ResultSet rows = query.executeQuery("select count(*) from pg_locks where locktype = 'advisory' and not granted")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void inTransaction(java.util.function.Supplier<Uni<Void>> work) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static CaseIneligible ineligible(String caseNumber, String reason) {
        return new CaseIneligible(caseNumber, Instant.now(), false, List.of(reason));
    }

    private static String newCaseNumber() {
        return "CM26-" + CASES.incrementAndGet();
    }
}
