package org.imrflow.notification.documents;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.imrflow.events.CaseWithdrawn;
import org.imrflow.events.EventType;
import org.imrflow.events.PartyRole;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.events.testing.SignIn;
import org.imrflow.events.testing.TestDatabase;
import org.imrflow.local.LocalStackTestResource;
import org.imrflow.local.MailServer;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.imrflow.events.testing.SignIn.ACME;
import static org.imrflow.events.testing.SignIn.OTHER_ORGANIZATION;
import static org.imrflow.events.testing.SignIn.asClaimsAdmin;
import static org.imrflow.events.testing.SignIn.asOperations;

/**
 * Each document reaches each party the rules name, through the real pieces: events on Kafka, PostgreSQL, a real SMTP
 * server read back over IMAP, and a webhook receiver over HTTP.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class DocumentDeliveryTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final EventStreamProbe stream = EventStreamProbe.ofTestConfig();

    @Test
    void theNoticeOfAssignmentReachesEveryPartyByEmailWithItsPdf() throws Exception {
        CaseEvents events = new CaseEvents(ACME);
        stream.publish(EventType.NOTICE_OF_ASSIGNMENT_SENT, events.caseNumber, events.noticeSent());
        // its parties arrive after it, on another topic: the notice waits for them
        stream.publish(EventType.CASE_RECEIVED, events.caseNumber, events.received);

        JsonPath document = awaitDocument(events.caseNumber, "NOTICE_OF_ASSIGNMENT");
        String documentId = document.getString("documentId");
        List<Map<String, Object>> deliveries = awaitDeliveries(documentId, "SENT", 5);
        assertThat(deliveries.stream().map(delivery -> delivery.get("party")).toList(), containsInAnyOrder(
                "EMPLOYEE", "REPRESENTATIVE", "EMPLOYER", "REQUESTING_PHYSICIAN", "CLAIMS_ADMINISTRATOR"));

        MailServer.ReceivedMail mail = awaitMail(events.email(PartyRole.REPRESENTATIVE), events.caseNumber);
        assertEquals(List.of(events.email(PartyRole.REPRESENTATIVE)), mail.to());
        assertEquals("Notice of Assignment and Request for Information - IMR case " + events.caseNumber, mail.subject());
        assertEquals(1, mail.attachments().size());
        MailServer.Attachment pdf = mail.attachments().get(0);
        assertEquals("notice-of-assignment-" + events.caseNumber + ".pdf", pdf.fileName());
        assertEquals("application/pdf", pdf.contentType());
        String text = pdfText(pdf.content());
        for (String expected : List.of(events.caseNumber, events.received.claimNumber(), "Robin Counsel")) {
            assertTrue(text.contains(expected), expected + " in the PDF:\n" + text);
        }
        // the attachment is the document as stored, under its SHA-256
        byte[] stored = asOperations().get("/api/documents/" + documentId + "/pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertArrayEquals(pdf.content(), stored);
        assertEquals(document.getString("sha256"), sha256(stored));
        asOperations().get("/api/documents/" + documentId + "/text").then().statusCode(200)
                .body(containsString(events.caseNumber));
    }

    @Test
    void aClaimsAdministratorReadsItsOwnCasesDocumentsAndItsOwnDeliveriesOnly() {
        CaseEvents events = new CaseEvents(ACME);
        stream.publish(EventType.CASE_RECEIVED, events.caseNumber, events.received);
        stream.publish(EventType.NOTICE_OF_ASSIGNMENT_SENT, events.caseNumber, events.noticeSent());
        String documentId = awaitDocument(events.caseNumber, "NOTICE_OF_ASSIGNMENT").getString("documentId");
        awaitDeliveries(documentId, "SENT", 5);

        asClaimsAdmin(ACME).get("/api/documents?caseNumber=" + events.caseNumber).then().statusCode(200)
                .body("items.kind", contains("NOTICE_OF_ASSIGNMENT"));
        asClaimsAdmin(ACME).get("/api/documents/" + documentId + "/deliveries").then().statusCode(200)
                .body("party", contains("CLAIMS_ADMINISTRATOR"));
        asClaimsAdmin(OTHER_ORGANIZATION).get("/api/documents/" + documentId).then().statusCode(404);
        asClaimsAdmin(OTHER_ORGANIZATION).get("/api/documents/" + documentId + "/pdf").then().statusCode(404);
        asClaimsAdmin(OTHER_ORGANIZATION).get("/api/documents?caseNumber=" + events.caseNumber).then().statusCode(200)
                .body("items", hasSize(0));
        SignIn.asReviewer("rev-occmed-01").get("/api/documents/" + documentId).then().statusCode(403);
    }

    @Test
    void aNoticeOfIneligibilityGivesEveryReason_andADeferralSaysTheCaseWaits() throws Exception {
        CaseEvents ineligible = new CaseEvents(ACME);
        List<String> reasons = List.of("The application was filed after the filing window closed on 2026-10-01",
                "The application was signed by neither the employee nor the representative");
        stream.publish(EventType.CASE_INELIGIBLE, ineligible.caseNumber, ineligible.ineligible(false, reasons));
        String documentId = awaitDocument(ineligible.caseNumber, "INELIGIBILITY_NOTICE").getString("documentId");
        String text = asOperations().get("/api/documents/" + documentId + "/text").then().statusCode(200).extract().asString();
        assertThat(text.replaceAll("\\s+", " "), org.hamcrest.Matchers.stringContainsInOrder(reasons));
        MailServer.ReceivedMail mail = awaitMail(ineligible.email(PartyRole.EMPLOYEE), ineligible.caseNumber);
        assertThat(pdfText(mail.attachments().get(0).content()).replaceAll("\\s+", " "), containsString(reasons.get(1)));

        CaseEvents deferred = new CaseEvents(ACME);
        stream.publish(EventType.CASE_INELIGIBLE, deferred.caseNumber,
                deferred.ineligible(true, List.of("The claims administrator disputes liability for the injury")));
        String deferral = awaitDocument(deferred.caseNumber, "DEFERRAL_NOTICE").getString("documentId");
        asOperations().get("/api/documents/" + deferral + "/text").then().statusCode(200)
                .body(containsString("disputes liability"));
    }

    @Test
    void aWithdrawnCaseIsConfirmedToEveryParty_getsNoLetter_andIsNeverPublished() {
        CaseEvents events = new CaseEvents(ACME);
        String treatment = "Cervical medial branch neurotomy withdrawn" + events.caseNumber.substring(5);
        stream.publish(EventType.CASE_RECEIVED, events.caseNumber, events.received);
        stream.publish(EventType.CASE_WITHDRAWN, events.caseNumber,
                new CaseWithdrawn(events.caseNumber, Instant.now(), LocalDate.now()));
        String documentId = awaitDocument(events.caseNumber, "WITHDRAWAL_CONFIRMATION").getString("documentId");
        awaitDeliveries(documentId, "SENT", 5);
        UUID decision = stream.publish(EventType.DECISION_RECORDED, events.caseNumber, events.decision(treatment));

        // once the letter side has handled the decision (and refused it a letter), nothing else may come of it
        await().atMost(PATIENCE).until(() -> TestDatabase.number("select count(*) from processed_event"
                + " where event_id = ? and consumer = 'notification-service'", decision) == 1);
        asOperations().get("/api/letters/" + events.caseNumber).then().statusCode(404);
        asOperations().get("/api/documents?caseNumber=" + events.caseNumber).then().statusCode(200)
                .body("items.kind", contains("WITHDRAWAL_CONFIRMATION"));
        Archive.search("q", "withdrawn" + events.caseNumber.substring(5)).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aPartyWithoutAnEmailAddressIsAFailedDeliveryThatSaysWhy_andTheOthersStillGo() {
        CaseEvents events = new CaseEvents(ACME);
        var contacts = events.contacts().stream()
                .map(contact -> contact.role() == PartyRole.EMPLOYER
                        ? new org.imrflow.events.PartyContact(contact.role(), contact.name(), null, contact.mailingAddress())
                        : contact)
                .toList();
        var received = events.received;
        stream.publish(EventType.CASE_RECEIVED, events.caseNumber, new org.imrflow.events.CaseReceived(received.caseNumber(),
                received.receivedAt(), received.reviewType(), received.claimsAdministratorOrg(), received.parties(),
                received.claimNumber(), received.dateOfInjury(), received.urDecisionDate(),
                received.claimsAdministratorGuideline(), received.disputedItems(), contacts));
        stream.publish(EventType.NOTICE_OF_ASSIGNMENT_SENT, events.caseNumber, events.noticeSent());
        String documentId = awaitDocument(events.caseNumber, "NOTICE_OF_ASSIGNMENT").getString("documentId");
        awaitDeliveries(documentId, "SENT", 4);
        List<Map<String, Object>> failed = deliveries(documentId, "FAILED");
        assertEquals(1, failed.size());
        assertEquals("EMPLOYER", failed.get(0).get("party"));
        assertThat((String) failed.get(0).get("lastError"), containsString("No email address on file for the employer"));
    }

    @Test
    void aWebhookDeliveryIsSignedTheStandardWebhooksWay() throws Exception {
        String organization = "webhook-org-" + UUID.randomUUID().toString().substring(0, 8);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String secret = asClaimsAdmin(organization).contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url()))
                    .post("/api/webhooks").then().statusCode(201)
                    .body("url", equalTo(receiver.url()))
                    .body("secret", startsWith("whsec_"))
                    .extract().path("secret");
            asClaimsAdmin(organization).get("/api/webhooks").then().statusCode(200)
                    .body("items.url", contains(receiver.url()))
                    .body("items[0].secret", org.hamcrest.Matchers.nullValue());

            CaseEvents events = new CaseEvents(organization);
            stream.publish(EventType.CASE_RECEIVED, events.caseNumber, events.received);
            stream.publish(EventType.NOTICE_OF_ASSIGNMENT_SENT, events.caseNumber, events.noticeSent());
            String documentId = awaitDocument(events.caseNumber, "NOTICE_OF_ASSIGNMENT").getString("documentId");

            await().atMost(PATIENCE).until(() -> !receiver.received().isEmpty());
            WebhookReceiver.Received posted = receiver.received().get(0);
            String id = posted.header("webhook-id");
            String timestamp = posted.header("webhook-timestamp");
            // the receiver's recipe (docs/delivery.md): HMAC-SHA256 of "id.timestamp.body" with the base64 key after whsec_
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String expected = "v1," + Base64.getEncoder().encodeToString(
                    mac.doFinal((id + "." + timestamp + "." + posted.body()).getBytes(StandardCharsets.UTF_8)));
            assertEquals(expected, posted.header("webhook-signature"));
            assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)), lessThan(300L));
            JsonPath body = JsonPath.from(posted.body());
            assertEquals("document.issued", body.getString("type"));
            assertEquals(documentId, body.getString("data.documentId"));
            assertEquals("NOTICE_OF_ASSIGNMENT", body.getString("data.kind"));
            awaitDeliveries(documentId, "SENT", 6);
            List<Map<String, Object>> webhooks = deliveries(documentId, "SENT").stream()
                    .filter(delivery -> "WEBHOOK".equals(delivery.get("channel"))).toList();
            assertEquals(1, webhooks.size());
            assertEquals("CLAIMS_ADMINISTRATOR", webhooks.get(0).get("party"));
        }
    }

    @Test
    void aFailingReceiverIsRetriedThenMarkedFailed_andOperationsRedeliver() {
        String organization = "failing-org-" + UUID.randomUUID().toString().substring(0, 8);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer(503);
            asClaimsAdmin(organization).contentType(ContentType.JSON).body(Map.of("url", receiver.url()))
                    .post("/api/webhooks").then().statusCode(201);
            CaseEvents events = new CaseEvents(organization);
            stream.publish(EventType.CASE_RECEIVED, events.caseNumber, events.received);
            stream.publish(EventType.NOTICE_OF_ASSIGNMENT_SENT, events.caseNumber, events.noticeSent());
            String documentId = awaitDocument(events.caseNumber, "NOTICE_OF_ASSIGNMENT").getString("documentId");

            // the settings of this test back off from 200 ms and give up after 2 s
            await().atMost(PATIENCE).until(() -> !deliveries(documentId, "FAILED").isEmpty());
            Map<String, Object> failed = deliveries(documentId, "FAILED").get(0);
            assertEquals("WEBHOOK", failed.get("channel"));
            assertThat((Integer) failed.get("attempts"), greaterThan(1));
            assertThat((String) failed.get("lastError"), containsString("HTTP 503"));
            assertEquals(failed.get("attempts"), receiver.received().size());
            assertEquals(1, receiver.received().stream().map(posted -> posted.header("webhook-id")).distinct().count(),
                    "every retry carries the same webhook-id");
            // the emails did not wait for the webhook
            assertEquals(5, deliveries(documentId, "SENT").size());

            receiver.answer(200);
            asOperations().post("/api/deliveries/" + failed.get("deliveryId") + "/redelivery").then().statusCode(202)
                    .body("status", equalTo("QUEUED"));
            await().atMost(PATIENCE).until(() -> deliveries(documentId, "SENT").size() == 6);
            asOperations().post("/api/deliveries/" + failed.get("deliveryId") + "/redelivery").then().statusCode(202);
            asClaimsAdmin(organization).post("/api/deliveries/" + failed.get("deliveryId") + "/redelivery").then().statusCode(403);
        }
    }

    @Test
    void aReceiverThatNeverAnswersHoldsUpNoOtherDelivery() {
        String organization = "hanging-org-" + UUID.randomUUID().toString().substring(0, 8);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.hang();
            asClaimsAdmin(organization).contentType(ContentType.JSON).body(Map.of("url", receiver.url()))
                    .post("/api/webhooks").then().statusCode(201);
            CaseEvents events = new CaseEvents(organization);
            stream.publish(EventType.CASE_RECEIVED, events.caseNumber, events.received);
            stream.publish(EventType.NOTICE_OF_ASSIGNMENT_SENT, events.caseNumber, events.noticeSent());
            String documentId = awaitDocument(events.caseNumber, "NOTICE_OF_ASSIGNMENT").getString("documentId");
            await().atMost(PATIENCE).until(() -> !receiver.received().isEmpty());

            // while the receiver keeps the webhook waiting, another case's notice is issued and mailed
            CaseEvents other = new CaseEvents(ACME);
            stream.publish(EventType.CASE_RECEIVED, other.caseNumber, other.received);
            stream.publish(EventType.NOTICE_OF_ASSIGNMENT_SENT, other.caseNumber, other.noticeSent());
            awaitDeliveries(awaitDocument(other.caseNumber, "NOTICE_OF_ASSIGNMENT").getString("documentId"), "SENT", 5);
            awaitDeliveries(documentId, "SENT", 5);
            await().atMost(PATIENCE).until(() -> deliveries(documentId, "FAILED").size() == 1);
            assertThat((String) deliveries(documentId, "FAILED").get(0).get("lastError"),
                    org.hamcrest.Matchers.anyOf(containsString("could not be reached"), containsString("no answer")));
        }
    }

    @Test
    void aDeferredCaseResolvedAsExpeditedGetsAnExpeditedNoticeOfAssignment() {
        CaseEvents events = new CaseEvents(ACME);
        stream.publish(EventType.CASE_INELIGIBLE, events.caseNumber,
                events.ineligible(true, List.of("The claims administrator disputes liability for the injury")));
        awaitDocument(events.caseNumber, "DEFERRAL_NOTICE");
        // liability resolved: the notice may come before the case as received (other topics); it waits for it
        stream.publish(EventType.NOTICE_OF_ASSIGNMENT_SENT, events.caseNumber, events.noticeSent());
        // its timer has tried once: it found the case not received yet and looks again later (or, wrongly, issued it)
        await().atMost(PATIENCE).until(() -> TestDatabase.number("select count(*) from document where case_number = ?"
                + " and kind = 'NOTICE_OF_ASSIGNMENT'", events.caseNumber) + TestDatabase.number(
                "select count(*) from durable_timer t join document_request r on r.case_number = t.case_number"
                        + " and t.kind = 'document:' || r.kind where r.case_number = ? and r.kind = 'NOTICE_OF_ASSIGNMENT'"
                        + " and t.due_at > r.requested_at + interval '500 milliseconds'", events.caseNumber) > 0);
        var received = events.received;
        stream.publish(EventType.CASE_RECEIVED, events.caseNumber, new org.imrflow.events.CaseReceived(
                received.caseNumber(), received.receivedAt(), org.imrflow.events.ReviewType.EXPEDITED,
                received.claimsAdministratorOrg(), received.parties(), received.claimNumber(), received.dateOfInjury(),
                received.urDecisionDate(), received.claimsAdministratorGuideline(), received.disputedItems(),
                received.contacts()));
        String notice = awaitDocument(events.caseNumber, "NOTICE_OF_ASSIGNMENT").getString("documentId");
        asOperations().get("/api/documents/" + notice + "/text").then().statusCode(200)
                .body(containsString("EXPEDITED REVIEW"));
    }

    @Test
    void badWebhooksAndUnknownDocumentsAreClear4xxAndNothingIsStored() {
        String organization = "bad-input-org-" + UUID.randomUUID().toString().substring(0, 8);
        for (String url : List.of("ftp://claims.example.com/hook", "not a url", "https://user:pw@claims.example.com/hook",
                "https://claims.example.com/hook#fragment")) {
            asClaimsAdmin(organization).contentType(ContentType.JSON).body(Map.of("url", url))
                    .post("/api/webhooks").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", contains("url"));
        }
        asClaimsAdmin(organization).contentType(ContentType.JSON).body(Map.of()).post("/api/webhooks").then().statusCode(400)
                .body("errors.field", contains("url"));
        asClaimsAdmin(organization).get("/api/webhooks").then().statusCode(200).body("total", equalTo(0));
        asOperations().contentType(ContentType.JSON).body(Map.of("url", "https://claims.example.com/hook"))
                .post("/api/webhooks").then().statusCode(403);

        asOperations().get("/api/documents/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        asOperations().get("/api/documents/not-a-document/pdf").then().statusCode(404);
        asOperations().post("/api/deliveries/" + UUID.randomUUID() + "/redelivery").then().statusCode(404);
        asOperations().get("/api/deliveries?status=LOST").then().statusCode(400).body("errors.field", contains("status"));
        asOperations().get("/api/deliveries?status=FAILED").then().statusCode(200)
                .body("items.status", everyItem(equalTo("FAILED")));
    }

    static List<Map<String, Object>> deliveries(String documentId, String status) {
        List<Map<String, Object>> all = asOperations().get("/api/documents/" + documentId + "/deliveries")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return all.stream().filter(delivery -> status.equals(delivery.get("status"))).toList();
    }

    static List<Map<String, Object>> awaitDeliveries(String documentId, String status, int count) {
        await().atMost(PATIENCE).until(() -> deliveries(documentId, status).size() == count);
        return deliveries(documentId, status);
    }

    static JsonPath awaitDocument(String caseNumber, String kind) {
        return await().atMost(PATIENCE).until(() -> {
            JsonPath page = asOperations().get("/api/documents?caseNumber=" + caseNumber).then().statusCode(200)
                    .extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            return items.stream().filter(item -> kind.equals(item.get("kind"))).findFirst()
                    .map(item -> JsonPath.from(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(item).toString()))
                    .orElse(null);
        }, java.util.Objects::nonNull);
    }

    static MailServer.ReceivedMail awaitMail(String address, String caseNumber) {
        return await().atMost(PATIENCE).until(() -> LocalStackTestResource.mailServer().messagesTo(address).stream()
                .filter(mail -> mail.subject().contains(caseNumber)).findFirst().orElse(null), java.util.Objects::nonNull);
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
