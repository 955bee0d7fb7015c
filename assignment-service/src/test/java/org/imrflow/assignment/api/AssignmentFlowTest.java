package org.imrflow.assignment.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.imrflow.events.CaseReceived;
import org.imrflow.events.ClaimsAdministratorGuideline;
import org.imrflow.events.DisputedItem;
import org.imrflow.events.EventType;
import org.imrflow.events.ItemCategory;
import org.imrflow.events.ReviewType;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.events.testing.TestDatabase;
import org.imrflow.events.testing.EventStreamProbe.StreamEvent;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import org.imrflow.events.DecisionRecorded;
import org.imrflow.events.EvidenceLevel;
import org.imrflow.events.Outcome;
import org.imrflow.events.ReviewerGuideline;
import org.imrflow.events.ReviewerQualifications;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.imrflow.events.testing.SignIn.asOperations;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "assignment"))
class AssignmentFlowTest {
    private static final AtomicInteger CASES = new AtomicInteger(8_000_000);

    private final EventStreamProbe stream = EventStreamProbe.ofTestConfig();

    static CaseReceived caseReceived(String caseNumber, ReviewType type, String specialty, String employer) {
        return new CaseReceived(caseNumber, Instant.now(), type, "acme-claims",
                new CaseReceived.Parties("Pat Example", true, "Robin Counsel", "Counsel & Co", "counsel-co", employer,
                        "95-1234567", "Acme Claims Services", "Dr. Lee Treating", "1234567893", specialty, null),
                "WC-1", LocalDate.of(2005, 12, 27), LocalDate.now().minusDays(5),
                new ClaimsAdministratorGuideline(false, "Non-MTUS Citation (ODG) Official Disability Guidelines ACOEM"),
                List.of(new DisputedItem(1, "Cervical medial branch neurotomy at bilateral C2 C3 C4", ItemCategory.INJECTIONS, "M54.2")));
    }

    private static String newCaseNumber() {
        return "CM26-" + CASES.incrementAndGet();
    }

