package org.imrflow.intake.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.imrflow.events.ClaimsAdministratorGuideline;
import org.imrflow.events.DisputedItem;
import org.imrflow.events.EventType;
import org.imrflow.events.ItemCategory;
import org.imrflow.events.LetterIssued;
import org.imrflow.events.Outcome;
import org.imrflow.events.ReviewType;
import org.imrflow.events.ReviewerAssigned;
import org.imrflow.events.ReviewerQualifications;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.events.testing.SampleDispute;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.imrflow.events.testing.SignIn.ACME;
import static org.imrflow.events.testing.SignIn.asClaimsAdmin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsString;

/** A claims administrator follows a case past intake: assigned (when, never by whom), then determination issued. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class CaseProgressTest {
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final EventStreamProbe stream = EventStreamProbe.ofTestConfig();

    private static ReviewerAssigned assigned(String caseNumber, Instant assignedAt) {
        return new ReviewerAssigned(caseNumber, "rev-secret-01", new ReviewerQualifications("Pain Medicine", "Pain Medicine"),
                assignedAt, ReviewType.STANDARD, null, new ClaimsAdministratorGuideline(false, "ODG"),
                List.of(new DisputedItem(1, SampleDispute.NEUROTOMY, ItemCategory.INJECTIONS, null)));
    }

    private static void awaitStatus(String caseNumber, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asClaimsAdmin(ACME).get("/api/cases/" + caseNumber)
                .then().statusCode(200).body("status", equalTo(status)));
    }

    private String submitted() {
        return asClaimsAdmin(ACME).contentType(ContentType.JSON)
                .body(SampleDispute.application(LocalDate.now().minusDays(5)))
                .when().post("/api/cases").then().statusCode(201).extract().path("caseNumber");
    }

    private static LetterIssued letter(String caseNumber, Instant issuedAt) {
        return new LetterIssued(caseNumber, UUID.randomUUID().toString(), issuedAt,
                List.of(new LetterIssued.ItemOutcome(1, Outcome.OVERTURNED)));
    }

    @Test
    void aCaseIsAssignedThenItsDeterminationIssuedAndTheReviewerIsNeverShown() {
        String caseNumber = submitted();
        stream.publish(EventType.REVIEWER_ASSIGNED, caseNumber, assigned(caseNumber, Instant.now()));
        awaitStatus(caseNumber, "ASSIGNED");
        asClaimsAdmin(ACME).get("/api/cases/" + caseNumber + "/timeline").then()
                .body("step", hasItem("ASSIGNED"))
                .body(not(containsString("rev-secret-01")));
        asClaimsAdmin(ACME).get("/api/cases/" + caseNumber).then()
                .body("determinationDueDate", nullValue()) // the assignment no longer sets it: the records start the clock
                .body(not(containsString("rev-secret-01")));

        stream.publish(EventType.LETTER_ISSUED, caseNumber, letter(caseNumber, Instant.now()));
        awaitStatus(caseNumber, "DETERMINATION_ISSUED");
        asClaimsAdmin(ACME).get("/api/cases/" + caseNumber).then().body("letterIssuedAt", notNullValue());
    }

    /**
     * The two topics are consumed at once and Kafka orders nothing across them. Whatever order the events of a case
     * arrive in, and however often, the case ends issued with both the assignment's and the letter's time: no write
     * undoes another.
     */
    @Test
    void progressOnTwoTopicsAtOnceInAnyOrderAndRedeliveredEndsComplete() {
        Instant assignedAt = Instant.parse("2026-11-19T09:00:00Z");
        Instant issued = Instant.parse("2026-11-20T10:00:00Z");
        List<String> cases = java.util.stream.IntStream.range(0, 20).mapToObj(i -> submitted()).toList();
        for (int i = 0; i < cases.size(); i++) {
            String caseNumber = cases.get(i);
            if (i % 2 == 0) {
                stream.publish(EventType.LETTER_ISSUED, caseNumber, letter(caseNumber, issued));
                UUID id = stream.publish(EventType.REVIEWER_ASSIGNED, caseNumber, assigned(caseNumber, assignedAt));
                redeliver(EventType.REVIEWER_ASSIGNED, caseNumber, assigned(caseNumber, assignedAt), id);
            } else {
                UUID id = stream.publish(EventType.REVIEWER_ASSIGNED, caseNumber, assigned(caseNumber, assignedAt));
                stream.publish(EventType.LETTER_ISSUED, caseNumber, letter(caseNumber, issued));
                redeliver(EventType.REVIEWER_ASSIGNED, caseNumber, assigned(caseNumber, assignedAt), id);
            }
        }
        for (String caseNumber : cases) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> asClaimsAdmin(ACME).get("/api/cases/" + caseNumber).then()
                    .body("status", equalTo("DETERMINATION_ISSUED"))
                    .body("letterIssuedAt", equalTo(issued.toString())));
            asClaimsAdmin(ACME).get("/api/cases/" + caseNumber + "/timeline").then()
                    .body("find { it.step == 'ASSIGNED' }.at", equalTo(assignedAt.toString()));
        }
    }

    @Test
    void aLateAssignmentAfterTheLetterDoesNotMoveTheCaseBack() {
        String caseNumber = submitted();
        stream.publish(EventType.REVIEWER_ASSIGNED, caseNumber, assigned(caseNumber, Instant.parse("2026-11-19T09:00:00Z")));
        stream.publish(EventType.LETTER_ISSUED, caseNumber, letter(caseNumber, Instant.now()));
        awaitStatus(caseNumber, "DETERMINATION_ISSUED");

        // A reassignment that arrives late, after the letter, on its own topic: its time shows it was taken.
        Instant reassigned = Instant.parse("2026-11-20T09:00:00Z");
        stream.publish(EventType.REVIEWER_ASSIGNED, caseNumber, assigned(caseNumber, reassigned));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asClaimsAdmin(ACME).get("/api/cases/" + caseNumber + "/timeline")
                .then().body("find { it.step == 'ASSIGNED' }.at", equalTo(reassigned.toString())));
        asClaimsAdmin(ACME).get("/api/cases/" + caseNumber).then().body("status", equalTo("DETERMINATION_ISSUED"));
    }

    /** The same event again, same id: what Kafka does after a consumer crash. */
    private void redeliver(EventType type, String caseNumber, Object payload, UUID id) {
        try {
            stream.publishRaw(type.topic(), caseNumber, JSON.writeValueAsString(payload), Map.of(
                    "ce_specversion", "1.0", "ce_id", id.toString(), "ce_type", type.cloudEventType(),
                    "ce_source", "/test", "ce_subject", caseNumber, "content-type", "application/json"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
