package org.imrflow.system;

import io.restassured.http.ContentType;
import org.imrflow.events.EventType;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.events.testing.EventStreamProbe.StreamEvent;
import org.imrflow.events.testing.SampleDispute;
import org.imrflow.local.ImrService;
import org.imrflow.local.LocalSystem;
import org.imrflow.local.chaos.CaseBodies;
import org.imrflow.local.MailServer;
import org.imrflow.system.OtlpReceiver.ReceivedSpan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample letter's dispute, from submission to Final Determination letter, through the four services running as
 * separate processes over real Kafka and PostgreSQL: what a newcomer sees with the README's run command; and its trace.
 */
class WholeCaseSystemTest {
    private static LocalSystem system;
    private static EventStreamProbe stream;
    private static Path dataDir;
    private static OtlpReceiver traces;

    @BeforeAll
    static void startTheSystem() {
        RunningSystem running = RunningSystem.get();
        system = running.system;
        dataDir = running.dataDir;
        stream = new EventStreamProbe(system.kafkaBootstrapServers());
        traces = running.traces;
    }

    @Test
    void theSampleDisputeEndsInItsFinalDeterminationLetter() {
        String intake = system.url(ImrService.INTAKE);
        String assignment = system.url(ImrService.ASSIGNMENT);
        String review = system.url(ImrService.REVIEW);
        String notification = system.url(ImrService.NOTIFICATION);

        int publishedBefore = given().baseUri(notification).get("/api/archive?q=neurotomy").path("total");

        // 1. The claims administrator, signed in through Keycloak, submits the dispute; it is screened eligible.
        String claimNumber = SampleDispute.newClaimNumber();
        String caseNumber = as("claims-admin-acme").baseUri(intake).contentType(ContentType.JSON)
                .body(SampleDispute.application(LocalDate.now().minusDays(6), "Occupational Medicine", claimNumber))
                .when().post("/api/cases")
                .then().statusCode(201).body("status", equalTo("RECEIVED"))
                .extract().path("caseNumber");

        // 2. The Notice of Assignment goes out at once; the claims administrator sends the medical records and says
        //    they are complete, which starts the determination's 30 days.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("claims-admin-acme").baseUri(intake)
                .get("/api/cases/" + caseNumber).then().statusCode(200).body("notice.sentAt", notNullValue()));
        String documentId = SampleCases.recordsSent(system, caseNumber);
        as("claims-admin-acme").baseUri(intake).get("/api/cases/" + caseNumber).then()
                .body("records.completedAt", notNullValue())
                .body("determinationDueDate", equalTo(LocalDate.now(java.time.ZoneId.of("America/Los_Angeles")).plusDays(30).toString()));

        // 3. The case is offered to a qualified, conflict-free reviewer whose specialty treats the condition (a
        //    cervical injection: never, say, psychiatry); operations can read why that reviewer was chosen.
        String reviewerId = SampleCases.awaitOffered(system, caseNumber);
        as("ops").baseUri(assignment).get("/api/assignments/" + caseNumber).then().statusCode(200)
                .body("status", equalTo("OFFERED"));
        assertTrue(List.of("rev-occmed-01", "rev-pain-01", "rev-pmr-01").contains(reviewerId), reviewerId);

