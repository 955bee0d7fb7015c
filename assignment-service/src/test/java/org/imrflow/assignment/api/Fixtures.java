package org.imrflow.assignment.api;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.imrflow.events.CaseReceived;
import org.imrflow.events.ClaimsAdministratorGuideline;
import org.imrflow.events.DisputedItem;
import org.imrflow.events.EventType;
import org.imrflow.events.ItemCategory;
import org.imrflow.events.OfferAccepted;
import org.imrflow.events.OfferDeclined;
import org.imrflow.events.ReviewType;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.events.testing.SampleDispute;
import org.imrflow.events.testing.TestDatabase;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.imrflow.events.testing.SignIn.asOperations;

/**
 * Cases and reviewers for the assignment tests. Each case has parties of its own, so only the demo roster's specialties
 * decide who may have it, except {@link #sample}, which has the sample dispute's parties (and so the demo roster's
 * conflicts). Tests share one roster: they assert who may and may not get a case, not which of several eligible
 * reviewers does, unless they name the reviewer.
 */
final class Fixtures {
    private static final AtomicInteger NUMBERS = new AtomicInteger(8_000_000 + new java.util.Random().nextInt(500_000));

    /** Spinal surgery: orthopedic or neurological surgery, never chiropractic. */
    static final DisputedItem FUSION = new DisputedItem(1, "Lumbar fusion L4-L5", ItemCategory.SURGERY, "M51.26");
    /** An antidepressant for depression: psychiatry only. */
    static final DisputedItem ANTIDEPRESSANT = new DisputedItem(2, "Sertraline 50 mg", ItemCategory.PHARMACY, "F32.1");

    private Fixtures() {
    }

    static int next() {
        return NUMBERS.incrementAndGet();
    }

    static String newCaseNumber() {
        return "CM26-" + next();
    }

    /** A standard case of the items, whose parties no reviewer on the demo roster is affiliated with. */
    static CaseReceived caseReceived(String caseNumber, DisputedItem... items) {
        return caseReceived(caseNumber, ReviewType.STANDARD, items);
    }

    static CaseReceived caseReceived(String caseNumber, ReviewType type, DisputedItem... items) {
        String own = caseNumber.substring(5);
        return new CaseReceived(caseNumber, Instant.now(), type, "claims-" + own,
                new CaseReceived.Parties("Pat Example", true, "Robin Counsel", "Counsel & Co", "firm-" + own,
                        "City Fleet Services", "95-" + own, "Acme Claims Services", "Dr. Lee Treating", "1" + own + "00",
                        "Occupational Medicine", "ur-" + own, "group-" + own),
                "WC-" + own, LocalDate.of(2005, 12, 27), LocalDate.now().minusDays(5),
                new ClaimsAdministratorGuideline(false, "Non-MTUS Citation (ODG) Official Disability Guidelines ACOEM"),
                List.of(items));
    }

    /** The published sample dispute (cervical neurotomy, M54.2) with its parties: rev-occmed-01's on the demo roster. */
    static CaseReceived sample(String caseNumber) {
        return SampleDispute.caseReceived(caseNumber, "acme-claims");
    }

    /** Publishes a case of the items (spinal surgery if none) and waits for its first offer; returns the case number. */
    static String offeredCase(EventStreamProbe stream, DisputedItem... items) {
        String caseNumber = newCaseNumber();
        stream.publish(EventType.CASE_RECEIVED, caseNumber, caseReceived(caseNumber, items.length == 0 ? new DisputedItem[]{FUSION} : items));
        awaitOffer(caseNumber, 1);
        return caseNumber;
    }

    /** A spinal surgery case whose first offer its reviewer accepted. */
    static String acceptedCase(EventStreamProbe stream) {
        String caseNumber = offeredCase(stream);
        accept(stream, caseNumber, 1, assignment(caseNumber).getString("reviewerId"));
        awaitStatus(caseNumber, "ACCEPTED");
        return caseNumber;
    }

