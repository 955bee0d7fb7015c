package org.imrflow.local.chaos;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The people around the system, automated: a claims administrator who submits the cases at a steady rate, reviewers
 * who accept each offer and decide each accepted case, and a party who waits for each letter. Each talks to the
 * services over REST like a real client: connection errors, timeouts and 5xx are retried, a POST of a case always with
 * the same {@code Idempotency-Key}.
 */
final class Workload {
    private static final long REDECIDE_AFTER_MS = 5_000;

    /** One case as the workload drives and observes it; times in epoch ms, 0 until it happened. */
    static final class CaseRun {
        final int index;
        final String claimNumber;
        final String idempotencyKey = UUID.randomUUID().toString();
        final String outcome;
        volatile long submittedAt;
        volatile long acceptedAt;
        volatile int submitAttempts;
        volatile String caseNumber;
        volatile String rejected;
        volatile long decidedAt;
        volatile long letterAt;
        volatile int redecisions;
        volatile long nextLetterPoll;
        volatile long letterPollBackoff = 100;

        CaseRun(int index, String claimNumber, String outcome) {
            this.index = index;
            this.claimNumber = claimNumber;
            this.outcome = outcome;
        }
    }

    private final String intake;
    private final String review;
    private final String notification;
    private final ChaosOptions options;
    private final RetryingHttp http;
    private final List<CaseRun> cases = new ArrayList<>();
    private final Map<String, CaseRun> byCaseNumber = new ConcurrentHashMap<>();
    /** Case number -> when our determination was acknowledged (0 while it is being posted). */
    private final Map<String, Long> decisions = new ConcurrentHashMap<>();
    /** Reviews on the worklist that none of our submissions was answered with: a second case for one dispute. */
    private final Set<String> strangers = ConcurrentHashMap.newKeySet();
    /** Offers whose acceptance is being posted now. */
    private final Set<String> accepting = ConcurrentHashMap.newKeySet();
    private final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicInteger submitted = new AtomicInteger();
    private final ExecutorService submitters = Executors.newFixedThreadPool(32, daemon("chaos-submit"));
    private final ExecutorService deciders = Executors.newFixedThreadPool(4, daemon("chaos-decide"));
    private final List<Thread> loops = new ArrayList<>();

    /** @param tokens a demo identity's current access token, by username (a reviewer's is their reviewer id) */
    Workload(String intake, String review, String notification, ChaosOptions options,
             java.util.function.Function<String, String> tokens) {
        this.http = new RetryingHttp(tokens);
        this.intake = intake;
        this.review = review;
        this.notification = notification;
        this.options = options;
        Random random = new Random(options.seed());
        String run = Long.toString(Math.abs(options.seed()) % 1_000_000, 36).toUpperCase(java.util.Locale.ROOT);
        for (int i = 0; i < options.cases(); i++) {
            cases.add(new CaseRun(i, "WC-CHAOS-" + run + "-" + String.format("%05d", i),
                    random.nextBoolean() ? "OVERTURNED" : "UPHELD"));
        }
    }

    List<CaseRun> cases() {
        return cases;
    }

