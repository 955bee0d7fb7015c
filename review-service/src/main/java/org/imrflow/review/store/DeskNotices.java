package org.imrflow.review.store;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.imrflow.review.domain.DeskNoticeKind;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The notices of each reviewer's desk, written in the transaction of the change they tell of. A reviewer's notices
 * are numbered without gaps by their {@code desk_sequence} row: the increment locks it to commit, so a reviewer's
 * notices also commit in number order, and a page that saw notice n has missed nothing before it. The transaction
 * sends {@code pg_notify} too, which PostgreSQL delivers at commit to every replica listening (see DeskLive).
 */
@ApplicationScoped
public class DeskNotices {
    /** The LISTEN/NOTIFY channel; the payload is the reviewer id. */
    public static final String CHANNEL = "imrflow_desk";
    /** The most notices one read returns; a page further behind reads again. */
    public static final int MOST_PER_READ = 200;

    /** One notice as the page gets it: which case, what happened, when. */
    public record Notice(long seq, DeskNoticeKind kind, String caseNumber, Instant at) {
    }

    private final Clock clock;

    DeskNotices(Clock clock) {
        this.clock = clock;
    }

    /** Call inside the transaction of the change. */
    public Uni<Void> append(String reviewerId, String caseNumber, DeskNoticeKind kind) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        with next as (
                            insert into desk_sequence (reviewer_id, last_seq) values (:reviewer, 1)
                            on conflict (reviewer_id) do update set last_seq = desk_sequence.last_seq + 1
                            returning last_seq)
                        insert into desk_notice (reviewer_id, seq, case_number, kind, at)
                        select :reviewer, last_seq, :caseNumber, :kind, :at from next""")
                .setParameter("reviewer", reviewerId)
                .setParameter("caseNumber", caseNumber)
                .setParameter("kind", kind.name())
                .setParameter("at", clock.instant().atOffset(ZoneOffset.UTC))
                .executeUpdate()
                .chain(() -> session.createNativeQuery("select cast(pg_notify(:channel, :reviewer) as text)", String.class)
                        .setParameter("channel", CHANNEL)
                        .setParameter("reviewer", reviewerId)
                        .getSingleResult()))
                .replaceWithVoid();
    }

    /** The reviewer's last notice's number, 0 before the first. Call inside a session. */
    public Uni<Long> lastSeq(String reviewerId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select last_seq from desk_sequence where reviewer_id = :reviewer", Long.class)
                .setParameter("reviewer", reviewerId)
                .getResultList())
                .map(found -> found.isEmpty() ? 0L : found.get(0));
    }

    /** The reviewer's notices after {@code seq}, oldest first, at most {@link #MOST_PER_READ}. Call inside a session. */
    public Uni<List<Notice>> after(String reviewerId, long seq) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select seq, kind, case_number, at from desk_notice where reviewer_id = :reviewer and seq > :seq"
                                + " order by seq limit " + MOST_PER_READ, Object[].class)
                .setParameter("reviewer", reviewerId)
                .setParameter("seq", seq)
                .getResultList())
                .map(rows -> rows.stream().map(DeskNotices::notice).toList());
    }

    private static Notice notice(Object[] row) {
        Object at = row[3];
        return new Notice(((Number) row[0]).longValue(), DeskNoticeKind.valueOf((String) row[1]), (String) row[2],
                at instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) at);
    }
}
