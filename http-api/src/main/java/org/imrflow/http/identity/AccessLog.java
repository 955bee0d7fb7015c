package org.imrflow.http.identity;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.imrflow.http.ListFilter;

import java.time.Clock;

/**
 * The record of who read protected health information: every read of a case, a review or a letter by a person is
 * written to {@code access_log} in the service's own database before the answer goes out, so that an answer
 * nobody logged is never given. Operations read it at {@code /api/access-log}.
 */
@ApplicationScoped
public class AccessLog {
    private static final int MAX_REQUEST = 500;

    private final HttpServerRequest request;
    private final Clock clock;

    AccessLog(HttpServerRequest request, Clock clock) {
        this.request = request;
        this.clock = clock;
    }

    /** Call inside a session, once what is read has been found and the caller may see it. */
    public Uni<Void> read(Caller caller, String what) {
        AccessRecord record = new AccessRecord();
        record.accessedAt = clock.instant();
        record.subject = caller.subject();
        record.role = caller.mainRole();
        record.organization = caller.organization();
        record.what = what;
        String line = request.method() + " " + request.uri();
        record.request = line.length() > MAX_REQUEST ? line.substring(0, MAX_REQUEST) : line;
        record.address = caller.address();
        return Panache.withTransaction(record::persist).replaceWithVoid();
    }

    /** Newest first, optionally one person's or one kind of read. */
    public static PanacheQuery<AccessRecord> newestFirst(String subject, String what) {
        ListFilter filter = new ListFilter().eq("subject", subject).eq("what", what);
        return AccessRecord.find(filter.query(), Sort.descending("id"), filter.parameters());
    }
}
