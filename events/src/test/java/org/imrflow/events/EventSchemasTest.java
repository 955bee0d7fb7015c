package org.imrflow.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The records and the schemas agree: what a service serializes validates, and the schemas catch what they must. */
class EventSchemasTest {
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private static JsonNode json(Object payload) {
        return JSON.valueToTree(payload);
    }

    static CaseReceived caseReceived() {
        return new CaseReceived("CM26-0000001", Instant.now(), ReviewType.STANDARD, "acme-claims",
                new CaseReceived.Parties("Pat Example", false, null, null, null, "City Fleet Services", "95-1234567",
                        "Acme Claims Services", "Dr. Lee Treating", "1234567893", "Pain Medicine", null, "valley-ortho-group"),
                "WC-1", LocalDate.of(2005, 12, 27), LocalDate.of(2026, 11, 1),
                new ClaimsAdministratorGuideline(false, "ODG"),
                List.of(new DisputedItem(1, "Cervical medial branch neurotomy", ItemCategory.INJECTIONS, null)));
    }

    @Test
    void everyRecordAsSerializedValidatesAgainstItsSchema() {
        assertEquals(List.of(), EventSchemas.violations(EventType.CASE_RECEIVED, json(caseReceived())));
        assertEquals(List.of(), EventSchemas.violations(EventType.CASE_INELIGIBLE,
                json(new CaseIneligible("CM26-0000001", Instant.now(), true, List.of("liability disputed")))));
        assertEquals(List.of(), EventSchemas.violations(EventType.REVIEWER_ASSIGNED, json(new ReviewerAssigned(
                "CM26-0000001", "rev-1", new ReviewerQualifications("Pain Medicine", "Pain Medicine"), Instant.now(),
                ReviewType.EXPEDITED, LocalDate.now(), new ClaimsAdministratorGuideline(true, "MTUS"),
                caseReceived().disputedItems()))));
        assertEquals(List.of(), EventSchemas.violations(EventType.DECISION_RECORDED, json(new DecisionRecorded(
                "CM26-0000001", "rev-1", new ReviewerQualifications("Pain Medicine", "Pain Medicine"), Instant.now(),
                LocalDate.now(), "Summary.", List.of(new DecisionRecorded.ItemDecision(1, "Item", ItemCategory.OTHER,
                Outcome.UPHELD, new ClaimsAdministratorGuideline(true, "MTUS"),
                new ReviewerGuideline(EvidenceLevel.EXPERT_OPINION, "Expert opinion", null, null), "Because."))))));
        assertEquals(List.of(), EventSchemas.violations(EventType.LETTER_ISSUED, json(new LetterIssued("CM26-0000001",
                "6f1c1b57-7f0f-4c5e-9d5b-0e8f4f4f4f4f", Instant.now(), List.of(new LetterIssued.ItemOutcome(1, Outcome.OVERTURNED))))));
    }

    @Test
    void theLifecycleEventsValidateWithAndWithoutTheirOptionalDates() {
        Instant now = Instant.now();
        DocumentReference record = new DocumentReference("6f1c1b57-7f0f-4c5e-9d5b-0e8f4f4f4f4f", "pr2-2026-10.pdf",
                "application/pdf", 48_211, "a".repeat(64));
        assertEquals(List.of(), EventSchemas.violations(EventType.NOTICE_OF_ASSIGNMENT_SENT, json(new NoticeOfAssignmentSent(
                "CM26-0000001", now, NoticeMethod.MAIL, LocalDate.now(), now.plusSeconds(86_400 * 15)))));
        assertEquals(List.of(), EventSchemas.violations(EventType.RECORDS_RECEIVED, json(new RecordsReceived(
                "CM26-0000001", now, List.of(record), false, null, 0, 0, null))));
        assertEquals(List.of(), EventSchemas.violations(EventType.RECORDS_RECEIVED, json(new RecordsReceived(
                "CM26-0000001", now, List.of(), true, now, 11, 5_000, LocalDate.now().plusDays(30)))));
        assertEquals(List.of(), EventSchemas.violations(EventType.CASE_CONVERTED_TO_EXPEDITED, json(new CaseConvertedToExpedited(
                "CM26-0000001", now, LocalDate.now(), null, null))));
        assertEquals(List.of(), EventSchemas.violations(EventType.DEADLINE_REACHED, json(new DeadlineReached(
                "CM26-0000001", Deadline.RECORDS, now, now, LocalDate.now().plusDays(30)))));
        assertEquals(List.of(), EventSchemas.violations(EventType.CASE_WITHDRAWN, json(new CaseWithdrawn(
                "CM26-0000001", now, LocalDate.now()))));
        assertEquals(List.of(), EventSchemas.violations(EventType.REVIEWER_ASSIGNED, json(new ReviewerAssigned(
                "CM26-0000001", "rev-1", new ReviewerQualifications("Pain Medicine", "Pain Medicine"), now,
                ReviewType.STANDARD, null, new ClaimsAdministratorGuideline(true, "MTUS"), caseReceived().disputedItems()))),
                "the determination's due date no longer comes with the assignment");
    }

