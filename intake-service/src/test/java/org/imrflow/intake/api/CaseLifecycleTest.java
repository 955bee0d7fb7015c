package org.imrflow.intake.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.imrflow.events.EventType;
import org.imrflow.events.LetterIssued;
import org.imrflow.events.Outcome;
import org.imrflow.events.documents.FileDocumentStore;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.events.testing.EventStreamProbe.StreamEvent;
import org.imrflow.events.testing.SampleDispute;
import org.imrflow.events.timer.TimerWatch;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.imrflow.events.testing.SignIn.ACME;
import static org.imrflow.events.testing.SignIn.OTHER_ORGANIZATION;
import static org.imrflow.events.testing.SignIn.asClaimsAdmin;
import static org.imrflow.events.testing.SignIn.asOperations;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A case's life after the screen, through real HTTP, PostgreSQL and Kafka: the Notice of Assignment, the medical
 * records and their deadline, the determination's clock, expedited conversion and withdrawal. Deadlines pass by
 * moving the application's clock, never by waiting.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class CaseLifecycleTest {
    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

    private final EventStreamProbe stream = EventStreamProbe.ofTestConfig();

    @Inject
    TimerWatch timers;

    @AfterEach
    void putTheClockBack() {
        MovableClock.reset();
    }

    private static String submitted(String body) {
        return asClaimsAdmin(ACME).contentType(ContentType.JSON).body(body)
                .when().post("/api/cases").then().statusCode(201).body("status", equalTo("RECEIVED"))
                .extract().path("caseNumber");
    }

    private static String dispute() {
        return SampleDispute.application(LocalDate.now().minusDays(5));
    }

    private static String mailedNotice() {
        String dispute = dispute();
        String mailed = dispute.replace("\"name\": \"Acme Claims Services\",", "\"name\": \"Acme Claims Services\", \"noticeMethod\": \"MAIL\",");
        assertNotEquals(dispute, mailed, "the sample's claims administrator must be found to be given a mailed notice");
        return mailed;
    }

    static ValidatableResponse upload(String organization, String caseNumber, String type, String fileName, byte[] body) {
        var request = asClaimsAdmin(organization).contentType(type).body(body);
        if (fileName != null) {
            request = request.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        }
        return request.when().post("/api/cases/" + caseNumber + "/records").then();
    }

    private static ValidatableResponse complete(String caseNumber) {
        return asClaimsAdmin(ACME).post("/api/cases/" + caseNumber + "/records/complete").then();
    }

    private static ValidatableResponse caseView(String caseNumber) {
        return asClaimsAdmin(ACME).get("/api/cases/" + caseNumber).then().statusCode(200);
    }

    private static Instant midnightEnding(LocalDate day) {
        return day.plusDays(1).atStartOfDay(PACIFIC).toInstant();
    }

    private void firesEveryDueTimer() {
        timers.fireDue().await().atMost(Duration.ofSeconds(30));
    }

    @Test
    void anEligibleCaseGetsItsNoticeAtOnce_andAMailedNoticeGivesTheRecordsFifteenDays() {
        String caseNumber = submitted(mailedNotice());
        StreamEvent notice = stream.awaitEvent(EventType.NOTICE_OF_ASSIGNMENT_SENT, caseNumber);
        assertEquals("MAIL", notice.payload().get("method").asText());
        Instant sentAt = Instant.parse(notice.payload().get("sentAt").asText());
        LocalDate sentOn = sentAt.atZone(PACIFIC).toLocalDate();
        assertEquals(midnightEnding(sentOn.plusDays(15)).toString(), notice.payload().get("recordsDueAt").asText());
        caseView(caseNumber)
                .body("notice.method", equalTo("MAIL"))
                .body("notice.sentAt", notNullValue())
                .body("records.dueAt", equalTo(midnightEnding(sentOn.plusDays(15)).toString()))
                .body("records.documents", equalTo(0))
                .body("determinationDueDate", nullValue());
    }

    @Test
    void recordsAreUploadedOnceEachThenDeclaredComplete_whichStartsTheThirtyDays() throws Exception {
        String caseNumber = submitted(dispute());
        String documentId = upload(ACME, caseNumber, "application/pdf", "pr2-2026-10.pdf", PDF).statusCode(201)
                .header("Location", containsString("/api/cases/" + caseNumber + "/records/"))
                .body("sha256", equalTo(FileDocumentStore.sha256(PDF)))
                .body("sizeBytes", equalTo(PDF.length))
                .body("mediaType", equalTo("application/pdf"))
                .extract().path("documentId");
        StreamEvent uploaded = stream.awaitEvent(EventType.RECORDS_RECEIVED, caseNumber);
        assertEquals(documentId, uploaded.payload().at("/documents/0/documentId").asText());
        assertFalse(uploaded.payload().get("complete").asBoolean());
        assertFalse(uploaded.payload().toString().contains("JVBER"), "the bytes never travel on Kafka");

        upload(ACME, caseNumber, "application/pdf", "again.pdf", PDF).statusCode(200).body("documentId", equalTo(documentId));
        byte[] downloaded = asClaimsAdmin(ACME).get("/api/cases/" + caseNumber + "/records/" + documentId).then().statusCode(200)
                .contentType("application/pdf").header("Content-Disposition", containsString("pr2-2026-10.pdf"))
                .extract().asByteArray();
        assertArrayEquals(PDF, downloaded);

        LocalDate today = LocalDate.now(PACIFIC);
        String completedAt = complete(caseNumber).statusCode(200).body("status.completedAt", notNullValue())
                .body("documents.size()", equalTo(1)).extract().path("status.completedAt");
        caseView(caseNumber).body("determinationDueDate", equalTo(today.plusDays(30).toString()))
                .body("records.daysLate", equalTo(0)).body("records.penaltyDollars", equalTo(0));
        List<StreamEvent> received = stream.awaitEvents(EventType.RECORDS_RECEIVED, caseNumber, 2);
        assertTrue(received.get(1).payload().get("complete").asBoolean());
        assertEquals(today.plusDays(30).toString(), received.get(1).payload().get("determinationDueDate").asText());

        upload(ACME, caseNumber, "application/pdf", "late.pdf", (new String(PDF, StandardCharsets.US_ASCII) + "more").getBytes())
                .statusCode(409).contentType("application/problem+json").body("detail", containsString("complete"));
        // a client retrying after a lost answer gets the same answer, and nothing is announced again
        complete(caseNumber).statusCode(200).body("status.completedAt", equalTo(completedAt));
        assertEquals(2, stream.readAll(EventType.RECORDS_RECEIVED, caseNumber).size());
    }

    /**
     * The case's own timers write to it in the background: the notice goes out while the claims administrator sends
     * the records. Neither request may fail for a race it never saw.
     */
    @Test
    void theClaimsAdministratorNeverLosesARaceWithTheCasesOwnTimers() {
        // Thirty cases whose notices are all due: their timers send them while their records arrive.
        List<String> cases = IntStream.range(0, 30).mapToObj(i -> submitted(dispute())).toList();
        CompletableFuture<Integer> notices = timers.fireDue().subscribeAsCompletionStage();
        List<CompletableFuture<String>> records = cases.stream().map(caseNumber -> CompletableFuture.supplyAsync(() ->
                upload(ACME, caseNumber, "application/pdf", "pr2.pdf", PDF).extract().statusCode() + " "
                        + complete(caseNumber).extract().statusCode())).toList();
        notices.join();
        assertEquals(cases.stream().map(caseNumber -> "201 200").toList(),
                records.stream().map(CompletableFuture::join).toList(), "each case's upload, then complete");
    }

    @Test
    void badDocumentsAreRefusedAndNothingIsStored() {
        String caseNumber = submitted(dispute());
        upload(ACME, caseNumber, "text/plain", "notes.txt", "hello".getBytes()).statusCode(415)
                .contentType("application/problem+json").body("detail", containsString("application/pdf"));
        upload(ACME, caseNumber, "application/pdf", "scan.pdf", PNG).statusCode(415).body("detail", containsString("not application/pdf"));
        upload(ACME, caseNumber, "application/pdf", "empty.pdf", new byte[0]).statusCode(400);
        byte[] huge = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, huge, 0, PDF.length);
        upload(ACME, caseNumber, "application/pdf", "huge.pdf", huge).statusCode(413).contentType("application/problem+json");
        upload(ACME, caseNumber, "application/pdf", null, PDF).statusCode(400).body("errors.field", hasItem("Content-Disposition"));
        upload(OTHER_ORGANIZATION, caseNumber, "application/pdf", "x.pdf", PDF).statusCode(404);
        asOperations().contentType("application/pdf").header("Content-Disposition", "attachment; filename=\"x.pdf\"").body(PDF)
                .post("/api/cases/" + caseNumber + "/records").then().statusCode(403);
        asClaimsAdmin(ACME).get("/api/cases/" + caseNumber + "/records").then().statusCode(200).body("documents.size()", equalTo(0));
        complete(caseNumber).statusCode(409).body("detail", containsString("no records"));
        asClaimsAdmin(OTHER_ORGANIZATION).get("/api/cases/" + caseNumber + "/records").then().statusCode(404);
    }

    @Test
    void recordsThatMissTheirDeadlineStartTheClockWithoutThem_andCostFiveHundredADayWhenTheyCome() {
        String caseNumber = submitted(dispute()); // electronic notice: 12 days
        stream.awaitEvent(EventType.NOTICE_OF_ASSIGNMENT_SENT, caseNumber);
        Instant dueAt = Instant.parse(caseView(caseNumber).extract().path("records.dueAt"));

        MovableClock.advance(Duration.between(Instant.now(), dueAt).plusHours(1));
        firesEveryDueTimer();
        StreamEvent passed = stream.awaitEvent(EventType.DEADLINE_REACHED, caseNumber);
        assertEquals("RECORDS", passed.payload().get("deadline").asText());
        LocalDate clockStart = dueAt.atZone(PACIFIC).toLocalDate();
        assertEquals(clockStart.plusDays(30).toString(), passed.payload().get("determinationDueDate").asText());
        caseView(caseNumber).body("records.deadlinePassed", equalTo(true)).body("records.daysLate", equalTo(1))
                .body("records.penaltyDollars", equalTo(500))
                .body("determinationDueDate", equalTo(clockStart.plusDays(30).toString()));

        MovableClock.advance(Duration.ofDays(1)); // now 2 days late, counting the part day
        upload(ACME, caseNumber, "application/pdf", "late.pdf", PDF).statusCode(201);
        complete(caseNumber).statusCode(200).body("status.daysLate", equalTo(2)).body("status.penaltyDollars", equalTo(1_000));
        caseView(caseNumber).body("determinationDueDate", equalTo(clockStart.plusDays(30).toString()));
        assertEquals(2, stream.awaitEvents(EventType.RECORDS_RECEIVED, caseNumber, 2).get(1).payload().get("daysLate").asInt());
    }

    @Test
    void aLateDeterminationIsReportedAtRiskThenOverdue_andEachTimerFiresOnceThoughThreeFireAtOnce() {
        String caseNumber = submitted(dispute());
        stream.awaitEvent(EventType.NOTICE_OF_ASSIGNMENT_SENT, caseNumber);
        upload(ACME, caseNumber, "application/pdf", "pr2.pdf", PDF).statusCode(201);
        complete(caseNumber).statusCode(200);
        MovableClock.advance(Duration.ofDays(32));
        // the watch's own pass, and two more at once: as with replicas
        CompletableFuture.allOf(IntStream.range(0, 2)
                .mapToObj(i -> timers.fireDue().subscribeAsCompletionStage()).toArray(CompletableFuture[]::new)).join();
        List<StreamEvent> reached = stream.awaitEvents(EventType.DEADLINE_REACHED, caseNumber, 2);
        assertEquals(List.of("DETERMINATION_AT_RISK", "DETERMINATION_OVERDUE"),
                reached.stream().map(e -> e.payload().get("deadline").asText()).sorted().toList());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() ->
                stream.readAll(EventType.DEADLINE_REACHED, caseNumber).size() == 2);
        asClaimsAdmin(ACME).get("/api/cases/" + caseNumber + "/timeline").then().statusCode(200)
                .body("step", hasItems("RECEIVED", "SCREENED", "NOTICE_OF_ASSIGNMENT", "RECORDS_UPLOADED", "RECORDS_COMPLETE",
                        "DETERMINATION_AT_RISK", "DETERMINATION_OVERDUE", "LETTER_ISSUED"))
                .body("find { it.step == 'LETTER_ISSUED' }.deadline", equalTo("MISSED"))
                .body("find { it.step == 'NOTICE_OF_ASSIGNMENT' }.deadline", equalTo("MET"));
    }

    @Test
    void aCertificationAfterFilingMakesTheCaseExpedited_andTheRecordsDueWithin24Hours() {
        String caseNumber = submitted(dispute());
        stream.awaitEvent(EventType.NOTICE_OF_ASSIGNMENT_SENT, caseNumber);
        Instant before = Instant.now();
        asClaimsAdmin(ACME).contentType(ContentType.JSON).body("{\"certificationReceivedDate\": \"" + LocalDate.now(PACIFIC) + "\"}")
                .post("/api/cases/" + caseNumber + "/expedited-review").then().statusCode(200)
                .body("reviewType", equalTo("EXPEDITED")).body("convertedToExpeditedAt", notNullValue());
        StreamEvent converted = stream.awaitEvent(EventType.CASE_CONVERTED_TO_EXPEDITED, caseNumber);
        Instant recordsDue = Instant.parse(converted.payload().get("recordsDueAt").asText());
        assertTrue(!recordsDue.isBefore(before.plus(Duration.ofHours(24))) && recordsDue.isBefore(Instant.now().plus(Duration.ofHours(24)).plusSeconds(1)),
                "records due 24 hours after the conversion: " + recordsDue);
        assertTrue(converted.payload().get("determinationDueDate").isNull(), "the determination's clock has not started");

        upload(ACME, caseNumber, "application/pdf", "pr2.pdf", PDF).statusCode(201);
        complete(caseNumber).statusCode(200);
        caseView(caseNumber).body("determinationDueDate", equalTo(LocalDate.now(PACIFIC).plusDays(3).toString()));

        asClaimsAdmin(ACME).contentType(ContentType.JSON).body("{\"certificationReceivedDate\": \"" + LocalDate.now(PACIFIC) + "\"}")
                .post("/api/cases/" + caseNumber + "/expedited-review").then().statusCode(409).body("detail", containsString("already expedited"));
        asClaimsAdmin(ACME).contentType(ContentType.JSON).body("{\"certificationReceivedDate\": \"2999-01-01\"}")
                .post("/api/cases/" + caseNumber + "/expedited-review").then().statusCode(400)
                .body("errors.field", hasItem("certificationReceivedDate"));
    }

    @Test
    void aWithdrawnCaseClosesWithoutALetter_takesNoRecords_andCannotBeWithdrawnTwice() {
        String caseNumber = submitted(dispute());
        stream.awaitEvent(EventType.NOTICE_OF_ASSIGNMENT_SENT, caseNumber); // records are due from here
        String body = "{\"treatmentAuthorizedDate\": \"" + LocalDate.now(PACIFIC) + "\"}";
        asClaimsAdmin(OTHER_ORGANIZATION).contentType(ContentType.JSON).body(body)
                .post("/api/cases/" + caseNumber + "/withdrawal").then().statusCode(404);
        asClaimsAdmin(ACME).contentType(ContentType.JSON).body("{}")
                .post("/api/cases/" + caseNumber + "/withdrawal").then().statusCode(400)
                .body("errors.field", hasItem("treatmentAuthorizedDate"));
        asClaimsAdmin(ACME).contentType(ContentType.JSON).body(body)
                .post("/api/cases/" + caseNumber + "/withdrawal").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("withdrawal.treatmentAuthorizedDate", equalTo(LocalDate.now(PACIFIC).toString()));
        StreamEvent withdrawn = stream.awaitEvent(EventType.CASE_WITHDRAWN, caseNumber);
        assertEquals(LocalDate.now(PACIFIC).toString(), withdrawn.payload().get("treatmentAuthorizedDate").asText());

        asClaimsAdmin(ACME).contentType(ContentType.JSON).body(body)
                .post("/api/cases/" + caseNumber + "/withdrawal").then().statusCode(409).body("detail", containsString("already withdrawn"));
        upload(ACME, caseNumber, "application/pdf", "pr2.pdf", PDF).statusCode(409);

        // its timers went with it: no deadline of this case fires, however late it gets
        MovableClock.advance(Duration.ofDays(60));
        firesEveryDueTimer();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> stream.readAll(EventType.DEADLINE_REACHED, caseNumber).isEmpty());
        caseView(caseNumber).body("records.daysLate", equalTo(0)).body("records.penaltyDollars", equalTo(0));
        asClaimsAdmin(ACME).get("/api/cases/" + caseNumber + "/timeline").then()
                .body("step", hasItem("WITHDRAWN")).body("step", not(hasItem("LETTER_ISSUED")));
    }

    @Test
    void aDeferredCaseGoesToReviewOnceLiabilityIsAccepted_orClosesWhenResolvedAgainstTheClaim() {
        String disputed = dispute().replace("\"reviewType\"", "\"liabilityDisputed\": true, \"reviewType\"");
        String accepted = asClaimsAdmin(ACME).contentType(ContentType.JSON).body(disputed).post("/api/cases").then()
                .statusCode(201).body("status", equalTo("DEFERRED")).extract().path("caseNumber");
        String resolution = "{\"resolvedDate\": \"" + LocalDate.now(PACIFIC) + "\", \"liabilityAccepted\": %s}";
        asClaimsAdmin(ACME).contentType(ContentType.JSON).body(resolution.formatted("true"))
                .post("/api/cases/" + accepted + "/liability-resolution").then().statusCode(200)
                .body("status", equalTo("RECEIVED")).body("screeningReasons.size()", equalTo(0))
                .body("notice.dueAt", notNullValue());
        assertEquals(accepted, stream.awaitEvent(EventType.CASE_RECEIVED, accepted).caseNumber());
        stream.awaitEvent(EventType.NOTICE_OF_ASSIGNMENT_SENT, accepted);
        asClaimsAdmin(ACME).get("/api/cases/" + accepted + "/timeline").then()
                .body("find { it.step == 'SCREENED' }.detail", equalTo("deferred: liability disputed"))
                .body("find { it.step == 'LIABILITY_RESOLVED' }.detail", containsString("liability accepted"));
        asClaimsAdmin(ACME).contentType(ContentType.JSON).body(resolution.formatted("true"))
                .post("/api/cases/" + accepted + "/liability-resolution").then().statusCode(409)
                .body("detail", containsString("only a deferred case"));

        String denied = asClaimsAdmin(ACME).contentType(ContentType.JSON).body(disputed.replace("\"claimNumber\": \"", "\"claimNumber\": \"D"))
                .post("/api/cases").then().statusCode(201).body("status", equalTo("DEFERRED")).extract().path("caseNumber");
        asClaimsAdmin(ACME).contentType(ContentType.JSON).body("{\"liabilityAccepted\": false}")
                .post("/api/cases/" + denied + "/liability-resolution").then().statusCode(400)
                .body("errors.field", hasItem("resolvedDate"));
        asClaimsAdmin(ACME).contentType(ContentType.JSON).body(resolution.formatted("false"))
                .post("/api/cases/" + denied + "/liability-resolution").then().statusCode(200)
                .body("status", equalTo("INELIGIBLE"))
                .body("screeningReasons[0]", containsString("resolved against the claim"));
        List<StreamEvent> screened = stream.awaitEvents(EventType.CASE_INELIGIBLE, denied, 2);
        assertEquals(List.of(true, false), screened.stream().map(e -> e.payload().get("deferred").asBoolean()).toList());
        assertEquals(List.of(), stream.readAll(EventType.CASE_RECEIVED, denied));
    }

    @Test
    void aLetterThatComesBeforeTheNoticeLeftStillLetsTheNoticeGo() {
        String caseNumber = submitted(dispute());
        // the clock back an hour: the notice's timer, due at filing, waits while the letter comes first (as when
        // intake's timers are behind a surge and the case's records came at once)
        MovableClock.advance(Duration.ofHours(-1));
        stream.publish(EventType.LETTER_ISSUED, caseNumber, new LetterIssued(caseNumber, UUID.randomUUID().toString(),
                Instant.now(), List.of(new LetterIssued.ItemOutcome(1, Outcome.UPHELD))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> caseView(caseNumber).body("status", equalTo("DETERMINATION_ISSUED")));
        MovableClock.reset();
        firesEveryDueTimer();
        stream.awaitEvent(EventType.NOTICE_OF_ASSIGNMENT_SENT, caseNumber);
    }

    @Test
    void afterTheLetterAWithdrawalIs409() {
        String caseNumber = submitted(dispute());
        stream.publish(EventType.LETTER_ISSUED, caseNumber, new LetterIssued(caseNumber, UUID.randomUUID().toString(),
                Instant.now(), List.of(new LetterIssued.ItemOutcome(1, Outcome.UPHELD))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> caseView(caseNumber).body("status", equalTo("DETERMINATION_ISSUED")));
        asClaimsAdmin(ACME).contentType(ContentType.JSON).body("{\"treatmentAuthorizedDate\": \"" + LocalDate.now(PACIFIC) + "\"}")
                .post("/api/cases/" + caseNumber + "/withdrawal").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("was issued"));
    }

    @Test
    void theSameTreatmentOnTheSameClaimAgainIsIneligibleNamingTheEarlierCase() {
        String claim = SampleDispute.newClaimNumber();
        String first = submitted(SampleDispute.application(LocalDate.now().minusDays(20), "Pain Medicine", claim));
        asClaimsAdmin(ACME).contentType(ContentType.JSON)
                .body(SampleDispute.application(LocalDate.now().minusDays(5), "Pain Medicine", claim))
                .post("/api/cases").then().statusCode(201)
                .body("status", equalTo("INELIGIBLE"))
                .body("screeningReasons[0]", containsString(first));
    }

    @Test
    void aReceivedDateInTheFutureOrBeforeServiceIsRefusedAndNothingStored() {
        LocalDate urDecision = LocalDate.now().minusDays(5);
        asClaimsAdmin(ACME).contentType(ContentType.JSON)
                .body(SampleDispute.application(urDecision).replace("\"reviewType\"",
                        "\"applicationReceivedDate\": \"" + LocalDate.now().plusDays(2) + "\", \"reviewType\""))
                .post("/api/cases").then().statusCode(400).body("errors.field", hasItem("applicationReceivedDate"));
        asClaimsAdmin(ACME).contentType(ContentType.JSON)
                .body(SampleDispute.application(urDecision).replace("\"reviewType\"",
                        "\"applicationReceivedDate\": \"" + urDecision.minusDays(1) + "\", \"reviewType\""))
                .post("/api/cases").then().statusCode(400)
                .body("errors[0].message", containsString("before the UR decision was served"));
    }
}
