package org.imrflow.review.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.WebSocketClientConnection;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.events.testing.SignIn;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.imrflow.events.testing.SignIn.asReviewer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live desk over a real WebSocket: a reviewer gets their own desk's notices only, in sequence, and a page that
 * reconnects with the last sequence it saw gets exactly what it missed.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "review"))
class DeskLiveTest {
    private static final AtomicInteger CASES = new AtomicInteger(4_000_000);
    private static final AtomicInteger REVIEWERS = new AtomicInteger();
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventStreamProbe stream = EventStreamProbe.ofTestConfig();

    @Inject
    BasicWebSocketConnector connector;

    @TestHTTPResource("/")
    URI root;

    /** A page on a reviewer's desk: the notices it got, parsed. */
    private record Page(WebSocketClientConnection connection, List<JsonNode> notices) {
        List<String> kinds(String caseNumber) {
            return notices.stream().filter(n -> n.get("caseNumber").asText().equals(caseNumber)).map(n -> n.get("kind").asText()).toList();
        }

        long lastSeq() {
            return notices.get(notices.size() - 1).get("seq").asLong();
        }
    }

    private Page open(String reviewerId, long after) {
        List<JsonNode> notices = new CopyOnWriteArrayList<>();
        WebSocketClientConnection connection = connector.baseUri(root).path("/api/desk/live?after=" + after)
                .addHeader("Authorization", "Bearer " + SignIn.reviewer(reviewerId))
                // on the event loop, one after another: worker threads could add them out of the order they came in
                .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
                .onTextMessage((c, message) -> {
                    try {
                        notices.add(JSON.readTree(message));
                    } catch (java.io.IOException e) {
                        throw new AssertionError(message, e);
                    }
                })
                .connectAndAwait();
        return new Page(connection, notices);
    }

    private static String newReviewer() {
        return "rev-live-" + REVIEWERS.incrementAndGet() + "-" + System.nanoTime();
    }

    private String offered(String reviewerId) {
        String caseNumber = "CM26-" + CASES.incrementAndGet();
        AssignmentEvents.offer(stream, caseNumber, reviewerId, 1, Instant.now());
        return caseNumber;
    }

    @Test
    void aReviewerGetsTheirOwnDesksNoticesOnly_inSequence_andWithoutPhi() {
        String mine = newReviewer();
        String theirs = newReviewer();
        Page page = open(mine, 0);
        try {
            String myCase = offered(mine);
            String theirCase = offered(theirs);
            await().atMost(PATIENCE).until(() -> page.kinds(myCase).contains("OFFERED"));
            asReviewer(mine).post("/api/reviews/" + myCase + "/acceptance").then().statusCode(200);
            asReviewer(mine).contentType(ContentType.JSON).body("{ \"revision\": 0, \"clinicalCaseSummary\": \"The injured worker\" }")
                    .put("/api/reviews/" + myCase + "/draft").then().statusCode(200);
            await().atMost(PATIENCE).until(() -> page.kinds(myCase).equals(List.of("OFFERED", "ACCEPTED", "DRAFT_SAVED")));
            ReviewInputTest.awaitArrival(theirCase);

            assertTrue(page.notices().stream().noneMatch(n -> n.get("caseNumber").asText().equals(theirCase)),
                    "another reviewer's case never shows: " + page.notices());
            asReviewer(mine).get("/api/desk").then().statusCode(200)
                    .body("reviewerId", org.hamcrest.Matchers.equalTo(mine))
                    .body("lastSeq", org.hamcrest.Matchers.equalTo(page.notices().size()));
            asReviewer(newReviewer()).get("/api/desk").then().statusCode(200).body("lastSeq", org.hamcrest.Matchers.equalTo(0));
            org.imrflow.events.testing.SignIn.asOperations().get("/api/desk").then().statusCode(403);
            for (int i = 0; i < page.notices().size(); i++) {
                JsonNode notice = page.notices().get(i);
                assertEquals(i + 1, notice.get("seq").asLong(), "gap-free, in order: " + page.notices());
                assertEquals(List.of("seq", "kind", "caseNumber", "at"), fieldNames(notice));
                assertNotNull(Instant.parse(notice.get("at").asText()));
            }
        } finally {
            page.connection().closeAndAwait();
        }
    }

    @Test
    void aPageThatReconnectsWithTheLastSeqItSawGetsWhatItMissed() {
        String reviewer = newReviewer();
        String other = newReviewer();
        Page first = open(reviewer, 0);
        String caseNumber = offered(reviewer);
        await().atMost(PATIENCE).until(() -> first.kinds(caseNumber).equals(List.of("OFFERED")));
        asReviewer(reviewer).post("/api/reviews/" + caseNumber + "/acceptance").then().statusCode(200);
        await().atMost(PATIENCE).until(() -> first.kinds(caseNumber).equals(List.of("OFFERED", "ACCEPTED")));
        long seen = first.lastSeq();
        first.connection().closeAndAwait();

        // While the page is away: the records come, and the case moves to another reviewer.
        IntakeEvents.recordsComplete(stream, caseNumber, LocalDate.now().plusDays(30));
        await().atMost(PATIENCE).until(() -> ReviewInputTest.recordsComplete(caseNumber));
        AssignmentEvents.offer(stream, caseNumber, other, 2, Instant.now());
        ReviewInputTest.awaitReviewer(caseNumber, other);

        Page again = open(reviewer, seen);
        try {
            await().atMost(PATIENCE).until(() -> again.notices().size() >= 2);
            assertEquals(List.of("CASE_UPDATED", "OFFER_WITHDRAWN"), again.kinds(caseNumber), again.notices().toString());
            assertEquals(List.of(seen + 1, seen + 2), again.notices().stream().map(n -> n.get("seq").asLong()).toList());

            // and then it is live again
            String next = offered(reviewer);
            await().atMost(PATIENCE).until(() -> again.kinds(next).equals(List.of("OFFERED")));
            assertEquals(seen + 3, again.lastSeq());
        } finally {
            again.connection().closeAndAwait();
        }
    }

    @Test
    void onlyReviewersOpenTheLiveDesk() {
        assertThrows(RuntimeException.class, () -> connector.baseUri(root).path("/api/desk/live")
                .addHeader("Authorization", "Bearer " + SignIn.operations()).connectAndAwait(), "operations");
        assertThrows(RuntimeException.class, () -> connector.baseUri(root).path("/api/desk/live").connectAndAwait(),
                "no one signed in");
    }

    @Test
    void anAfterThatIsNoSequenceClosesTheSocket() {
        AtomicReference<Integer> closedWith = new AtomicReference<>();
        connector.baseUri(root).path("/api/desk/live?after=yesterday")
                .addHeader("Authorization", "Bearer " + SignIn.reviewer(newReviewer()))
                .onClose((c, reason) -> closedWith.set(reason.getCode()))
                .connectAndAwait();
        await().atMost(PATIENCE).until(() -> closedWith.get() != null);
        assertEquals(1008, closedWith.get());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