    @Test
    void theOfferEventsValidate() {
        Instant now = Instant.now();
        assertEquals(List.of(), EventSchemas.violations(EventType.REVIEWER_ASSIGNED, json(new ReviewerAssigned(
                "CM26-0000001", "rev-2", new ReviewerQualifications("Orthopedic Surgery", "Orthopaedic Surgery"), now,
                ReviewType.STANDARD, null, new ClaimsAdministratorGuideline(true, "MTUS"),
                List.of(new DisputedItem(1, "Lumbar fusion L4-5", ItemCategory.SURGERY, "M51.26", "acme-devices")), 2,
                new ReviewerAssigned.ApplicationFacts(LocalDate.of(2025, 3, 1), LocalDate.of(2026, 11, 1), "Orthopedic Surgery")))));
        assertEquals(List.of(), EventSchemas.violations(EventType.OFFER_ACCEPTED, json(new OfferAccepted(
                "CM26-0000001", 2, "rev-2", now))));
        assertEquals(List.of(), EventSchemas.violations(EventType.OFFER_DECLINED, json(new OfferDeclined(
                "CM26-0000001", 1, "rev-1", OfferDeclined.DeclineReason.CONFLICT_IN_RECORDS, now))));
        assertEquals(List.of(), EventSchemas.violations(EventType.NO_REVIEWER_AVAILABLE, json(new NoReviewerAvailable(
                "CM26-0000001", now, 8, 2))));
        JsonNode noReason = json(new OfferDeclined("CM26-0000001", 1, "rev-1", null, now));
        assertTrue(EventSchemas.violations(EventType.OFFER_DECLINED, noReason).stream().anyMatch(v -> v.contains("reason")));
    }

    @Test
    void aDocumentIsReferencedByItsHashNeverCarried() {
        JsonNode bad = json(new RecordsReceived("CM26-0000001", Instant.now(), List.of(new DocumentReference(
                "6f1c1b57-7f0f-4c5e-9d5b-0e8f4f4f4f4f", "x.pdf", "application/pdf", 1, "not-a-hash")), false, null, 0, 0, null));
        ((com.fasterxml.jackson.databind.node.ObjectNode) bad.get("documents").get(0)).put("content", "JVBERi0xLjQK");
        List<String> violations = EventSchemas.violations(EventType.RECORDS_RECEIVED, bad);
        assertTrue(violations.stream().anyMatch(v -> v.contains("sha256")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("content")), violations.toString());
    }

    @Test
    void aMalformedCaseNumberAnEmptyItemListAndAnUnknownFieldAreCaught() {
        JsonNode bad = json(caseReceived());
        ((com.fasterxml.jackson.databind.node.ObjectNode) bad).put("caseNumber", "12345");
        ((com.fasterxml.jackson.databind.node.ObjectNode) bad).putArray("disputedItems");
        ((com.fasterxml.jackson.databind.node.ObjectNode) bad).put("employeeSsn", "000-00-0000");
        List<String> violations = EventSchemas.violations(EventType.CASE_RECEIVED, bad);
        assertEquals(3, violations.size(), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("caseNumber")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("disputedItems")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("employeeSsn")), violations.toString());
    }

    @Test
    void datesMustBeDates() {
        JsonNode bad = json(caseReceived());
        ((com.fasterxml.jackson.databind.node.ObjectNode) bad).put("dateOfInjury", "yesterday");
        assertTrue(EventSchemas.violations(EventType.CASE_RECEIVED, bad).stream().anyMatch(v -> v.contains("dateOfInjury")));
    }
}
