package org.imrflow.review.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.imrflow.events.EventType;
import org.imrflow.events.testing.AnnouncedCases;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.events.testing.RawHttp;
import org.imrflow.events.testing.RestFuzzer;
import org.imrflow.events.testing.RestFuzzer.Endpoint;
import org.imrflow.events.testing.SampleDispute;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Mutated requests against the reviewer's desk (see {@link RestFuzzer}): never a 5xx, every 4xx a problem, and every
 * determination the API records is on the stream as a decision-recorded event valid by its schema.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "review"))
class ReviewApiFuzzTest {
    private static final AtomicInteger CASES = new AtomicInteger(9_000_000);

    @Test
    void noRequestBreaksTheApiAndEveryDeterminationIsAnnouncedValidly() {
        EventStreamProbe stream = EventStreamProbe.ofTestConfig();
        List<String> open = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            open.add(ReviewInputTest.assign(stream, CASES, "rev-fuzz-01"));
        }
        open.forEach(ReviewInputTest::awaitAccepted);
        AtomicInteger next = new AtomicInteger();
        Map<String, EventType> decided = new HashMap<>();

        new RestFuzzer(new RawHttp("localhost", RestAssured.port), RestFuzzer.seedFromSystemProperty())
                .signedInWith(() -> org.imrflow.events.testing.SignIn.reviewer("rev-fuzz-01"))
                .endpoint(Endpoint.post("/api/reviews/{caseNumber}/determination", SampleDispute::determination)
                        .path("caseNumber", () -> open.get(next.getAndIncrement() % open.size())).weight(4))
                .endpoint(Endpoint.get("/api/reviews").query("reviewerId", "rev-fuzz-01").query("status", "ACCEPTED", "DECIDED")
                        .paged())
                .endpoint(Endpoint.get("/api/reviews/{caseNumber}").path("caseNumber", () -> open.get(0)))
                .onAnswer((request, response) -> {
                    if ("POST".equals(request.method()) && response.status() == 200) {
                        decided.put(request.target().split("/")[3], EventType.DECISION_RECORDED);
                    }
                })
                .run(300);

        AnnouncedCases.assertAnnounced(stream, decided);
    }
}