    /** Spinal surgery and an antidepressant: no one specialty treats both, so the case waits whoever is on the roster. */
    static String waitingCase(EventStreamProbe stream) {
        String caseNumber = newCaseNumber();
        stream.publish(EventType.CASE_RECEIVED, caseNumber, caseReceived(caseNumber, FUSION, ANTIDEPRESSANT));
        awaitStatus(caseNumber, "AWAITING_REVIEWER");
        return caseNumber;
    }

    /** A reviewer who meets every qualification, of the specialty, as the roster API takes them. */
    static String reviewer(String id, String specialty) {
        return reviewer(id, specialty, "[]");
    }

    static String reviewer(String id, String specialty, String affiliations) {
        return """
                { "id": "%s", "name": "Dr. %s", "specialty": "%s",
                  "californiaLicence": { "number": "A 100001", "expiresOn": "%s" },
                  "boardCertification": { "board": "American Board of %s", "specialty": "%s" },
                  "practiceStartedOn": "2012-07-01", "weeklyClinicalHours": 30, "affiliations": %s }
                """.formatted(id, id, specialty, LocalDate.now().plusYears(2), specialty, specialty, affiliations);
    }

    static void addReviewer(String body) {
        asOperations().contentType(ContentType.JSON).body(body).when().post("/api/reviewers").then().statusCode(201);
    }

    static void awaitStatus(String caseNumber, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asOperations().get("/api/assignments/" + caseNumber)
                .then().statusCode(200).body("status", equalTo(status)));
    }

    /** Waits for the case's offer of that number, and returns the assignment as it then stands. */
    static JsonPath awaitOffer(String caseNumber, int offerNumber) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asOperations().get("/api/assignments/" + caseNumber)
                .then().statusCode(200).body("offerNumber", equalTo(offerNumber)).body("status", equalTo("OFFERED")));
        return assignment(caseNumber);
    }

    static JsonPath assignment(String caseNumber) {
        return asOperations().get("/api/assignments/" + caseNumber).then().statusCode(200).extract().jsonPath();
    }

    /** The case's offers, first first. */
    static JsonPath offers(String caseNumber) {
        return asOperations().get("/api/assignments/" + caseNumber + "/offers").then().statusCode(200).extract().jsonPath();
    }

    /** The reason the offer records for one reviewer. */
    static String reason(String caseNumber, int offerNumber, String reviewerId) {
        return offers(caseNumber).getString("items.find { it.offerNumber == " + offerNumber + " }.reasons.find { it.reviewerId == '"
                + reviewerId + "' }.reason");
    }

    static UUID accept(EventStreamProbe stream, String caseNumber, int offerNumber, String reviewerId) {
        return stream.publish(EventType.OFFER_ACCEPTED, caseNumber, new OfferAccepted(caseNumber, offerNumber, reviewerId, Instant.now()));
    }

    static UUID decline(EventStreamProbe stream, String caseNumber, int offerNumber, String reviewerId, OfferDeclined.DeclineReason reason) {
        return stream.publish(EventType.OFFER_DECLINED, caseNumber,
                new OfferDeclined(caseNumber, offerNumber, reviewerId, reason, Instant.now()));
    }

    static void awaitProcessed(UUID eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.number(
                "select count(*) from processed_event where event_id = ? and consumer = 'assignment-service'", eventId) == 1);
    }

    /**
     * Declines each offer of the case in turn until no reviewer is left: the case then waits.
     *
     * @return the reviewers who declined, in order
     */
    static List<String> declineUntilWaiting(EventStreamProbe stream, String caseNumber) {
        List<String> decliners = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            // Each decline is processed before the next read, and its new offer with it, in one transaction.
            JsonPath now = await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> assignment(caseNumber),
                    a -> List.of("OFFERED", "AWAITING_REVIEWER").contains(a.getString("status")));
            if ("AWAITING_REVIEWER".equals(now.getString("status"))) {
                return decliners;
            }
            decliners.add(now.getString("reviewerId"));
            awaitProcessed(decline(stream, caseNumber, now.getInt("offerNumber"), now.getString("reviewerId"),
                    OfferDeclined.DeclineReason.UNAVAILABLE));
        }
        throw new AssertionError("Case " + caseNumber + " never ran out of reviewers");
    }
}