    /** Reviews for case numbers no POST was ever answered with, not even by a retry: a dispute entered twice. */
    Set<String> strangers() {
        return strangers.stream().filter(caseNumber -> !byCaseNumber.containsKey(caseNumber))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    long retries() {
        return http.retries();
    }

    boolean allSubmitted() {
        return submitted.get() == cases.size();
    }

    int submittedCount() {
        return submitted.get();
    }

    long decidedCount() {
        return cases.stream().filter(c -> c.decidedAt > 0).count();
    }

    long letterCount() {
        return cases.stream().filter(c -> c.letterAt > 0).count();
    }

    boolean allLettersIn() {
        return cases.stream().allMatch(c -> c.letterAt > 0 || c.rejected != null);
    }

    void start() {
        loops.add(loop("chaos-claims-administrator", this::submitAtRate));
        loops.add(loop("chaos-reviewer", this::workTheWorklist));
        loops.add(loop("chaos-letters", this::watchForLetters));
        loops.forEach(Thread::start);
    }

    void stop() {
        stopping.set(true);
        submitters.shutdownNow();
        deciders.shutdownNow();
        for (Thread thread : loops) {
            thread.interrupt();
            try {
                thread.join(15_000);
                submitters.awaitTermination(15, TimeUnit.SECONDS);
                deciders.awaitTermination(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean stopping() {
        return stopping.get();
    }

    // --- the claims administrator ---

    private void submitAtRate() {
        long start = System.currentTimeMillis();
        for (CaseRun run : cases) {
            long due = start + Math.round(run.index * 1000 / options.rate());
            long wait = due - System.currentTimeMillis();
            if (wait > 0 && !RetryingHttp.pause(wait)) {
                return;
            }
            if (stopping()) {
                return;
            }
            submitters.execute(() -> submit(run));
        }
    }

    private void submit(CaseRun run) {
        run.submittedAt = System.currentTimeMillis();
        String body = CaseBodies.application(run.claimNumber, LocalDate.now().minusDays(6));
        Map<String, String> headers = Map.of("Idempotency-Key", run.idempotencyKey);
        while (!stopping()) {
            run.submitAttempts++;
            var response = http.postJson(RetryingHttp.CLAIMS_ADMIN, intake + "/api/cases", body, headers, this::stopping);
            if (response.isEmpty()) {
                return;
            }
            int status = response.get().status();
            if (status == 201 || status == 200) {
                String caseNumber = field(response.get().body(), "caseNumber");
                run.caseNumber = caseNumber;
                run.acceptedAt = System.currentTimeMillis();
                byCaseNumber.put(caseNumber, run);
                sendRecords(run);
                submitted.incrementAndGet();
                return;
            }
            if (status == 408 || status == 429) {
                RetryingHttp.pause(500);
                continue;
            }
            run.rejected = status + " " + abbreviate(response.get().body());
            problems.add("case " + run.claimNumber + ": POST /api/cases answered " + run.rejected);
            submitted.incrementAndGet();
            return;
        }
    }

    /**
     * The case's medical records, then the word that they are complete, which lets the reviewer decide. A retry of
     * either is safe: the same bytes are the same document (200), and "complete" again is 409.
     */
    private void sendRecords(CaseRun run) {
        String records = intake + "/api/cases/" + run.caseNumber + "/records";
        var uploaded = http.post(RetryingHttp.CLAIMS_ADMIN, records, "application/pdf", CaseBodies.medicalRecord(run.claimNumber),
                Map.of("Content-Disposition", "attachment; filename=\"records-" + run.claimNumber + ".pdf\""), this::stopping);
        if (uploaded.isEmpty()) {
            return;
        }
        if (uploaded.get().status() != 201 && uploaded.get().status() != 200) {
            problems.add("case " + run.caseNumber + ": records upload answered " + uploaded.get().status() + " "
                    + abbreviate(uploaded.get().body()));
            return;
        }
        while (!stopping()) {
            var completed = http.postJson(RetryingHttp.CLAIMS_ADMIN, records + "/complete", "{}", Map.of(), this::stopping);
            if (completed.isEmpty() || completed.get().status() == 200) {
                return;
            }
            // 409 is "already complete" when an earlier attempt's answer was lost; anything else is a finding
            var status = http.get(RetryingHttp.CLAIMS_ADMIN, records, this::stopping);
            if (status.isPresent() && status.get().ok() && tree(status.get().body()).path("status").path("completedAt").isTextual()) {
                return;
            }
            problems.add("case " + run.caseNumber + ": records complete answered " + completed.get().status() + " "
                    + abbreviate(completed.get().body()) + "; trying again");
            RetryingHttp.pause(500);
        }
    }

    // --- the reviewer ---

    private void workTheWorklist() {
        while (!stopping()) {
            for (JsonNode offer : worklist("OFFERED")) {
                considerAccepting(offer.path("caseNumber").asText(), offer.path("reviewerId").asText());
            }
            for (JsonNode item : worklist("ACCEPTED")) {
                // a determination waits for the records: complete, or past their deadline
                if (item.path("recordsComplete").asBoolean() || item.path("withoutCompleteRecords").asBoolean()) {
                    considerDeciding(item.path("caseNumber").asText(), item.path("reviewerId").asText());
                }
            }
            RetryingHttp.pause(250);
        }
    }

    /** Every reviewer's reviews in one status, as operations see them. */
    private List<JsonNode> worklist(String status) {
        List<JsonNode> reviews = new ArrayList<>();
        for (int page = 0; !stopping(); page++) {
            var response = http.get(RetryingHttp.OPERATIONS, review + "/api/reviews?status=" + status + "&size=100&page=" + page, this::stopping);
            if (response.isEmpty() || !response.get().ok()) {
                break;
            }
            JsonNode items = tree(response.get().body()).path("items");
            items.forEach(reviews::add);
            if (items.size() < 100) {
                break;
            }
        }
        return reviews;
    }

    /** Each offer is accepted by its reviewer at once, one acceptance in flight per case. */
    private void considerAccepting(String caseNumber, String reviewerId) {
        if (!accepting.add(caseNumber)) {
            return;
        }
        deciders.execute(() -> {
            try {
                var response = http.postJson(reviewerId, review + "/api/reviews/" + caseNumber + "/acceptance", "{}",
                        Map.of(), this::stopping);
                // 409: accepted already, by our own earlier attempt whose answer was lost; 404: offered to another since
                if (response.isPresent() && !List.of(200, 404, 409).contains(response.get().status())) {
                    problems.add("case " + caseNumber + ": POST acceptance answered " + response.get().status() + " "
                            + abbreviate(response.get().body()));
                }
            } finally {
                accepting.remove(caseNumber);
            }
        });
    }

    /** As operations the harness sees every reviewer's worklist, and decides each case as its own reviewer. */
    private void considerDeciding(String caseNumber, String reviewerId) {
        Long acknowledged = decisions.putIfAbsent(caseNumber, 0L);
        if (acknowledged != null) {
            boolean lostSinceAcknowledged = acknowledged > 0 && System.currentTimeMillis() - acknowledged > REDECIDE_AFTER_MS;
            if (!lostSinceAcknowledged || !decisions.replace(caseNumber, acknowledged, 0L)) {
                return; // being decided now, or decided a moment ago and the worklist has not caught up
            }
            CaseRun run = byCaseNumber.get(caseNumber);
            if (run != null) {
                run.redecisions++;
            }
            problems.add("case " + caseNumber + ": ACCEPTED again " + (System.currentTimeMillis() - acknowledged)
                    + " ms after its determination was acknowledged with 200; deciding it again");
        }
        CaseRun run = byCaseNumber.get(caseNumber);
        if (run == null) {
            // On the worklist before the POST's answer reached us (its answer was lost and the retry is still on its
            // way): decide it once we know whose it is, on a later pass. One never answered is a duplicate.
            strangers.add(caseNumber);
            decisions.remove(caseNumber);
            return;
        }
        String outcome = run.outcome;
        deciders.execute(() -> decide(caseNumber, reviewerId, outcome));
    }

    private void decide(String caseNumber, String reviewerId, String outcome) {
        var response = http.postJson(reviewerId, review + "/api/reviews/" + caseNumber + "/determination",
                CaseBodies.determination(outcome), Map.of(), this::stopping);
        if (response.isEmpty()) {
            decisions.remove(caseNumber);
            return;
        }
        int status = response.get().status();
        CaseRun run = byCaseNumber.get(caseNumber);
        if (status == 200 || status == 409) {
            // 409: already decided, by our own earlier attempt whose answer was lost on the way
            long now = System.currentTimeMillis();
            decisions.put(caseNumber, now);
            if (run != null && run.decidedAt == 0) {
                run.decidedAt = now;
            }
        } else if (status == 404 || status == 403) {
            decisions.remove(caseNumber); // listed a moment ago, since moved to another reviewer; look again on the next pass
        } else {
            problems.add("case " + caseNumber + ": POST determination answered " + status + " " + abbreviate(response.get().body()));
        }
    }

    // --- the party waiting for the letter ---

    private void watchForLetters() {
        while (!stopping()) {
            long now = System.currentTimeMillis();
            for (CaseRun run : cases) {
                if (stopping()) {
                    return;
                }
                if (run.caseNumber == null || run.decidedAt == 0 || run.letterAt > 0 || run.nextLetterPoll > now) {
                    continue;
                }
                var response = http.once(RetryingHttp.CLAIMS_ADMIN, notification + "/api/letters/" + run.caseNumber);
                if (response.isPresent() && response.get().status() == 200) {
                    run.letterAt = System.currentTimeMillis();
                } else {
                    run.nextLetterPoll = System.currentTimeMillis() + run.letterPollBackoff;
                    run.letterPollBackoff = Math.min(1_000, run.letterPollBackoff * 2);
                }
            }
            RetryingHttp.pause(50);
        }
    }

    // --- helpers ---

    static JsonNode tree(String json) {
        return RetryingHttp.json(json);
    }

    private static String field(String json, String name) {
        String value = tree(json).path(name).asText(null);
        if (value == null) {
            throw new IllegalStateException("No " + name + " in " + abbreviate(json));
        }
        return value;
    }

    static String abbreviate(String text) {
        return RetryingHttp.abbreviate(text);
    }

    private static Thread loop(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return body -> {
            Thread thread = new Thread(body, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
