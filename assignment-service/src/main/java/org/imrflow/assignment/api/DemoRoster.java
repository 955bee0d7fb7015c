package org.imrflow.assignment.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.imrflow.assignment.store.ReviewerEntity;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** In demo mode, puts a small roster in place at start, as if added over the API so a case can flow at once. Leaves a non-empty roster alone. */
@ApplicationScoped
public class DemoRoster {
    private static final Logger LOG = Logger.getLogger(DemoRoster.class);

    void seed(@Observes StartupEvent startup, ObjectMapper json,
              @ConfigProperty(name = "imrflow.assignment.demo-roster") boolean enabled) throws Throwable {
        if (!enabled) {
            return;
        }
        List<ReviewerProfile> demo;
        try (InputStream in = DemoRoster.class.getResourceAsStream("/demo/reviewer-roster.json")) {
            demo = List.of(json.readValue(in, ReviewerProfile[].class));
        } catch (IOException e) {
            throw new IllegalStateException("The demo roster is unreadable", e);
        }
        // Start-up runs on the main thread: blocking here until the roster is in place is intended. Replicas start
        // together: the lock makes the second wait for the first's roster and then leave it alone, where both would
        // see an empty roster and the second fail on a duplicate reviewer.
        long seeded = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("select 1 from pg_advisory_xact_lock(hashtextextended('demo-roster', 0))",
                        Integer.class).getSingleResult())
                .chain(locked -> ReviewerEntity.count())
                .chain(existing -> existing > 0 ? io.smallrye.mutiny.Uni.createFrom().item(0L)
                        : ReviewerEntity.persist(demo.stream().map(ReviewerProfile::toEntity)).replaceWith((long) demo.size()))));
        if (seeded > 0) {
            LOG.infof("Demo roster seeded with %d reviewers", seeded);
        }
    }
}
