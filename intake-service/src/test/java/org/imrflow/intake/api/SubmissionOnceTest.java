package org.imrflow.intake.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.imrflow.events.EventType;
import org.imrflow.events.Retention;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.events.testing.SampleDispute;
import org.imrflow.events.testing.TestDatabase;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.imrflow.events.testing.SignIn.ACME;
import static org.imrflow.events.testing.SignIn.asClaimsAdmin;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A dispute becomes one case, however often and however concurrently it is sent. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class SubmissionOnceTest {
    private static final LocalDate UR_DECISION = LocalDate.now().minusDays(5);

    private final EventStreamProbe stream = EventStreamProbe.ofTestConfig();

    @Inject
    Retention retention;

    private static Response submit(String body, String idempotencyKey) {
        var request = asClaimsAdmin(ACME).contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.when().post("/api/cases");
    }

    private static String dispute(String claimNumber) {
        return SampleDispute.application(UR_DECISION, "Pain Medicine", claimNumber);
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheSameCase() {
        String key = UUID.randomUUID().toString();
        String body = dispute(SampleDispute.newClaimNumber());
        Response first = submit(body, key);
        first.then().statusCode(201);
        assertNull(first.header("Idempotent-Replayed"));
        String caseNumber = first.path("caseNumber");

        submit(body, key).then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", endsWith("/api/cases/" + caseNumber))
                .body("caseNumber", equalTo(caseNumber));
        assertEquals(1, stream.awaitEvents(EventType.CASE_RECEIVED, caseNumber, 1).size());
    }

    @Test
    void aKeyIsForgottenAfterTheRetentionPeriod() throws Throwable {
        String key = UUID.randomUUID().toString();
        submit(dispute(SampleDispute.newClaimNumber()), key).then().statusCode(201);
        TestDatabase.execute("update idempotency_key set created_at = now() - interval '8 days' where idempotency_key = '"
                + key + "'");
        VertxContextSupport.subscribeAndAwait(() -> retention.prune());
        assertEquals(0L, TestDatabase.number("select count(*) from idempotency_key where idempotency_key = ?", key));
        submit(dispute(SampleDispute.newClaimNumber()), key).then().statusCode(201); // a new application now
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        submit(dispute(SampleDispute.newClaimNumber()), key).then().statusCode(201);
        submit(dispute(SampleDispute.newClaimNumber()), key).then().statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("type", endsWith("/idempotency-key-reused"));
    }

    @Test
    void theSameDisputeAgainWithoutAKeyIs409WithTheExistingCase() {
        String claim = SampleDispute.newClaimNumber();
        String caseNumber = submit(dispute(claim), null).then().statusCode(201).extract().path("caseNumber");
        submit(dispute(claim), null).then().statusCode(409)
                .contentType("application/problem+json")
                .header("Location", endsWith("/api/cases/" + caseNumber))
                .body("status", equalTo(409))
                .body("detail", org.hamcrest.Matchers.containsString(caseNumber));
    }

    @Test
    void anIneligibleApplicationMayBeFiledAgainCorrected() {
        String claim = SampleDispute.newClaimNumber();
        String unsigned = dispute(claim).replaceAll("\"applicationSignedDate\": \"[0-9-]+\", \"applicationSignedBy\": \"[A-Z]+\",", "");
        submit(unsigned, null).then().statusCode(201).body("status", equalTo("INELIGIBLE"));
        submit(dispute(claim), null).then().statusCode(201).body("status", equalTo("RECEIVED"));
    }

    /** Several rounds, because a loser can look for the key before the winner commits and find its case after. */
    @RepeatedTest(10)
    void concurrentRetriesWithOneKeyMakeOneCase() {
        String key = UUID.randomUUID().toString();
        String body = dispute(SampleDispute.newClaimNumber());
        List<Response> answers = all(8, () -> submit(body, key));
        List<String> caseNumbers = answers.stream().map(answer -> {
            answer.then().statusCode(201);
            return answer.<String>path("caseNumber");
        }).distinct().toList();
        assertEquals(1, caseNumbers.size(), "one case for one key: " + caseNumbers);
    }

    @Test
    void concurrentIdenticalApplicationsWithoutAKeyMakeOneCaseAndTheRestAre409() {
        String body = dispute(SampleDispute.newClaimNumber());
        List<Response> answers = all(8, () -> submit(body, null));
        List<Integer> statuses = answers.stream().map(Response::statusCode).sorted().toList();
        assertEquals(1, statuses.stream().filter(status -> status == 201).count(), "statuses " + statuses);
        assertEquals(7, statuses.stream().filter(status -> status == 409).count(), "statuses " + statuses);
    }

    /** Starts every request at once, each on a thread of its own. */
    private static List<Response> all(int count, java.util.function.Supplier<Response> request) {
        ExecutorService clients = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Response>> running = IntStream.range(0, count)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return request.get();
                    }, clients))
                    .toList();
            start.countDown();
            return running.stream().map(CompletableFuture::join).toList();
        } finally {
            clients.shutdown();
        }
    }
}
