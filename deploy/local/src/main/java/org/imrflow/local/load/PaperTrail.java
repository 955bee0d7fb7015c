package org.imrflow.local.load;

import org.imrflow.local.chaos.RetryingHttp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The documents and mail behind the letters: a case is complete at its letter-issued event, but notification-service
 * then renders its documents and mails each to its parties on timers of their own, which a surge leaves behind. This
 * is how far behind: the documents issued against those expected (a Notice of Assignment and a Final Determination
 * per eligible case, a notice per ineligible one), the deliveries still queued or retrying, and how long after the
 * last letter both caught up.
 *
 * @param caughtUpAfter null when they had not caught up when the wait ended
 * @param missing       when documents were still missing at the end, which: one line per case, naming the kinds
 */
public record PaperTrail(long expectedDocuments, long documents, long queued, long retrying, Duration caughtUpAfter,
                         List<String> missing) {
    static final String NOTICE_OF_ASSIGNMENT = "NOTICE_OF_ASSIGNMENT";
    static final String FINAL_DETERMINATION = "FINAL_DETERMINATION";
    static final String INELIGIBILITY_NOTICE = "INELIGIBILITY_NOTICE";

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

        /**
         * The kinds of document each case has, read through the whole list: newest first, it grows at its head while
         * it is read, which repeats a row on the next page (harmless) but never skips one, as long as the reading goes
         * on to the end rather than stopping after as many rows as there were.
         */
        Map<String, Set<String>> kindsByCase() {
            Map<String, Set<String>> kinds = new HashMap<>();
            long deadline = System.currentTimeMillis() + 600_000;
            for (int page = 0; ; page++) {
                var body = http.get(RetryingHttp.OPERATIONS, notification + "/api/documents?size=" + PAGE + "&page=" + page,
                                () -> System.currentTimeMillis() > deadline)
                        .filter(RetryingHttp.Response::ok)
                        .map(response -> RetryingHttp.json(response.body()))
                        .orElseThrow(() -> new IllegalStateException("Could not list notification-service's documents"));
                body.path("items").forEach(document -> kinds
                        .computeIfAbsent(document.path("caseNumber").asText(), caseNumber -> new HashSet<>())
                        .add(document.path("kind").asText()));
                if (body.path("items").size() < PAGE) {
                    break;
                }
            }
            return kinds;
        }

        private static final int PAGE = 100;

        private long total(String path) {
            long deadline = System.currentTimeMillis() + 60_000;
            return http.get(RetryingHttp.OPERATIONS, notification + path, () -> System.currentTimeMillis() > deadline)
                    .filter(RetryingHttp.Response::ok)
                    .map(response -> RetryingHttp.json(response.body()).path("total").asLong())
                    .orElseThrow(() -> new IllegalStateException("Could not read " + path + " from notification-service"));
        }
    }

    /**
     * Waits, up to {@code wait}, until the documents of the complete cases are all issued and no delivery is queued or
     * retrying; documents not issued by then are named case by case.
     */
    static PaperTrail await(Counts counts, long documentsBefore, Collection<LoadCase> cases, long lastLetterAt,
                            Duration wait, LongSupplier clock) {
        long expectedDocuments = cases.stream().filter(LoadCase::complete).mapToLong(c -> expectedKinds(c).size()).sum();
        long giveUpAt = clock.getAsLong() + wait.toMillis();
        while (true) {
            long documents = counts.documents() - documentsBefore;
            long queued = counts.deliveries("QUEUED");
            long retrying = counts.deliveries("RETRYING");
            long now = clock.getAsLong();
            if (documents >= expectedDocuments && queued == 0 && retrying == 0) {
                return new PaperTrail(expectedDocuments, documents, queued, retrying,
                        Duration.ofMillis(Math.max(0, now - lastLetterAt)), List.of());
            }
            if (now > giveUpAt) {
                List<String> missing = documents >= expectedDocuments ? List.of()
                        : missing(counts.kindsByCase(), cases);
                return new PaperTrail(expectedDocuments, documents, queued, retrying, null, missing);
            }
            RetryingHttp.pause(2_000);
        }
    }

    /** Each complete case's documents not among those issued: one line per case, naming the kinds. */
    static List<String> missing(Map<String, Set<String>> issued, Collection<LoadCase> cases) {
        List<String> missing = new ArrayList<>();
        for (LoadCase loadCase : cases) {
            if (!loadCase.complete()) {
                continue;
            }
            Set<String> kinds = new HashSet<>(expectedKinds(loadCase));
            kinds.removeAll(issued.getOrDefault(loadCase.caseNumber, Set.of()));
            if (!kinds.isEmpty()) {
                missing.add(loadCase.caseNumber + ": no " + String.join(", ", kinds.stream().sorted().toList()));
            }
        }
        return missing;
    }

    /** A Notice of Assignment and a Final Determination for an eligible case; a notice for an ineligible one. */
    private static Set<String> expectedKinds(LoadCase loadCase) {
        return loadCase.ineligible ? Set.of(INELIGIBILITY_NOTICE) : Set.of(NOTICE_OF_ASSIGNMENT, FINAL_DETERMINATION);
    }
}
