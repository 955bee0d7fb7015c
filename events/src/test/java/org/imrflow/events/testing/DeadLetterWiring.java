package org.imrflow.events.testing;

import org.imrflow.events.EventType;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.imrflow.events.testing.SignIn.asOperations;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The check each service makes that its dead-letters channel is wired: a rejected message shows in its API. */
public final class DeadLetterWiring {
    private DeadLetterWiring() {
    }

    /**
     * Sends a message the service's consumer of {@code type} rejects (its payload is not JSON), and checks that the
     * service's {@code /api/dead-letters} lists it with where it came from and why, never with its payload.
     */
    public static void assertARejectedMessageIsListedWithoutItsPayload(EventType type, String service) {
        EventStreamProbe stream = EventStreamProbe.ofTestConfig();
        String caseNumber = "CM26-" + (7_000_000 + new java.util.Random().nextInt(1_000_000));
        UUID eventId = UUID.randomUUID();
        stream.publishRaw(type.topic(), caseNumber, "{\"secret\": \"Pat Example\"", Map.of(
                "ce_specversion", "1.0",
                "ce_id", eventId.toString(),
                "ce_type", type.cloudEventType(),
                "ce_source", "/test",
                "ce_subject", caseNumber,
                "content-type", "application/json"));

        Map<String, Object> letter = await().atMost(Duration.ofSeconds(60)).until(() -> asOperations()
                        .queryParam("replayed", false).queryParam("size", 100).get("/api/dead-letters")
                        .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items").stream()
                        .filter(l -> eventId.toString().equals(l.get("eventId")))
                        // the consumer under test's; another consumer of the same topic in the service has its own
                        .filter(l -> type.deadLetterTopic(service).equals(l.get("deadLetterTopic")))
                        .findFirst(),
                Optional::isPresent).get();

        assertEquals(type.topic(), letter.get("topic"));
        assertEquals(type.deadLetterTopic(service), letter.get("deadLetterTopic"));
        assertEquals(caseNumber, letter.get("caseNumber"));
        assertEquals(type.cloudEventType(), letter.get("eventType"));
        assertEquals("payload is not JSON", ((String) letter.get("reason")).split(":")[0]);
        String body = asOperations().get("/api/dead-letters/" + letter.get("id")).then().statusCode(200).extract().asString();
        assertFalse(body.contains("Pat Example"), body);
    }
}