        // 4. The offer is on that reviewer's own desk, and on no other reviewer's; they accept it, read the records
        //    from the document store, and decide the item.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(reviewerId).baseUri(review)
                .get("/api/reviews?status=OFFERED").then().statusCode(200)
                .body("items.caseNumber", org.hamcrest.Matchers.hasItem(caseNumber)));
        as("rev-psych-01").baseUri(review).get("/api/reviews/" + caseNumber).then().statusCode(404);
        as("rev-psych-01").baseUri(review).contentType(ContentType.JSON).body(SampleDispute.determination())
                .post("/api/reviews/" + caseNumber + "/determination").then().statusCode(403);
        SampleCases.accepted(system, caseNumber, reviewerId);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(reviewerId).baseUri(review)
                .get("/api/reviews/" + caseNumber).then().statusCode(200).body("status", equalTo("ACCEPTED"))
                .body("recordsComplete", equalTo(true)));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("ops").baseUri(assignment)
                .get("/api/assignments/" + caseNumber).then().statusCode(200).body("status", equalTo("ACCEPTED")));
        byte[] record = as(reviewerId).baseUri(review).get("/api/reviews/" + caseNumber + "/documents/" + documentId)
                .then().statusCode(200).extract().asByteArray();
        assertTrue(java.util.Arrays.equals(CaseBodies.medicalRecord(caseNumber), record), "the record as it was uploaded");
        as(reviewerId).baseUri(review).contentType(ContentType.JSON).body(SampleDispute.determination())
                .when().post("/api/reviews/" + caseNumber + "/determination")
                .then().statusCode(200).body("status", equalTo("DECIDED"));

        // 5. The Final Determination letter is issued.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("claims-admin-acme").baseUri(notification)
                .accept("text/plain").get("/api/letters/" + caseNumber).then().statusCode(200));
        String letter = as("claims-admin-acme").baseUri(notification).accept("text/plain")
                .get("/api/letters/" + caseNumber).asString();
        as("claims-admin-bay").baseUri(notification).get("/api/letters/" + caseNumber).then().statusCode(404);

        int how = letter.indexOf("\nHOW THE IMR FINAL DETERMINATION WAS MADE\n");
        int summary = letter.indexOf("\nCLINICAL CASE SUMMARY\n");
        int issues = letter.indexOf("\nIMR ISSUES, DECISIONS AND RATIONALES\n");
        assertTrue(how > 0 && how < summary && summary < issues, "the three sections, in order:\n" + letter);
        assertTrue(letter.contains("\n" + SampleDispute.NEUROTOMY + ": Overturned\n"), letter);
        String boardCertified = as("ops").baseUri(assignment).get("/api/reviewers/" + reviewerId).path("boardCertification.specialty");
        assertTrue(letter.replaceAll("\\s+", " ").contains("Board Certified in " + boardCertified), letter);
        assertFalse(letter.contains(reviewerId), "the reviewer is never identified in the letter");

        // 5b. The letter reaches the parties as a PDF by email (the representative, for a represented employee), and
        //     its de-identified public copy is published: found by searching "neurotomy", without a name or number
        //     of the case's parties.
        MailServer.ReceivedMail mailed = await().atMost(Duration.ofSeconds(60)).until(() -> system.mail()
                .messagesTo("robin@counsel-co.example").stream()
                .filter(mail -> mail.subject().equals("Independent Medical Review Final Determination - IMR case " + caseNumber))
                .findFirst().orElse(null), java.util.Objects::nonNull);
        assertEquals("final-determination-" + caseNumber + ".pdf", mailed.attachments().get(0).fileName());
        List<String> identifying = List.of("Pat Example", "Robin Counsel", "Counsel & Co", "City Fleet Services",
                "Acme Claims Services", "Lee Treating", claimNumber, caseNumber, "95-1234567", "1234567893",
                "12 Elm Street", "pat.example@example.com", "December 27, 2005", "2005-12-27");
        await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(notification)
                .get("/api/archive?q=neurotomy&size=100").path("total"), total -> ((Integer) total) > publishedBefore);
        List<String> references = given().baseUri(notification).get("/api/archive?q=neurotomy&size=100")
                .then().statusCode(200).extract().path("items.reference");
        for (String reference : references) {
            String published = given().baseUri(notification).get("/api/archive/" + reference).asString();
            for (String value : identifying) {
                assertFalse(published.toLowerCase().contains(value.toLowerCase()), value + " is in " + reference);
            }
        }
        as("ops").baseUri(notification).get("/api/operations/archive-holds").then().statusCode(200)
                .body("caseNumber", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(caseNumber)));

        // 6. The claims administrator sees the case closed with its letter, and never who reviewed it.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("claims-admin-acme").baseUri(intake)
                .get("/api/cases/" + caseNumber).then().statusCode(200).body("status", equalTo("DETERMINATION_ISSUED")));
        assertFalse(as("claims-admin-acme").baseUri(intake).get("/api/cases/" + caseNumber).asString().contains(reviewerId));
        as("claims-admin-bay").baseUri(intake).get("/api/cases/" + caseNumber).then().statusCode(404);
        given().baseUri(intake).get("/api/cases/" + caseNumber).then().statusCode(401);

        // 7. The events went out, valid and in order.
        StreamEvent received = stream.awaitEvent(EventType.CASE_RECEIVED, caseNumber);
        StreamEvent notice = stream.awaitEvent(EventType.NOTICE_OF_ASSIGNMENT_SENT, caseNumber);
        List<StreamEvent> records = stream.awaitEvents(EventType.RECORDS_RECEIVED, caseNumber, 2);
        StreamEvent decided = stream.awaitEvent(EventType.DECISION_RECORDED, caseNumber);
        StreamEvent issued = stream.awaitEvent(EventType.LETTER_ISSUED, caseNumber);
        List<StreamEvent> inOrder = List.of(received, notice, records.get(0), records.get(1), decided, issued);
        for (int i = 1; i < inOrder.size(); i++) {
            assertTrue(inOrder.get(i - 1).timestamp() <= inOrder.get(i).timestamp(),
                    inOrder.get(i - 1).type() + " must come before " + inOrder.get(i).type());
        }
        assertEquals(List.of("/intake-service", "/intake-service", "/intake-service", "/intake-service", "/review-service",
                "/notification-service"), inOrder.stream().map(StreamEvent::source).toList());
        assertEquals("/assignment-service", stream.awaitEvent(EventType.REVIEWER_ASSIGNED, caseNumber).source());
        assertTrue(records.get(1).payload().get("complete").asBoolean());
        assertEquals("OVERTURNED", issued.payload().at("/outcomes/0/outcome").asText());
        // exactly one letter for the case
        assertEquals(1, stream.readAll(EventType.LETTER_ISSUED, caseNumber).size());

        // 8. No PHI in any log: not the worker's name, the claim number, nor a sentence of the clinical summary.
        List<String> phi = List.of("Pat Example", claimNumber, SampleDispute.SUMMARY_SENTENCE);
        assertEquals(List.of(), PhiInLogs.find(dataDir, phi), "log lines that carry PHI");
    }

    /**
     * The claims administrator authorizes the treatment after a reviewer has the case: the case closes everywhere,
     * the reviewer can no longer decide it, and no letter is issued.
     */
    @Test
    void aCaseWithdrawnAfterAssignmentClosesEverywhereWithoutALetter() {
        String intake = system.url(ImrService.INTAKE);
        String caseNumber = SampleCases.filed(system);
        String reviewer = SampleCases.awaitOffered(system, caseNumber);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(reviewer).baseUri(system.url(ImrService.REVIEW))
                .get("/api/reviews/" + caseNumber).then().statusCode(200).body("status", equalTo("OFFERED")));
        SampleCases.accepted(system, caseNumber, reviewer);

        as("claims-admin-acme").baseUri(intake).contentType(ContentType.JSON)
                .body("{\"treatmentAuthorizedDate\": \"" + LocalDate.now(java.time.ZoneId.of("America/Los_Angeles")) + "\"}")
                .post("/api/cases/" + caseNumber + "/withdrawal").then().statusCode(200).body("status", equalTo("WITHDRAWN"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("ops").baseUri(system.url(ImrService.ASSIGNMENT))
                .get("/api/assignments/" + caseNumber).then().statusCode(200).body("status", equalTo("WITHDRAWN")));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(reviewer).baseUri(system.url(ImrService.REVIEW))
                .get("/api/reviews/" + caseNumber).then().statusCode(200).body("status", equalTo("WITHDRAWN")));
        as(reviewer).baseUri(system.url(ImrService.REVIEW)).contentType(ContentType.JSON)
                .body(SampleDispute.determination()).post("/api/reviews/" + caseNumber + "/determination")
                .then().statusCode(409);
        as("claims-admin-acme").baseUri(intake).get("/api/cases/" + caseNumber + "/timeline").then().statusCode(200)
                .body("step", org.hamcrest.Matchers.hasItem("WITHDRAWN"));
        assertEquals("/intake-service", stream.awaitEvent(EventType.CASE_WITHDRAWN, caseNumber).source());
        assertEquals(List.of(), stream.readAll(EventType.DECISION_RECORDED, caseNumber));
        assertEquals(List.of(), stream.readAll(EventType.LETTER_ISSUED, caseNumber));
        as("claims-admin-acme").baseUri(system.url(ImrService.NOTIFICATION)).get("/api/letters/" + caseNumber)
                .then().statusCode(404);
    }

    /**
     * One trace follows the case through the four services, each exporting its spans over OTLP: from the claims
     * administrator's submission through assignment and review, the reviewer's decision (a request of its own, days
     * later in real life) included, to the letter.
     */
    @Test
    void oneTraceFollowsTheSampleDisputeFromItsSubmissionToItsLetter() throws IOException {
        String caseNumber = SampleCases.filedWithRecords(system);
        SampleCases.awaitOnTheDesk(system, caseNumber);
        SampleCases.decided(system, caseNumber);

        // The case's trace is the one its case-received went out in. Each service sends its spans in batches of its
        // own, so the trace is complete once every step of the case has come in.
        String traceId = await().atMost(Duration.ofSeconds(60)).until(
                () -> publication(caseNumber, "intake-service", "imr.case-received"), spans -> spans.size() == 1)
                .get(0).traceId();
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (String step : List.of(
                    "intake-service imr.case-received publish",
                    "assignment-service imr.case-received process",
                    "assignment-service imr.reviewer-assigned publish",
                    "review-service imr.reviewer-assigned process",
                    "review-service record determination",
                    "review-service imr.decision-recorded publish",
                    "notification-service imr.decision-recorded process",
                    "notification-service imr.letter-issued publish")) {
                assertTrue(traces.trace(traceId).stream().anyMatch(span -> (span.service() + " " + span.name()).equals(step)
                                && caseNumber.equals(span.attributes().get("imrflow.case_number"))),
                        step + " of " + caseNumber + " " + describe(traceId));
            }
            assertEquals(List.of("intake-service SERVER POST /api/cases"), traces.trace(traceId).stream()
                            .filter(ReceivedSpan::isRoot).map(root -> root.service() + " " + root.kind() + " " + root.name())
                            .toList(), "the trace begins with the submission " + describe(traceId));
        });
        List<ReceivedSpan> trace = traces.trace(traceId);
        assertEquals(Set.of("intake-service", "assignment-service", "review-service", "notification-service"),
                trace.stream().map(ReceivedSpan::service).collect(Collectors.toSet()), describe(traceId));
        assertEquals(List.of(traceId), publication(caseNumber, "notification-service", "imr.letter-issued").stream()
                .map(ReceivedSpan::traceId).toList(), "one letter, in the case's trace");

        // The reviewer's request is a trace of its own, and it and the recording of the decision link to each other.
        ReceivedSpan recording = trace.stream().filter(span -> span.name().equals("record determination")).findFirst()
                .orElseThrow();
        ReceivedSpan request = await().atMost(Duration.ofSeconds(30)).until(() -> traces.spans(span ->
                span.service().equals("review-service") && span.kind().equals("SERVER")
                        && span.linkedSpanIds().contains(recording.spanId())), spans -> !spans.isEmpty()).get(0);
        assertNotEquals(traceId, request.traceId());
        assertEquals("POST /api/reviews/{caseNumber}/determination", request.name());
        assertEquals(List.of(request.spanId()), recording.linkedSpanIds());

        // Log lines carry the trace id: the review service's line about the decision names the case's trace.
        List<String> decided = Files.readAllLines(system.process(ImrService.REVIEW).log()).stream()
                .filter(line -> line.contains("Case " + caseNumber + " decided")).toList();
        assertEquals(1, decided.size(), decided::toString);
        assertTrue(decided.get(0).contains("traceId=" + traceId + " spanId=" + recording.spanId()), decided.get(0));
    }

    private static List<ReceivedSpan> publication(String caseNumber, String service, String topic) {
        return traces.spans(span -> span.service().equals(service) && span.name().equals(topic + " publish")
                && caseNumber.equals(span.attributes().get("imrflow.case_number")));
    }

    private static String describe(String traceId) {
        return traces.trace(traceId).stream().map(ReceivedSpan::toString)
                .collect(Collectors.joining("\n  ", "(trace " + traceId + ":\n  ", ")"));
    }

    /** A request signed in as a demo identity of the local realm, with a token from the stack's Keycloak. */
    private static io.restassured.specification.RequestSpecification as(String identity) {
        return given().auth().oauth2(system.tokens().accessToken(identity));
    }
}
