package org.imrflow.events;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.imrflow.events.timer.DueTimer;
import org.imrflow.events.timer.DurableTimers;
import org.imrflow.events.timer.TimerHandler;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Durable timers against real PostgreSQL: moved, cancelled, kept when their handler fails, and fired once under a race. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "events"))
class DurableTimersTest {
    private static final AtomicInteger CASES = new AtomicInteger(8_000_000);

    @Inject
    DurableTimers timers;

    private final ConcurrentLinkedQueue<DueTimer> fired = new ConcurrentLinkedQueue<>();
    private final TimerHandler recording = timer -> {
        fired.add(timer);
        return Uni.createFrom().voidItem();
    };

    private static String newCaseNumber() {
        return "CM26-" + CASES.incrementAndGet();
    }

    private static <T> T inTransaction(java.util.function.Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
    }

    private boolean fireNext(TimerHandler handler) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> timers.fireNext(handler));
    }

    private void fireEverythingDue() throws Throwable {
        while (fireNext(recording)) {
            // each call fires one timer
        }
    }

    private List<DueTimer> firedFor(String caseNumber) {
        return fired.stream().filter(timer -> timer.caseNumber().equals(caseNumber)).toList();
    }

    @Test
    void aTimerScheduledAgainMoves_andFiresOnceWhenDue() throws Throwable {
        String caseNumber = newCaseNumber();
        Instant later = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        inTransaction(() -> timers.schedule(caseNumber, "RECORDS_DUE", later));
        fireEverythingDue();
        assertEquals(List.of(), firedFor(caseNumber), "not due yet");

        Instant now = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        inTransaction(() -> timers.schedule(caseNumber, "RECORDS_DUE", now));
        assertEquals(List.of(new DueTimer(caseNumber, "RECORDS_DUE", now)),
                VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> timers.pending(caseNumber))));
        fireEverythingDue();
        fireEverythingDue();
        assertEquals(List.of(new DueTimer(caseNumber, "RECORDS_DUE", now)), firedFor(caseNumber));
        assertEquals(List.of(), VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> timers.pending(caseNumber))));
    }

    @Test
    void aHandlerThatMovesItsOwnTimerKeepsIt_andItFiresAgainWhenDue() throws Throwable {
        String caseNumber = newCaseNumber();
        Instant due = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        Instant retry = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        inTransaction(() -> timers.schedule(caseNumber, "delivery:1", due));
        TimerHandler retrying = timer -> timer.caseNumber().equals(caseNumber)
                ? recording.fire(timer).chain(() -> timers.schedule(caseNumber, "delivery:1", retry))
                : recording.fire(timer);
        while (fireNext(retrying)) {
            // fires every due timer once; ours moves itself an hour on
        }
        assertEquals(List.of(new DueTimer(caseNumber, "delivery:1", due)), firedFor(caseNumber));
        assertEquals(List.of(new DueTimer(caseNumber, "delivery:1", retry)),
                VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> timers.pending(caseNumber))));
    }

    @Test
    void aCancelledTimerNeverFires() throws Throwable {
        String caseNumber = newCaseNumber();
        Instant due = Instant.now().minusSeconds(1);
        inTransaction(() -> timers.schedule(caseNumber, "NOTICE_DUE", due)
                .chain(() -> timers.schedule(caseNumber, "RECORDS_DUE", due))
                .chain(() -> timers.cancel(caseNumber, List.of("NOTICE_DUE", "RECORDS_DUE"))));
        fireEverythingDue();
        assertEquals(List.of(), firedFor(caseNumber));
    }

    @Test
    void aTimerWhoseHandlerFailsIsPutBackALittle_theTimersBehindItStillFire_andItFiresOnceDueAgain() throws Throwable {
        String failingCase = newCaseNumber();
        String behind = newCaseNumber();
        Instant due = Instant.now().minusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        inTransaction(() -> timers.schedule(failingCase, "RECORDS_DUE", due)
                .chain(() -> timers.schedule(behind, "RECORDS_DUE", due.plusMillis(1))));
        TimerHandler failing = timer -> timer.caseNumber().equals(failingCase)
                ? Uni.createFrom().failure(new IllegalStateException("mail server down"))
                : recording.fire(timer);
        while (fireNext(failing)) {
            // every due timer once; ours fails and is put back
        }
        assertEquals(1, firedFor(behind).size(), "the timer behind the failing one fired");
        assertEquals(List.of(), firedFor(failingCase));
        List<DueTimer> pending = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> timers.pending(failingCase)));
        assertEquals(1, pending.size(), "the failing timer stays");
        assertTrue(pending.get(0).dueAt().isAfter(Instant.now()), "and is due again a little later");

        inTransaction(() -> timers.schedule(failingCase, "RECORDS_DUE", Instant.now().minusSeconds(1)));
        fireEverythingDue();
        assertEquals(1, firedFor(failingCase).size());
    }

    @Test
    void manyPollersAtOnceFireEveryTimerExactlyOnce() throws Exception {
        List<String> cases = IntStream.range(0, 40).mapToObj(i -> newCaseNumber()).toList();
        try {
            inTransaction(() -> {
                Uni<Void> all = Uni.createFrom().voidItem();
                for (String caseNumber : cases) {
                    all = all.chain(() -> timers.schedule(caseNumber, "DETERMINATION_OVERDUE", Instant.now().minusSeconds(1)));
                }
                return all;
            });
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        ExecutorService pollers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int poller = 0; poller < 4; poller++) {
                running.add(pollers.submit(() -> {
                    try {
                        fireEverythingDue();
                    } catch (Throwable e) {
                        throw new AssertionError(e);
                    }
                    return null;
                }));
            }
            for (Future<?> poller : running) {
                poller.get();
            }
        } finally {
            pollers.shutdownNow();
        }
        for (String caseNumber : cases) {
            assertEquals(1, firedFor(caseNumber).size(), caseNumber + " fired " + firedFor(caseNumber).size() + " times");
        }
    }
}
