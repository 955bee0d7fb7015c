package org.imrflow.intake.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.imrflow.events.EventType;
import org.imrflow.events.testing.AnnouncedCases;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.events.testing.RawHttp;
import org.imrflow.events.testing.RestFuzzer;
import org.imrflow.events.testing.RestFuzzer.Endpoint;
import org.imrflow.events.testing.SampleDispute;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.imrflow.events.testing.SignIn.ACME;
import static org.imrflow.events.testing.SignIn.asClaimsAdmin;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mutated requests against every intake endpoint (see {@link RestFuzzer}): never a 5xx, every 4xx is problem+json,
 * and every case the API creates is announced with an event that validates against its JSON Schema.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class CaseApiFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventStreamProbe stream = EventStreamProbe.ofTestConfig();

    @Test
    void noRequestBreaksTheApiAndEveryCaseCreatedIsAnnouncedValidly() {
        String existing = asClaimsAdmin(ACME).contentType(ContentType.JSON).body(SampleDispute.application(LocalDate.now().minusDays(5)))
                .when().post("/api/cases").then().log().ifValidationFails().statusCode(201).extract().path("caseNumber");
        long seed = RestFuzzer.seedFromSystemProperty();
        Random bodies = new Random(seed);
        Map<String, String> created = new HashMap<>();

        new RestFuzzer(new RawHttp("localhost", RestAssured.port), seed)
                .signedInWith(() -> org.imrflow.events.testing.SignIn.claimsAdmin(ACME))
                // timely and late applications alike
                .endpoint(Endpoint.post("/api/cases", () -> SampleDispute.application(
                        LocalDate.now().minusDays(3 + bodies.nextInt(43)), "Pain Medicine")).weight(4))
                .endpoint(Endpoint.get("/api/cases/{caseNumber}").path("caseNumber", () -> existing))
                .endpoint(Endpoint.get("/api/cases")
                        .query("status", "RECEIVED", "ASSIGNED", "DETERMINATION_ISSUED", "INELIGIBLE", "DEFERRED").paged())
                .onAnswer((request, response) -> {
                    if (response.status() == 201) {
                        try {
                            JsonNode body = JSON.readTree(response.body());
                            created.put(body.get("caseNumber").asText(), body.get("status").asText());
                        } catch (IOException e) {
                            throw new AssertionError("201 without a JSON case: " + response.bodyText());
                        }
                    }
                })
                .run(300);

        assertTrue(created.size() > 5, "some mutated applications are still valid, and are created: " + created.size());
        Map<String, EventType> expected = new HashMap<>();
        created.forEach((caseNumber, status) -> expected.put(caseNumber,
                "RECEIVED".equals(status) ? EventType.CASE_RECEIVED : EventType.CASE_INELIGIBLE));
        AnnouncedCases.assertAnnounced(stream, expected);
    }
}
