package org.imrflow.local.load;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.imrflow.local.chaos.RetryingHttp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The people around the system, automated for a surge: claims administrators who each file one case after another
 * (with its records, for an eligible one), a reviewer who accepts each offer the moment it is made and decides at once,
 * and a reader of the event stream that follows every case to its letter-issued (or case-ineligible) event. Nothing
 * polls a worklist: the reviewer acts on the reviewer-assigned event, so a hop measures the services, not a poll.
 */
final class LoadWorkload {
    /** The shortest a reviewer keeps asking for a case not on the desk yet; in a long surge, the run's drain. */
    private static final long DESK_PATIENCE_MS = 120_000;
    /** How often, at most, a waiting reviewer asks the desk again: each ask costs review-service a token check. */
    private static final long DESK_ASK_EVERY_MS = 5_000;

    private final String intake;
    private final String review;
    private final LoadOptions options;
    private final long deskPatienceMs;
    private final RetryingHttp http;
    private final List<LoadCase> cases = new ArrayList<>();
    private final Map<String, LoadCase> byClaim = new ConcurrentHashMap<>();
    private final Map<String, LoadCase> byCaseNumber = new ConcurrentHashMap<>();
    private final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger nextCase = new AtomicInteger();
    private final AtomicInteger submitted = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicLong strangers = new AtomicLong();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final ExecutorService claimsAdministrators;
    private final ExecutorService reviewer;
    private final Thread wireReader;
    private final String bootstrapServers;
    private final CountDownLatch wireReady = new CountDownLatch(1);
    private volatile long firstSubmittedAt;
    private volatile long lastCompletedAt;

    LoadWorkload(String intake, String review, String bootstrapServers, LoadOptions options, Function<String, String> tokens) {
        this.intake = intake;
        this.review = review;
        this.bootstrapServers = bootstrapServers;
        this.options = options;
        // under a backlog the case waits in front of review-service's consumer for as long as the surge lasts
        this.deskPatienceMs = Math.max(DESK_PATIENCE_MS, options.drain().toMillis());
        this.http = new RetryingHttp(tokens);
        CaseMix mix = new CaseMix(options.seed(), options.ineligibleShare(), options.expeditedShare());
        String run = Long.toString(System.currentTimeMillis() % 46_656L, 36).toUpperCase(java.util.Locale.ROOT);
        for (int i = 0; i < options.cases(); i++) {
            LoadCase loadCase = new LoadCase(i, "WC-LOAD-" + run + "-" + String.format("%06d", i), mix.next());
            cases.add(loadCase);
            byClaim.put(loadCase.claimNumber, loadCase);
        }
        this.claimsAdministrators = Executors.newFixedThreadPool(options.concurrency(), daemon("load-claims-administrator"));
        // The reviewer waits on the desk (an offer not there yet, records not complete): more threads than filers.
        this.reviewer = Executors.newFixedThreadPool(Math.max(32, 4 * options.concurrency()), daemon("load-reviewer"));
        this.wireReader = new Thread(this::readTheWire, "load-wire-reader");
        this.wireReader.setDaemon(true);
    }

