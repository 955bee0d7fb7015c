package org.imrflow.notification.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.imrflow.events.testing.RawHttp;
import org.imrflow.events.testing.RestFuzzer;
import org.imrflow.events.testing.RestFuzzer.Endpoint;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

/** Mutated requests against the letters (see {@link RestFuzzer}): never a 5xx, every 4xx a problem. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class LetterApiFuzzTest {

    @Test
    void noRequestBreaksTheApi() {
        new RestFuzzer(new RawHttp("localhost", RestAssured.port), RestFuzzer.seedFromSystemProperty())
                .signedInWith(org.imrflow.events.testing.SignIn::operations)
                .endpoint(Endpoint.get("/api/letters").paged())
                .endpoint(Endpoint.get("/api/letters/{caseNumber}").path("caseNumber", () -> "CM26-0000001")
                        .alsoProduces("text/plain"))
                .run(200);
    }
}