    private static void awaitStatus(String caseNumber, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asOperations().get("/api/assignments/" + caseNumber)
                .then().statusCode(200).body("status", equalTo(status)));
    }

    @Test
    void aStandardCaseGoesToAReviewerOfTheSameSpecialtyWithNoDueDate() {
        String caseNumber = newCaseNumber();
        CaseReceived received = caseReceived(caseNumber, ReviewType.STANDARD, "Pain Medicine", "City Fleet Services");
        stream.publish(EventType.CASE_RECEIVED, caseNumber, received);

        awaitStatus(caseNumber, "ASSIGNED");
        asOperations().get("/api/assignments/" + caseNumber).then()
                .body("reviewerId", equalTo("rev-pain-01"))
                .body("$", not(hasKey("determinationDueDate")));

        StreamEvent assigned = stream.awaitEvent(EventType.REVIEWER_ASSIGNED, caseNumber);
        assertEquals("/assignment-service", assigned.source());
        assertEquals("rev-pain-01", assigned.payload().get("reviewerId").asText());
        assertEquals("Anesthesiology, Pain Medicine", assigned.payload().at("/qualifications/boardCertification").asText());
        // The determination's clock starts with complete records, which assignment never sees.
        assertTrue(assigned.payload().path("determinationDueDate").isMissingNode() || assigned.payload().get("determinationDueDate").isNull());
        assertEquals("Cervical medial branch neurotomy at bilateral C2 C3 C4",
                assigned.payload().at("/disputedItems/0/description").asText());
    }

    @Test
    void anExpeditedCaseGoesToAReviewerAsWell() {
        String caseNumber = newCaseNumber();
        CaseReceived received = caseReceived(caseNumber, ReviewType.EXPEDITED, "Neurology", "City Fleet Services");
        stream.publish(EventType.CASE_RECEIVED, caseNumber, received);

        StreamEvent assigned = stream.awaitEvent(EventType.REVIEWER_ASSIGNED, caseNumber);
        assertEquals("EXPEDITED", assigned.payload().get("reviewType").asText());
        assertEquals("rev-neuro-01", assigned.payload().get("reviewerId").asText());
    }

    @Test
    void aCaseNoReviewerFitsWaitsAndIsAssignedWhenOneJoinsTheRoster() {
        String caseNumber = newCaseNumber();
        stream.publish(EventType.CASE_RECEIVED, caseNumber,
                caseReceived(caseNumber, ReviewType.STANDARD, "Dermatology", "City Fleet Services"));
        awaitStatus(caseNumber, "AWAITING_REVIEWER");

        asOperations().contentType(ContentType.JSON).body("""
                { "id": "rev-derm-01", "name": "Dr. Kim Ames", "specialty": "Dermatology",
                  "boardCertification": "Dermatology", "licensedInCalifornia": true,
                  "yearsInActivePractice": 7, "weeklyClinicalHours": 30 }
                """)
                .when().post("/api/reviewers")
                .then().statusCode(201)
                .body("active", equalTo(true));

        asOperations().get("/api/assignments/" + caseNumber).then()
                .body("status", equalTo("ASSIGNED"))
                .body("reviewerId", equalTo("rev-derm-01"));
        assertEquals("rev-derm-01", stream.awaitEvent(EventType.REVIEWER_ASSIGNED, caseNumber).payload().get("reviewerId").asText());
    }

    @Test
    void theDemoRosterIsListedAndPaged() {
        asOperations().queryParam("size", 100).when().get("/api/reviewers")
                .then().statusCode(200)
                .body("items.id", hasItems("rev-occmed-01", "rev-pain-01", "rev-pmr-01", "rev-ortho-01",
                        "rev-neuro-01", "rev-psych-01", "rev-chiro-01", "rev-im-01"));
        asOperations().queryParam("size", 3).when().get("/api/reviewers")
                .then().statusCode(200)
                .body("items.size()", equalTo(3))
                .body("size", equalTo(3));
        asOperations().get("/api/reviewers/rev-occmed-01").then().statusCode(200)
                .body("boardCertification", equalTo("Occupational Medicine"));
    }

    @Test
    void aBadReviewerIsRefusedFieldByFieldAndADuplicateIsAConflict() {
        asOperations().contentType(ContentType.JSON).body("{ \"id\": \"Bad Id\", \"yearsInActivePractice\": -1 }")
                .when().post("/api/reviewers")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("id", "name", "specialty", "boardCertification",
                        "licensedInCalifornia", "weeklyClinicalHours", "yearsInActivePractice"));

        asOperations().contentType(ContentType.JSON).body("""
                { "id": "rev-pain-01", "name": "Someone", "specialty": "Pain Medicine", "boardCertification": "Pain Medicine",
                  "licensedInCalifornia": true, "yearsInActivePractice": 7, "weeklyClinicalHours": 30 }
                """)
                .when().post("/api/reviewers")
                .then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void unknownReviewersAndAssignmentsAreNotFound() {
        asOperations().get("/api/reviewers/nobody").then().statusCode(404).contentType("application/problem+json");
        asOperations().get("/api/assignments/CM26-0000000").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aCaseReceivedThatBreaksItsSchemaGoesToTheDeadLetterTopic() {
        String caseNumber = newCaseNumber();
        stream.publish(EventType.CASE_RECEIVED, caseNumber, java.util.Map.of("caseNumber", caseNumber));
        String dlq = EventType.CASE_RECEIVED.deadLetterTopic("assignment-service");
        await().atMost(Duration.ofSeconds(30)).until(() -> stream.readRaw(dlq, Duration.ofMillis(200)).stream()
                .anyMatch(r -> caseNumber.equals(r.key())));
        asOperations().get("/api/assignments/" + caseNumber).then().statusCode(404);
    }

    private static void addReviewer(String body) {
        asOperations().contentType(ContentType.JSON).body(body).when().post("/api/reviewers").then().statusCode(201);
    }

    /** Publishes a standard case of the specialty and waits for its assignment: the reviewer it went to. */
    private String assignedReviewer(String caseNumber, String specialty, String employer) {
        stream.publish(EventType.CASE_RECEIVED, caseNumber, caseReceived(caseNumber, ReviewType.STANDARD, specialty, employer));
        awaitStatus(caseNumber, "ASSIGNED");
        return asOperations().get("/api/assignments/" + caseNumber).then().extract().path("reviewerId");
    }

    private static String reviewer(String id, String specialty) {
        return """
                { "id": "%s", "name": "Dr. %s", "specialty": "%s", "boardCertification": "%s",
                  "licensedInCalifornia": true, "yearsInActivePractice": 9, "weeklyClinicalHours": 30 }
                """.formatted(id, id, specialty, specialty);
    }

    @Test
    void twoReviewersJoiningAtOnceAssignAWaitingCaseOnce() throws Exception {
        String specialty = "Ophthalmology " + CASES.incrementAndGet();
        String caseNumber = newCaseNumber();
        stream.publish(EventType.CASE_RECEIVED, caseNumber,
                caseReceived(caseNumber, ReviewType.STANDARD, specialty, "City Fleet Services"));
        awaitStatus(caseNumber, "AWAITING_REVIEWER");

        ExecutorService operators = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> added = new ArrayList<>();
            for (String id : List.of("rev-eye-a-" + caseNumber.substring(5), "rev-eye-b-" + caseNumber.substring(5))) {
                added.add(operators.submit(() -> {
                    start.await();
                    return asOperations().contentType(ContentType.JSON).body(reviewer(id, specialty))
                            .when().post("/api/reviewers").then().extract().statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> status : added) {
                assertEquals(201, status.get());
            }
        } finally {
            operators.shutdown();
        }
        awaitStatus(caseNumber, "ASSIGNED");
        stream.awaitEvent(EventType.REVIEWER_ASSIGNED, caseNumber);
        // Both requests are answered and the timer's sweep finds nothing to do: the outbox is final for this case.
        assertEquals(1L, TestDatabase.outboxRows(caseNumber, EventType.REVIEWER_ASSIGNED), "one reviewer-assigned for the case");
    }

    @Test
    void aWaitingCaseWhoseWakeUpWasMissedIsAssignedByTheSweep() throws Exception {
        String specialty = "Otolaryngology " + CASES.incrementAndGet();
        String caseNumber = newCaseNumber();
        stream.publish(EventType.CASE_RECEIVED, caseNumber,
                caseReceived(caseNumber, ReviewType.STANDARD, specialty, "City Fleet Services"));
        awaitStatus(caseNumber, "AWAITING_REVIEWER");
        // A reviewer who joined without a sweep after it, as when the case committed just after the roster's sweep ran.
        String reviewerId = "rev-ent-" + caseNumber.substring(5);
        TestDatabase.execute("insert into reviewer (id, name, specialty, board_certification, licensed_in_california,"
                + " years_in_active_practice, weekly_clinical_hours, active) values ('" + reviewerId + "', 'Dr. Ent', '"
                + specialty + "', '" + specialty + "', true, 9, 30, true)");

        awaitStatus(caseNumber, "ASSIGNED");
        asOperations().get("/api/assignments/" + caseNumber).then().body("reviewerId", equalTo(reviewerId));
    }

    @Test
    void aDecidedCaseLeavesTheReviewersLoad() {
        String specialty = "Dermatopathology " + CASES.incrementAndGet();
        String first = "rev-skin-a-" + CASES.get();
        String second = "rev-skin-b-" + CASES.get();
        addReviewer(reviewer(first, specialty));
        addReviewer(reviewer(second, specialty));
        String decided = newCaseNumber();
        assertEquals(first, assignedReviewer(decided, specialty, "City Fleet Services"), "a tie goes by id");

        stream.publish(EventType.DECISION_RECORDED, decided, new DecisionRecorded(decided, first,
                new ReviewerQualifications(specialty, specialty), Instant.now(), LocalDate.now().plusDays(30),
                "The injured worker has chronic neck pain.", List.of(new DecisionRecorded.ItemDecision(1,
                        "Cervical medial branch neurotomy at bilateral C2 C3 C4", ItemCategory.INJECTIONS, Outcome.UPHELD,
                        new ClaimsAdministratorGuideline(false, "ODG"),
                        new ReviewerGuideline(EvidenceLevel.MTUS, "MTUS ACOEM", null, null), "Not medically necessary."))));
        awaitStatus(decided, "DECIDED");

        // The first reviewer's desk is empty again, so the tie between two empty desks goes to them once more.
        assertEquals(first, assignedReviewer(newCaseNumber(), specialty, "City Fleet Services"));
    }

    @Test
    void aReviewerAffiliatedWithTheEmployerByIdentifierIsPassedOverWhateverTheEmployerIsCalled() {
        String specialty = "Nephrology " + CASES.incrementAndGet();
        String conflicted = "rev-kidney-a-" + CASES.get();
        String free = "rev-kidney-b-" + CASES.get();
        // The conflicted reviewer sorts first and has the same empty desk: only the conflict can pass them over.
        asOperations().contentType(ContentType.JSON).body(reviewer(conflicted, specialty).replace("\"weeklyClinicalHours\": 30",
                        "\"weeklyClinicalHours\": 30, \"affiliations\": [ { \"kind\": \"EMPLOYER\", \"id\": \"95-1234567\" } ]"))
                .when().post("/api/reviewers").then().statusCode(201)
                .body("affiliations[0].kind", equalTo("EMPLOYER")).body("affiliations[0].id", equalTo("95-1234567"));
        addReviewer(reviewer(free, specialty));

        assertEquals(free, assignedReviewer(newCaseNumber(), specialty, "CITY FLEET SVCS (a name written another way)"));
    }
}
