package org.imrflow.intake.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.imrflow.http.WriteConflicts;

import java.util.function.Supplier;

/**
 * A claims administrator's change to a case, in a transaction of its own. The case's own timers write to it in the
 * background (the notice going out, a deadline passing), so a request may lose a race it never saw: it is then
 * done again on the case as it now is, a few times, before the caller gets 409. The work re-reads the case and
 * re-checks every rule on each attempt.
 */
final class CaseWrites {
    private static final int ATTEMPTS = 4;

    private CaseWrites() {
    }

    static <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> Panache.withTransaction(work))
                .onFailure(WriteConflicts::isConflict).retry().atMost(ATTEMPTS - 1);
    }
}
