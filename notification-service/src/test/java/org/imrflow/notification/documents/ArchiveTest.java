package org.imrflow.notification.documents;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.imrflow.events.DecisionRecorded;
import org.imrflow.events.EventType;
import org.imrflow.events.EvidenceLevel;
import org.imrflow.events.ReviewerGuideline;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.events.testing.TestDatabase;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.imrflow.events.testing.SignIn.ACME;
import static org.imrflow.events.testing.SignIn.asOperations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public archive through real HTTP, Kafka and PostgreSQL: a Final Determination is published de-identified,
 * found by full-text search and filters, counted in the overturn rates; bad queries are 400 and a greedy client 429.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class ArchiveTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final EventStreamProbe stream = EventStreamProbe.ofTestConfig();

    /** Publishes the sample case with a treatment no other test uses; returns its public reference. */
    private String published(CaseEvents events, String treatment) {
        stream.publish(EventType.CASE_RECEIVED, events.caseNumber, events.received);
        stream.publish(EventType.DECISION_RECORDED, events.caseNumber, events.decision(treatment));
        String word = treatment.substring(treatment.lastIndexOf(' ') + 1);
        return await().atMost(PATIENCE).until(() -> {
            List<String> found = Archive.search("q", word).then().statusCode(200).extract().path("items.reference");
            return found.isEmpty() ? null : found.get(0);
        }, java.util.Objects::nonNull);
    }

    @Test
    void aFinalDeterminationIsPublishedWithoutAnyIdentifyingValue_andFoundBySearch() throws Exception {
        CaseEvents events = new CaseEvents(ACME);
        String marker = "neurotomyx" + events.caseNumber.substring(5);
        String reference = published(events, "Cervical medial branch neurotomy at bilateral C2 C3 C4 " + marker);

        JsonPath letter = Archive.visitor().get("/api/archive/" + reference).then().statusCode(200).extract().jsonPath();
        String text = letter.getString("text");
        String everything = Archive.visitor().get("/api/archive/" + reference).asString()
                + DocumentDeliveryTest.pdfText(Archive.visitor().get("/api/archive/" + reference + "/pdf").then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray());
        for (String identifying : List.of("Pat Example", "Example", "Robin Counsel", "Counsel & Co", "City Fleet Services",
                "Acme Claims Services", "Lee Treating", events.received.claimNumber(), events.caseNumber, "95-1234567",
                "1234567893", "12 Elm Street", "pat.example", "December 27, 2005", "2005-12-27", "rev-occmed-01")) {
            assertFalse(everything.toLowerCase(Locale.ROOT).contains(identifying.toLowerCase(Locale.ROOT)),
                    identifying + " was published");
        }
        // replaced, not blanked; the year of injury may stay
        assertThat(text, containsString("The injured worker, the employee, is a represented employee"));
        assertThat(text, containsString("industrial injury of 2005"));
        assertThat(text, containsString("Board Certified in Occupational Medicine"));
        assertEquals(2005, letter.getInt("yearOfInjury"));
        assertEquals("Occupational Medicine", letter.getString("reviewerSpecialty"));
        assertEquals(List.of("OVERTURNED"), letter.getList("items.outcome"));
        assertEquals(List.of("MTUS"), letter.getList("items.evidenceLevel"));

        // the search reads the treatment and the rationale, stemmed: "procedures" finds "procedure"
        Archive.search("q", marker + " radiofrequency").then().statusCode(200).body("items.reference", hasItem(reference));
        Archive.search("q", marker + " -radiofrequency").then().statusCode(200).body("total", equalTo(0));
        Archive.search("q", "neurotomy").then().statusCode(200).body("items.reference", hasItem(reference));
        // the page size caps what one call reads
        Archive.search("q", "neurotomy", "size", "1").then().statusCode(200).body("items", org.hamcrest.Matchers.hasSize(1));
    }

    @Test
    void theFiltersMustHoldForTheSameItem_andTheOverturnRatesCountEveryPublishedItem() {
        CaseEvents events = new CaseEvents(ACME);
        String marker = "filterx" + events.caseNumber.substring(5);
        String reference = published(events, "Cervical neurotomy " + marker);
        String year = String.valueOf(LocalDate.now().getYear());

        Archive.search("q", marker, "category", "INJECTIONS", "outcome", "OVERTURNED", "year", year,
                        "specialty", "occupational medicine", "evidenceLevel", "MTUS")
                .then().statusCode(200).body("items.reference", equalTo(List.of(reference)))
                .body("items[0].items[0].categoryName", equalTo("Injections"));
        for (String[] miss : List.of(new String[]{"outcome", "UPHELD"}, new String[]{"category", "PHARMACY"},
                new String[]{"year", "2014"}, new String[]{"specialty", "Psychiatry"},
                new String[]{"evidenceLevel", "EXPERT_OPINION"})) {
            Archive.search("q", marker, miss[0], miss[1]).then().statusCode(200).body("total", equalTo(0));
        }
        Archive.visitor().get("/api/archive/statistics").then().statusCode(200)
                .body("byCategory.group", hasItem("INJECTIONS"))
                .body("byYear.group", hasItem(year))
                .body("overall[0].decided", greaterThan(0))
                .body("byCategory.find { it.group == 'INJECTIONS' }.overturned", greaterThan(0));
    }

    @Test
    void aCopyInWhichTheDetectorStillFindsAValueIsHeldBack_andOperationsAreTold() {
        CaseEvents events = new CaseEvents(ACME);
        String marker = "heldx" + events.caseNumber.substring(5);
        // the free text is de-identified, but a citation field is printed as the reviewer typed it: here it names
        // the requesting physician, so the detector must stop the copy
        DecisionRecorded decision = events.decision("Cervical neurotomy " + marker);
        DecisionRecorded.ItemDecision item = decision.decisions().get(0);
        DecisionRecorded citingTheDoctor = new DecisionRecorded(decision.caseNumber(), decision.reviewerId(),
                decision.qualifications(), decision.decidedAt(), decision.determinationDueDate(),
                decision.clinicalCaseSummary(), List.of(new DecisionRecorded.ItemDecision(item.itemNumber(),
                item.description(), item.category(), item.outcome(), item.claimsAdministratorGuideline(),
                new ReviewerGuideline(EvidenceLevel.MTUS, "MTUS ACOEM", "Chapter 8, as Dr. LEE  treating noted", "174"),
                item.rationale())));
        stream.publish(EventType.CASE_RECEIVED, events.caseNumber, events.received);
        stream.publish(EventType.DECISION_RECORDED, events.caseNumber, citingTheDoctor);
        await().atMost(PATIENCE).untilAsserted(() -> asOperations().get("/api/operations/archive-holds").then()
                .statusCode(200).body("caseNumber", hasItem(events.caseNumber)));
        asOperations().get("/api/operations/archive-holds").then()
                .body("find { it.caseNumber == '" + events.caseNumber + "' }.leakedKinds", hasItem("PHYSICIAN_NAME"))
                .body(not(containsString("Treating")));
        Archive.search("q", marker).then().statusCode(200).body("total", equalTo(0));
        // the parties still get their letter
        DocumentDeliveryTest.awaitDocument(events.caseNumber, "FINAL_DETERMINATION");
    }

    @Test
    void badQueriesAreA400NamingEachParameter_andAnUnknownLetterIs404() {
        Archive.search("q", "n".repeat(201), "category", "SURGERY_OR_NOT", "outcome", "MAYBE", "year", "1999",
                        "evidenceLevel", "HUNCH")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("q", "category", "outcome", "year", "evidenceLevel"));
        Archive.search("year", "twenty").then().statusCode(400).body("errors.field", equalTo(List.of("year")));
        Archive.search("size", "1000").then().statusCode(400).body("errors.field", equalTo(List.of("size")));
        Archive.visitor().get("/api/archive/PD-NOSUCHONE").then().statusCode(404).contentType("application/problem+json");
        Archive.visitor().get("/api/archive/PD-NOSUCHONE/pdf").then().statusCode(404);
        // no sign-in needed, and the page is served to anyone
        Archive.visitor().get("/archive/").then().statusCode(200).body(containsString("Final Determinations"));
    }

    @Test
    void aClientOverItsRateIsTold429WithRetryAfter_andOtherClientsAreNot() {
        String greedy = "203.0.113.7-" + UUID.randomUUID();
        int answered = 0;
        int status = 200;
        while (status == 200 && answered < 1000) {
            status = Archive.visitor(greedy).get("/api/archive/statistics").statusCode();
            answered++;
        }
        assertEquals(429, status, "refused once its burst was spent");
        assertTrue(answered > 1, "a burst is allowed first");
        Archive.visitor(greedy).get("/api/archive").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                .body("status", equalTo(429));
        Archive.visitor().get("/api/archive/statistics").then().statusCode(200);
    }

    @Test
    void anIssuedDocumentNeverChanges() throws Exception {
        CaseEvents events = new CaseEvents(ACME);
        stream.publish(EventType.CASE_RECEIVED, events.caseNumber, events.received);
        stream.publish(EventType.NOTICE_OF_ASSIGNMENT_SENT, events.caseNumber, events.noticeSent());
        String documentId = DocumentDeliveryTest.awaitDocument(events.caseNumber, "NOTICE_OF_ASSIGNMENT").getString("documentId");
        SQLException refused = assertThrows(SQLException.class, () -> TestDatabase.execute(
                "update document set text_body = 'changed' where document_id = '" + documentId + "'"));
        assertThat(refused.getMessage(), containsString("never changes"));
        asOperations().get("/api/documents/" + documentId + "/text").then().body(not(equalTo("changed")));
    }
}
