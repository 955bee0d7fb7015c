package org.imrflow.events.deadletter;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

/** The {@code dead_letter} table. Call inside a session. */
@ApplicationScoped
public class DeadLetterRepository implements PanacheRepositoryBase<DeadLetter, Long> {

    /** Newest first; {@code replayed} null means all of them. */
    public PanacheQuery<DeadLetter> newestFirst(Boolean replayed) {
        Sort newestFirst = Sort.descending("deadLetteredAt").and("id", Sort.Direction.Descending);
        if (replayed == null) {
            return findAll(newestFirst);
        }
        return find(replayed ? "replayedAt is not null" : "replayedAt is null", newestFirst);
    }
}
