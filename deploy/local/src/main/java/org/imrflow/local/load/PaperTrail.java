package org.imrflow.local.load;

import org.imrflow.local.chaos.RetryingHttp;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The documents and mail behind the letters: a case is complete at its letter-issued event, but notification-service
 * then renders its documents and mails each to its parties on timers of their own, which a surge leaves behind. This
 * is how far behind: the documents issued against those expected (a Notice of Assignment and a Final Determination
 * per eligible case, a notice per ineligible one), the deliveries still queued or retrying, and how long after the
 * last letter both caught up.
 *
 * @param caughtUpAfter null when they had not caught up when the wait ended
 */
public record PaperTrail(long expectedDocuments, long documents, long queued, long retrying, Duration caughtUpAfter) {

    public boolean caughtUp() {
        return caughtUpAfter != null;
    }

    /** Documents notification-service holds now, and its deliveries in a status, as operations see them. */
    static final class Counts {
        private final RetryingHttp http;
        private final String notification;

        Counts(RetryingHttp http, String notification) {
            this.http = http;
            this.notification = notification;
        }

        long documents() {
            return total("/api/documents?size=1");
        }

        long deliveries(String status) {
            return total("/api/deliveries?size=1&status=" + status);
        }

        private long total(String path) {
            long deadline = System.currentTimeMillis() + 60_000;
            return http.get(RetryingHttp.OPERATIONS, notification + path, () -> System.currentTimeMillis() > deadline)
                    .filter(RetryingHttp.Response::ok)
                    .map(response -> RetryingHttp.json(response.body()).path("total").asLong())
                    .orElseThrow(() -> new IllegalStateException("Could not read " + path + " from notification-service"));
        }
    }

    /** Waits, up to {@code wait}, until the documents are all issued and no delivery is queued or retrying. */
    static PaperTrail await(Counts counts, long documentsBefore, long expectedDocuments, long lastLetterAt, Duration wait,
                            LongSupplier clock) {
        long giveUpAt = clock.getAsLong() + wait.toMillis();
        while (true) {
            long documents = counts.documents() - documentsBefore;
            long queued = counts.deliveries("QUEUED");
            long retrying = counts.deliveries("RETRYING");
            long now = clock.getAsLong();
            if (documents >= expectedDocuments && queued == 0 && retrying == 0) {
                return new PaperTrail(expectedDocuments, documents, queued, retrying, Duration.ofMillis(Math.max(0, now - lastLetterAt)));
            }
            if (now > giveUpAt) {
                return new PaperTrail(expectedDocuments, documents, queued, retrying, null);
            }
            RetryingHttp.pause(2_000);
        }
    }
}
