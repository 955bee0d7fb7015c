package org.imrflow.assignment.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.imrflow.events.EventType;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** This service's dead-letters channel is wired: a message its consumer rejects is listed by /api/dead-letters. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "assignment"))
class DeadLetterApiTest {
    private static final EventType TYPE = EventType.CASE_RECEIVED;

    private final EventStreamProbe stream = EventStreamProbe.ofTestConfig();

    @Test
    void aMessageTheConsumerRejectsIsListedAsADeadLetterWithoutItsPayload() {
        String caseNumber = "CM26-" + (7_000_000 + new java.util.Random().nextInt(1_000_000));
        UUID eventId = UUID.randomUUID();
        stream.publishRaw(TYPE.topic(), caseNumber, "{\"secret\": \"Pat Example\"", Map.of(
                "ce_specversion", "1.0",
                "ce_id", eventId.toString(),
                "ce_type", TYPE.cloudEventType(),
                "ce_source", "/test",
                "ce_subject", caseNumber,
                "content-type", "application/json"));

        Map<String, Object> letter = await().atMost(Duration.ofSeconds(60)).until(() -> given()
                        .queryParam("replayed", false).queryParam("size", 100).get("/api/dead-letters")
                        .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items").stream()
                        .filter(l -> eventId.toString().equals(l.get("eventId")))
                        .findFirst(),
                Optional::isPresent).get();

        assertEquals(TYPE.topic(), letter.get("topic"));
        assertEquals(TYPE.deadLetterTopic("assignment-service"), letter.get("deadLetterTopic"));
        assertEquals(caseNumber, letter.get("caseNumber"));
        assertEquals(TYPE.cloudEventType(), letter.get("eventType"));
        assertEquals("payload is not JSON", ((String) letter.get("reason")).split(":")[0]);
        String body = given().get("/api/dead-letters/" + letter.get("id")).then().statusCode(200).extract().asString();
        assertFalse(body.contains("Pat Example"), body);
    }
}
