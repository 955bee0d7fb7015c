package org.imrflow.assignment.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.imrflow.events.testing.RawHttp;
import org.imrflow.events.testing.RestFuzzer;
import org.imrflow.events.testing.RestFuzzer.Endpoint;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

/** Mutated requests against the roster and the assignments (see {@link RestFuzzer}): never a 5xx, every 4xx a problem. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "assignment"))
class AssignmentApiFuzzTest {

    @Test
    void noRequestBreaksTheApi() {
        AtomicInteger ids = new AtomicInteger();
        // ids after the demo roster's in sort order, and a specialty no case has: the fuzz never changes another test's roster
        new RestFuzzer(new RawHttp("localhost", RestAssured.port), RestFuzzer.seedFromSystemProperty())
                .signedInWith(org.imrflow.events.testing.SignIn::operations)
                .endpoint(Endpoint.post("/api/reviewers", () -> AssignmentInputTest.reviewer("zz-fuzz-" + ids.incrementAndGet(),
                        "Dr. Fuzz", "[{\"kind\": \"EMPLOYER\", \"id\": \"95-1234567\"}]")).weight(4))
                .endpoint(Endpoint.get("/api/reviewers").paged())
                .endpoint(Endpoint.get("/api/reviewers/{id}").path("id", () -> "rev-occmed-01"))
                .endpoint(Endpoint.get("/api/assignments").query("status", "AWAITING_REVIEWER", "OFFERED", "ACCEPTED")
                        .query("reviewerId", "rev-occmed-01").paged())
                .endpoint(Endpoint.get("/api/assignments/{caseNumber}").path("caseNumber", () -> "CM26-0000001"))
                .endpoint(Endpoint.get("/api/assignments/{caseNumber}/offers").path("caseNumber", () -> "CM26-0000001").paged())
                .endpoint(Endpoint.post("/api/assignments/{caseNumber}/reassignment", () -> "{ \"reason\": \"Fuzzing\" }")
                        .path("caseNumber", () -> "CM26-0000001"))
                .endpoint(Endpoint.get("/api/matching-rules"))
                .run(300);
    }
}