    List<LoadCase> cases() {
        return cases;
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    long retries() {
        return http.retries();
    }

    int submittedCount() {
        return submitted.get();
    }

    int completedCount() {
        return completed.get();
    }

    long strangers() {
        return strangers.get();
    }

    boolean allSubmitted() {
        return submitted.get() == cases.size();
    }

    boolean allComplete() {
        return cases.stream().allMatch(c -> c.complete() || c.refused != null);
    }

    long firstSubmittedAt() {
        return firstSubmittedAt;
    }

    long lastCompletedAt() {
        return lastCompletedAt;
    }

    /** Starts reading the wire (from its end, now), then the claims administrators. */
    void start() {
        wireReader.start();
        try {
            if (!wireReady.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Could not start reading the event stream within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        firstSubmittedAt = System.currentTimeMillis();
        for (int i = 0; i < options.concurrency(); i++) {
            claimsAdministrators.execute(this::fileCases);
        }
    }

    void stop() {
        stopping.set(true);
        claimsAdministrators.shutdownNow();
        reviewer.shutdownNow();
        try {
            wireReader.join(15_000);
            claimsAdministrators.awaitTermination(15, TimeUnit.SECONDS);
            reviewer.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean stopping() {
        return stopping.get();
    }

    // --- the claims administrators ---

    private void fileCases() {
        int index;
        while (!stopping() && (index = nextCase.getAndIncrement()) < cases.size()) {
            LoadCase loadCase = cases.get(index);
            file(loadCase);
            if (options.oneCaseAtATime() && loadCase.caseNumber != null) {
                try {
                    if (!loadCase.completion.await(deskPatienceMs, TimeUnit.MILLISECONDS)) {
                        problems.add(loadCase.caseNumber + ": not complete within " + deskPatienceMs / 1000 + " s");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void file(LoadCase loadCase) {
        String body = CaseMix.application(loadCase.dispute, loadCase.claimNumber, LocalDate.now().minusDays(6));
        loadCase.submittedAt = System.currentTimeMillis();
        long sent = System.nanoTime();
        var response = http.postJson(RetryingHttp.CLAIMS_ADMIN, intake + "/api/cases", body,
                Map.of("Idempotency-Key", loadCase.idempotencyKey), this::stopping);
        if (response.isEmpty()) {
            return;
        }
        loadCase.acceptMicros = (System.nanoTime() - sent) / 1_000;
        if (response.get().status() != 201) {
            loadCase.refused = response.get().status() + " " + abbreviate(response.get().body());
            problems.add(loadCase.claimNumber + ": POST /api/cases answered " + loadCase.refused);
            submitted.incrementAndGet();
            return;
        }
        String caseNumber = tree(response.get().body()).path("caseNumber").asText();
        loadCase.caseNumber = caseNumber;
        byCaseNumber.put(caseNumber, loadCase);
        submitted.incrementAndGet();
        if (loadCase.dispute.eligible()) {
            sendRecords(loadCase);
        }
    }

    /** The medical records, then the word that they are complete, which lets the reviewer decide. */
    private void sendRecords(LoadCase loadCase) {
        String records = intake + "/api/cases/" + loadCase.caseNumber + "/records";
        var uploaded = http.post(RetryingHttp.CLAIMS_ADMIN, records, "application/pdf",
                org.imrflow.local.chaos.CaseBodies.medicalRecord(loadCase.claimNumber),
                Map.of("Content-Disposition", "attachment; filename=\"records-" + loadCase.claimNumber + ".pdf\""),
                this::stopping);
        if (uploaded.isPresent() && uploaded.get().status() != 201 && uploaded.get().status() != 200) {
            problems.add(loadCase.caseNumber + ": records upload answered " + uploaded.get().status() + " "
                    + abbreviate(uploaded.get().body()));
            return;
        }
        var complete = http.postJson(RetryingHttp.CLAIMS_ADMIN, records + "/complete", "{}", Map.of(), this::stopping);
        if (complete.isPresent() && complete.get().status() != 200) {
            problems.add(loadCase.caseNumber + ": records complete answered " + complete.get().status() + " "
                    + abbreviate(complete.get().body()));
        }
    }

    // --- the reviewer ---

    /** Accepts the offer as soon as it is on the desk, then decides as soon as the records let them. */
    private void review(String caseNumber, String reviewerId) {
        long giveUpAt = System.currentTimeMillis() + deskPatienceMs;
        LoadCase loadCase;
        // The offer's event can overtake the POST's answer: the case is known by its claim number from case-received.
        while ((loadCase = byCaseNumber.get(caseNumber)) == null) {
            if (!waitOnDesk(giveUpAt, caseNumber, "its case-received or the answer to its POST")) {
                return;
            }
        }
        String base = review + "/api/reviews/" + caseNumber;
        if (!untilAnswered(reviewerId, base + "/acceptance", "{}", giveUpAt, caseNumber, "the offer")) {
            return;
        }
        untilAnswered(reviewerId, base + "/determination", CaseMix.determination(loadCase.dispute), giveUpAt, caseNumber,
                "the records");
    }

    /**
     * Posts until 200. A 404 (the offer's event not consumed by review-service yet) or a 409 "records-not-ready" is
     * the desk not ready: asked again after a short, growing pause. Anything else is a finding.
     */
    private boolean untilAnswered(String reviewerId, String url, String body, long giveUpAt, String caseNumber, String what) {
        long pause = 10;
        while (!stopping()) {
            var response = http.postJson(reviewerId, url, body, Map.of(), this::stopping);
            if (response.isEmpty()) {
                return false;
            }
            int status = response.get().status();
            if (status == 200) {
                return true;
            }
            boolean notYet = status == 404 || (status == 409 && response.get().body().contains("records-not-ready"));
            if (!notYet) {
                problems.add(caseNumber + ": POST " + url.substring(url.lastIndexOf('/')) + " answered " + status + " "
                        + abbreviate(response.get().body()));
                return false;
            }
            if (System.currentTimeMillis() > giveUpAt) {
                problems.add(caseNumber + ": waited " + deskPatienceMs / 1000 + " s for " + what + " on the desk; last answer "
                        + status);
                return false;
            }
            // backing off: each ask costs the service a token check, and a backlog is many asks
            RetryingHttp.pause(pause);
            pause = Math.min(DESK_ASK_EVERY_MS, pause * 2);
        }
        return false;
    }

    private boolean waitOnDesk(long giveUpAt, String caseNumber, String what) {
        if (System.currentTimeMillis() > giveUpAt) {
            problems.add(caseNumber + ": offered, but the generator never learned " + what);
            return false;
        }
        return RetryingHttp.pause(5);
    }

    // --- the event stream ---

    private void readTheWire() {
        Properties config = org.imrflow.local.chaos.WireLog.readerConfig(bootstrapServers, "load-generator");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.listTopics(Duration.ofSeconds(30)).forEach((topic, infos) -> {
                if (WireStep.ofTopic(topic).isPresent()) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            });
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolved now: nothing of this run is before it
            wireReady.countDown();
            while (!stopping()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(5))) {
                    onEvent(record);
                }
            }
        } catch (org.apache.kafka.common.errors.InterruptException stopped) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            problems.add("the event stream could not be read: " + e);
        }
    }

    private void onEvent(ConsumerRecord<String, String> record) {
        WireStep step = WireStep.ofTopic(record.topic()).orElseThrow();
        String caseNumber = record.key() != null ? record.key() : header(record, "ce_subject");
        if (caseNumber == null) {
            return;
        }
        LoadCase loadCase = byCaseNumber.get(caseNumber);
        JsonNode payload = null;
        if (loadCase == null && (step == WireStep.CASE_RECEIVED || step == WireStep.CASE_INELIGIBLE)) {
            payload = tree(record.value());
            loadCase = byClaim.get(payload.path("claimNumber").asText());
            if (loadCase != null) {
                byCaseNumber.putIfAbsent(caseNumber, loadCase);
                loadCase = byCaseNumber.get(caseNumber);
            }
        }
        if (loadCase == null) {
            if (step == WireStep.CASE_RECEIVED || step == WireStep.CASE_INELIGIBLE) {
                strangers.incrementAndGet(); // another client's case: not ours to follow
            }
            return;
        }
        String eventId = header(record, "ce_id");
        boolean first = loadCase.seen(step, eventId == null ? record.topic() + "@" + record.offset() : eventId, record.timestamp());
        if (!first) {
            return;
        }
        switch (step) {
            case REVIEWER_ASSIGNED -> {
                String reviewerId = (payload != null ? payload : tree(record.value())).path("reviewerId").asText();
                if (!loadCase.reviewerStarted) {
                    loadCase.reviewerStarted = true;
                    reviewer.execute(() -> review(caseNumber, reviewerId));
                }
            }
            case LETTER_ISSUED -> complete(loadCase, false);
            case CASE_INELIGIBLE -> complete(loadCase, true);
            default -> {
            }
        }
    }

    private void complete(LoadCase loadCase, boolean ineligible) {
        if (loadCase.completedAt == 0) {
            loadCase.ineligible = ineligible;
            loadCase.completedAt = System.currentTimeMillis();
            lastCompletedAt = loadCase.completedAt;
            completed.incrementAndGet();
            loadCase.completion.countDown();
        }
    }

    // --- helpers ---

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static JsonNode tree(String json) {
        return RetryingHttp.json(json);
    }

    private static String abbreviate(String text) {
        return RetryingHttp.abbreviate(text);
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
