package org.imrflow.review.api;

import org.imrflow.events.CaseConvertedToExpedited;
import org.imrflow.events.CaseWithdrawn;
import org.imrflow.events.Deadline;
import org.imrflow.events.DeadlineReached;
import org.imrflow.events.DocumentReference;
import org.imrflow.events.EventType;
import org.imrflow.events.RecordsReceived;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.events.testing.TestDatabase;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** What intake tells review about a case (records, deadlines, conversion, withdrawal), published as intake would. */
final class IntakeEvents {
    private IntakeEvents() {
    }

    /** The claims administrator's word that the records are complete: the clock starts, due on {@code dueDate}. */
    static UUID recordsComplete(EventStreamProbe stream, String caseNumber, Instant receivedAt, LocalDate dueDate,
                                DocumentReference... documents) {
        return stream.publish(EventType.RECORDS_RECEIVED, caseNumber, new RecordsReceived(caseNumber, receivedAt,
                List.of(documents), true, receivedAt.plus(Duration.ofDays(1)), 0, 0, dueDate));
    }

    static UUID recordsComplete(EventStreamProbe stream, String caseNumber, LocalDate dueDate) {
        return recordsComplete(stream, caseNumber, Instant.now(), dueDate);
    }

    /** One upload of records, not the complete set. */
    static UUID recordsUploaded(EventStreamProbe stream, String caseNumber, Instant recordsDueAt, DocumentReference... documents) {
        return stream.publish(EventType.RECORDS_RECEIVED, caseNumber, new RecordsReceived(caseNumber, Instant.now(),
                List.of(documents), false, recordsDueAt, 0, 0, null));
    }

    static UUID deadlineReached(EventStreamProbe stream, String caseNumber, Deadline deadline, Instant dueAt,
                                Instant reachedAt, LocalDate dueDate) {
        return stream.publish(EventType.DEADLINE_REACHED, caseNumber,
                new DeadlineReached(caseNumber, deadline, dueAt, reachedAt, dueDate));
    }

    static UUID convertedToExpedited(EventStreamProbe stream, String caseNumber, Instant convertedAt, LocalDate dueDate) {
        return stream.publish(EventType.CASE_CONVERTED_TO_EXPEDITED, caseNumber,
                new CaseConvertedToExpedited(caseNumber, convertedAt, LocalDate.now(), null, dueDate));
    }

    static UUID withdrawn(EventStreamProbe stream, String caseNumber, Instant withdrawnAt) {
        return stream.publish(EventType.CASE_WITHDRAWN, caseNumber, new CaseWithdrawn(caseNumber, withdrawnAt, LocalDate.now()));
    }

    static DocumentReference document(String name, String mediaType, byte[] content, String sha256) {
        return new DocumentReference(UUID.randomUUID().toString(), name, mediaType, content.length, sha256);
    }

    /** Waits until review's inbox took the event in, for an event whose effect shows nowhere yet. */
    static void awaitProcessed(UUID eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.number(
                "select count(*) from processed_event where event_id = ? and consumer = 'review-service'", eventId) == 1);
    }
}
