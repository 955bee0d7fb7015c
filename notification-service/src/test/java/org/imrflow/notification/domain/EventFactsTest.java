package org.imrflow.notification.domain;

import org.imrflow.events.CaseConvertedToExpedited;
import org.imrflow.events.CaseIneligible;
import org.imrflow.events.CaseWithdrawn;
import org.imrflow.events.DeadLetterReplayed;
import org.imrflow.events.Deadline;
import org.imrflow.events.DeadlineReached;
import org.imrflow.events.DocumentReference;
import org.imrflow.events.EventDeadLettered;
import org.imrflow.events.EventType;
import org.imrflow.events.LetterIssued;
import org.imrflow.events.NoticeMethod;
import org.imrflow.events.NoticeOfAssignmentSent;
import org.imrflow.events.Outcome;
import org.imrflow.events.RecordsReceived;
import org.imrflow.events.NoReviewerAvailable;
import org.imrflow.events.OfferAccepted;
import org.imrflow.events.OfferDeclined;
import org.imrflow.events.ReviewerAssigned;
import org.imrflow.events.testing.SampleDispute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class EventFactsTest {
    private static final ZoneId CALIFORNIA = ZoneId.of("America/Los_Angeles");
    private static final String CASE = "CM26-0000001";
    private static final DocumentReference REPORT = new DocumentReference("5f0c6e0e-8a7e-4a53-9a63-3c1c8f3b9a01",
            "Pat Example - PR-2 report.pdf", "application/pdf", 52_000, "a".repeat(64));

    @Test
    void aLineOfFactsForEachEventAndWhoSentIt() {
        assertEquals(new EventFacts("intake-service", "1 item, standard review", null),
                EventFacts.of(EventType.CASE_RECEIVED, SampleDispute.caseReceived("CM26-0000001", "acme-claims"), CALIFORNIA));
        assertEquals(new EventFacts("intake-service", "ineligible, 2 reasons", null), EventFacts.of(EventType.CASE_INELIGIBLE,
                new CaseIneligible("CM26-0000001", Instant.now(), false, List.of("late", "unsigned")), CALIFORNIA));
        assertEquals(new EventFacts("notification-service", "2 items, 1 overturned", null), EventFacts.of(EventType.LETTER_ISSUED,
                new LetterIssued("CM26-0000001", "letter-1", Instant.now(), List.of(
                        new LetterIssued.ItemOutcome(1, Outcome.OVERTURNED), new LetterIssued.ItemOutcome(2, Outcome.UPHELD))),
                CALIFORNIA));
        assertEquals(new EventFacts("assignment-service", "dead letter 7 of org.imrflow.case-received.v1", null),
                EventFacts.of(EventType.EVENT_DEAD_LETTERED, new EventDeadLettered("CM26-0000001", "assignment-service", 7,
                        EventType.CASE_RECEIVED.cloudEventType(), "rejected", Instant.now()), CALIFORNIA));
        assertEquals(new EventFacts("assignment-service", "dead letter 7 replayed", null), EventFacts.of(
                EventType.DEAD_LETTER_REPLAYED, new DeadLetterReplayed("CM26-0000001", "assignment-service", 7, Instant.now()),
                CALIFORNIA));
    }

    @Test
    void theLifecycleEventsInALineEach() {
        // the records are due at the end of 10 December in California, which is 11 December in UTC
        assertEquals(new EventFacts("intake-service", "notice by MAIL; records due 2026-12-10", null),
                EventFacts.of(EventType.NOTICE_OF_ASSIGNMENT_SENT, new NoticeOfAssignmentSent(CASE,
                        Instant.parse("2026-11-24T18:00:00Z"), NoticeMethod.MAIL, LocalDate.of(2026, 11, 25),
                        Instant.parse("2026-12-11T07:59:59Z")), CALIFORNIA));
        assertEquals(new EventFacts("intake-service", "3 documents; complete; 2 days late, $1,000", null),
                EventFacts.of(EventType.RECORDS_RECEIVED, new RecordsReceived(CASE, Instant.parse("2026-12-12T18:00:00Z"),
                        List.of(REPORT, REPORT, REPORT), true, Instant.parse("2026-12-11T07:59:59Z"), 2, 1_000,
                        LocalDate.of(2027, 1, 11)), CALIFORNIA));
        assertEquals(new EventFacts("intake-service", "1 document", null),
                EventFacts.of(EventType.RECORDS_RECEIVED, new RecordsReceived(CASE, Instant.parse("2026-12-01T18:00:00Z"),
                        List.of(REPORT), false, Instant.parse("2026-12-11T07:59:59Z"), 0, 0, null), CALIFORNIA));
        assertEquals(new EventFacts("intake-service", "0 documents; complete; 1 day late, $500", null),
                EventFacts.of(EventType.RECORDS_RECEIVED, new RecordsReceived(CASE, Instant.parse("2026-12-11T18:00:00Z"),
                        List.of(), true, Instant.parse("2026-12-11T07:59:59Z"), 1, 500, LocalDate.of(2027, 1, 10)), CALIFORNIA));
        assertEquals(new EventFacts("intake-service", "deadline RECORDS reached; determination due 2027-01-09", null),
                EventFacts.of(EventType.DEADLINE_REACHED, new DeadlineReached(CASE, Deadline.RECORDS,
                        Instant.parse("2026-12-11T07:59:59Z"), Instant.parse("2026-12-11T08:00:01Z"),
                        LocalDate.of(2027, 1, 9)), CALIFORNIA));
        assertEquals(new EventFacts("intake-service", "deadline DETERMINATION_OVERDUE reached", null),
                EventFacts.of(EventType.DEADLINE_REACHED, new DeadlineReached(CASE, Deadline.DETERMINATION_OVERDUE,
                        Instant.parse("2027-01-10T07:59:59Z"), Instant.parse("2027-01-10T08:00:01Z"), null), CALIFORNIA));
        assertEquals(new EventFacts("intake-service", "converted to expedited", null),
                EventFacts.of(EventType.CASE_CONVERTED_TO_EXPEDITED, new CaseConvertedToExpedited(CASE,
                        Instant.parse("2026-11-20T18:00:00Z"), LocalDate.of(2026, 11, 20), null, null), CALIFORNIA));
        assertEquals(new EventFacts("intake-service",
                        "converted to expedited; records due 2026-11-27; determination due 2026-11-30", null),
                EventFacts.of(EventType.CASE_CONVERTED_TO_EXPEDITED, new CaseConvertedToExpedited(CASE,
                        Instant.parse("2026-11-26T18:00:00Z"), LocalDate.of(2026, 11, 26),
                        Instant.parse("2026-11-27T18:00:00Z"), LocalDate.of(2026, 11, 30)), CALIFORNIA));
        assertEquals(new EventFacts("intake-service", "withdrawn: treatment authorized 2026-11-20", null),
                EventFacts.of(EventType.CASE_WITHDRAWN, new CaseWithdrawn(CASE, Instant.parse("2026-11-21T18:00:00Z"),
                        LocalDate.of(2026, 11, 20)), CALIFORNIA));
    }

    @Test
    void anAssignmentTellsADueDateOnlyWhenItHasOne() {
        var received = SampleDispute.caseReceived(CASE, "acme-claims");
        ReviewerAssigned assigned = new ReviewerAssigned(CASE, "rev-a", null, Instant.now(), received.reviewType(), null,
                received.claimsAdministratorGuideline(), received.disputedItems());
        assertEquals(new EventFacts("assignment-service", "offer 1, 1 item", "rev-a"),
                EventFacts.of(EventType.REVIEWER_ASSIGNED, assigned, CALIFORNIA), "deprecated, now null");
        ReviewerAssigned older = new ReviewerAssigned(CASE, "rev-a", null, Instant.now(), received.reviewType(),
                LocalDate.of(2026, 4, 1), received.claimsAdministratorGuideline(), received.disputedItems());
        assertEquals("offer 1, 1 item, due 2026-04-01", EventFacts.of(EventType.REVIEWER_ASSIGNED, older, CALIFORNIA).summary());
    }

    @Test
    void offersAndTheirAnswersAreToldWithTheReviewer() {
        var received = SampleDispute.caseReceived(CASE, "acme-claims");
        ReviewerAssigned second = new ReviewerAssigned(CASE, "rev-b", null, Instant.now(), received.reviewType(), null,
                received.claimsAdministratorGuideline(), received.disputedItems(), 2, null);
        assertEquals(new EventFacts("assignment-service", "offer 2, 1 item", "rev-b"),
                EventFacts.of(EventType.REVIEWER_ASSIGNED, second, CALIFORNIA));
        assertEquals(new EventFacts("review-service", "offer 2 accepted", "rev-b"),
                EventFacts.of(EventType.OFFER_ACCEPTED, new OfferAccepted(CASE, 2, "rev-b", Instant.now()), CALIFORNIA));
        assertEquals(new EventFacts("review-service", "offer 1 declined: conflict in records", "rev-a"),
                EventFacts.of(EventType.OFFER_DECLINED, new OfferDeclined(CASE, 1, "rev-a",
                        OfferDeclined.DeclineReason.CONFLICT_IN_RECORDS, Instant.now()), CALIFORNIA));
        assertEquals(new EventFacts("review-service", "offer 3 timed out", "rev-c"),
                EventFacts.of(EventType.OFFER_DECLINED, new OfferDeclined(CASE, 3, "rev-c",
                        OfferDeclined.DeclineReason.TIMED_OUT, Instant.now()), CALIFORNIA));
        assertEquals(new EventFacts("assignment-service", "no reviewer available: 8 reviewers on the roster, 2 declined", null),
                EventFacts.of(EventType.NO_REVIEWER_AVAILABLE, new NoReviewerAvailable(CASE, Instant.now(), 8, 2), CALIFORNIA));
    }

    @Test
    void neverADocumentsName() {
        String line = EventFacts.of(EventType.RECORDS_RECEIVED, new RecordsReceived(CASE, Instant.now(), List.of(REPORT),
                true, null, 0, 0, LocalDate.of(2027, 1, 9)), CALIFORNIA).summary();
        assertFalse(line.contains("Pat Example") || line.contains("report"), line);
    }

    @Test
    void theOperationsViewReadsTheTopicOfEveryEventType() throws IOException {
        Properties config = new Properties();
        try (InputStream in = EventFactsTest.class.getResourceAsStream("/application.properties")) {
            config.load(in);
        }
        Set<String> subscribed = Set.of(config.getProperty("mp.messaging.incoming.operations-view.topics").split(","));
        assertEquals(Arrays.stream(EventType.values()).map(EventType::topic).collect(java.util.stream.Collectors.toSet()),
                subscribed);
    }

    @Test
    void neverTheWorkersNameNorTheClaimNumber() {
        var received = SampleDispute.caseReceived("CM26-0000001", "acme-claims");
        String line = EventFacts.of(EventType.CASE_RECEIVED, received, CALIFORNIA).summary();
        assertFalse(line.contains(received.parties().employeeName()));
        assertFalse(line.contains(received.claimNumber()));
    }
}
