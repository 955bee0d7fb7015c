package org.imrflow.notification.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.imrflow.events.CaseIneligible;
import org.imrflow.events.EventType;
import org.imrflow.events.LetterIssued;
import org.imrflow.events.Outcome;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.events.testing.SampleDispute;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.imrflow.events.testing.SignIn.ACME;
import static org.imrflow.events.testing.SignIn.asClaimsAdmin;
import static org.imrflow.events.testing.SignIn.asOperations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operations view rebuilt from the start of every topic equals the view that was built live. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class ProjectionRebuildTest {
    private static final AtomicInteger CASES = new AtomicInteger(6_700_000);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final EventStreamProbe stream = EventStreamProbe.ofTestConfig();

    /** Everything the view shows that does not move with the clock (rates do). */
    private record View(List<Long> stageCounts, List<Map<String, Object>> events, List<Map<String, Object>> clocks,
                        Object reviewers) {
    }

    @Test
    void theRebuiltViewEqualsTheLiveOne() {
        // out of order, redelivered, deferred and decided cases
        String decided = "CM26-" + CASES.incrementAndGet();
        stream.publish(EventType.LETTER_ISSUED, decided, new LetterIssued(decided, UUID.randomUUID().toString(), Instant.now(),
                List.of(new LetterIssued.ItemOutcome(1, Outcome.OVERTURNED))));
        UUID decision = stream.publish(EventType.DECISION_RECORDED, decided, LetterFlowTest.decision(decided));
        stream.publish(EventType.CASE_RECEIVED, decided, SampleDispute.caseReceived(decided, ACME));
        String deferred = "CM26-" + CASES.incrementAndGet();
        stream.publish(EventType.CASE_INELIGIBLE, deferred, new CaseIneligible(deferred, Instant.now(), true,
                List.of("Liability for the claim is disputed")));
        await().atMost(PATIENCE).untilAsserted(() -> asOperations().get("/api/operations/cases/" + decided + "/timeline")
                .then().statusCode(200).body("stage", equalTo("LETTER_ISSUED")).body("events.size()", greaterThanOrEqualTo(4)));
        await().atMost(PATIENCE).untilAsserted(() -> asOperations().get("/api/operations/cases/" + deferred + "/timeline")
                .then().statusCode(200));
        // settled: nothing more arrives between two looks
        AtomicReference<View> settled = new AtomicReference<>(view());
        await().atMost(PATIENCE).pollDelay(Duration.ofSeconds(1)).until(() -> settled.getAndSet(view()).equals(settled.get()));
        View live = settled.get();

        asClaimsAdmin(ACME).contentType("application/json").post("/api/operations/rebuild").then().statusCode(403);
        Instant rebuildStarted = Instant.parse(asOperations().contentType("application/json").post("/api/operations/rebuild")
                .then().statusCode(202).body("startedAt", notNullValue()).extract().path("startedAt"));
        await().atMost(PATIENCE).untilAsserted(() -> asOperations().get("/api/operations/rebuild").then().statusCode(200)
                .body("running", equalTo(false))
                .body("finishedAt", notNullValue()));
        asOperations().get("/api/operations/rebuild").then().body("eventsReplayed", greaterThanOrEqualTo(live.events().size()));

        // each event taken in afresh by the rebuild, not kept or skipped as already seen
        List<Instant> observed = pages("/api/operations/events").stream()
                .map(e -> Instant.parse((String) e.get("observedAt"))).toList();
        assertTrue(observed.stream().allMatch(at -> !at.isBefore(rebuildStarted)), "observed again: " + observed);

        View rebuilt = view();
        assertEquals(live.stageCounts(), rebuilt.stageCounts(), "cases per stage");
        assertEquals(live.events().size(), rebuilt.events().size(), "each event once");
        assertEquals(live, rebuilt);
        assertEquals(decision.toString(), asOperations().queryParam("caseNumber", decided)
                .queryParam("type", EventType.DECISION_RECORDED.cloudEventType()).get("/api/operations/events")
                .then().body("total", equalTo(1)).extract().path("items[0].eventId"), "the decision once");
    }

    private static View view() {
        List<Long> counts = asOperations().get("/api/operations/pipeline").then().statusCode(200).extract().jsonPath()
                .<Number>getList("stages.count").stream().map(Number::longValue).toList();
        List<Map<String, Object>> events = pages("/api/operations/events");
        events.forEach(event -> event.remove("observedAt")); // the one thing a rebuild changes
        events.sort(Comparator.comparing(e -> (String) e.get("eventId")));
        List<Map<String, Object>> clocks = asOperations().queryParam("size", 100).get("/api/operations/clocks").then()
                .statusCode(200).extract().jsonPath().getList("cases.items");
        Object reviewers = asOperations().get("/api/operations/reviewers").then().statusCode(200).extract().jsonPath().get();
        return new View(counts, events, clocks, reviewers);
    }

    private static List<Map<String, Object>> pages(String path) {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            List<Map<String, Object>> items = asOperations().queryParam("size", 100).queryParam("page", page).get(path)
                    .then().statusCode(200).extract().jsonPath().getList("items");
            all.addAll(items);
            if (items.size() < 100) {
                return all;
            }
        }
    }
}
