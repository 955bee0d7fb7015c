package org.imrflow.intake.api;

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
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.containsString;

/** A claims administrator follows a case past intake: assigned with its due date, then determination issued. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class CaseProgressTest {
    private final EventStreamProbe stream = EventStreamProbe.ofTestConfig();

    private static ReviewerAssigned assigned(String caseNumber, LocalDate due) {
        return new ReviewerAssigned(caseNumber, "rev-secret-01", new ReviewerQualifications("Pain Medicine", "Pain Medicine"),
                Instant.now(), ReviewType.STANDARD, due, new ClaimsAdministratorGuideline(false, "ODG"),
                List.of(new DisputedItem(1, SampleDispute.NEUROTOMY, ItemCategory.INJECTIONS, null)));
    }

    private static void awaitStatus(String caseNumber, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/cases/" + caseNumber)
                .then().statusCode(200).body("status", equalTo(status)));
    }

    @Test
    void aCaseIsAssignedThenItsDeterminationIssuedAndALateEventChangesNothing() {
        String caseNumber = given().contentType(ContentType.JSON)
                .body(SampleDispute.application(LocalDate.now().minusDays(5)))
                .when().post("/api/cases").then().statusCode(201).extract().path("caseNumber");
        LocalDate due = LocalDate.now().plusDays(30);

        stream.publish(EventType.REVIEWER_ASSIGNED, caseNumber, assigned(caseNumber, due));
        awaitStatus(caseNumber, "ASSIGNED");
        given().get("/api/cases/" + caseNumber).then()
                .body("determinationDueDate", equalTo(due.toString()))
                .body(not(containsString("rev-secret-01")));

        stream.publish(EventType.LETTER_ISSUED, caseNumber, new LetterIssued(caseNumber, UUID.randomUUID().toString(),
                Instant.now(), List.of(new LetterIssued.ItemOutcome(1, Outcome.OVERTURNED))));
        awaitStatus(caseNumber, "DETERMINATION_ISSUED");
        given().get("/api/cases/" + caseNumber).then().body("letterIssuedAt", notNullValue());

        // A late assignment must not move the case back. A second letter-issued behind it on the same partition
        // (same key) proves the late one was consumed before we look.
        stream.publish(EventType.REVIEWER_ASSIGNED, caseNumber, assigned(caseNumber, due));
        Instant reissued = Instant.parse("2026-11-20T10:00:00Z");
        stream.publish(EventType.LETTER_ISSUED, caseNumber, new LetterIssued(caseNumber, UUID.randomUUID().toString(),
                reissued, List.of(new LetterIssued.ItemOutcome(1, Outcome.OVERTURNED))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/cases/" + caseNumber)
                .then().body("letterIssuedAt", equalTo(reissued.toString())));
        given().get("/api/cases/" + caseNumber).then().body("status", equalTo("DETERMINATION_ISSUED"));
    }
}
