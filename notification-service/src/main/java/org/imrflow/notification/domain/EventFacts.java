package org.imrflow.notification.domain;

import org.imrflow.events.CaseConvertedToExpedited;
import org.imrflow.events.CaseIneligible;
import org.imrflow.events.CaseReceived;
import org.imrflow.events.CaseWithdrawn;
import org.imrflow.events.DeadLetterReplayed;
import org.imrflow.events.DeadlineReached;
import org.imrflow.events.DecisionRecorded;
import org.imrflow.events.EventDeadLettered;
import org.imrflow.events.EventType;
import org.imrflow.events.LetterIssued;
import org.imrflow.events.NoReviewerAvailable;
import org.imrflow.events.NoticeOfAssignmentSent;
import org.imrflow.events.OfferAccepted;
import org.imrflow.events.OfferDeclined;
import org.imrflow.events.Outcome;
import org.imrflow.events.RecordsReceived;
import org.imrflow.events.ReviewerAssigned;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * What operations are told of an event in one line: counts, kinds and dates, never PHI (no names, no clinical text,
 * no claim numbers, no document names), and who sent it. The reviewer id is for operations, who may see it.
 */
public record EventFacts(String source, String summary, String reviewerId) {

    /** @param zone where the IMR organization works: a moment such as the records' deadline is told as its day there */
    public static EventFacts of(EventType type, Object payload, ZoneId zone) {
        return switch (type) {
            case CASE_RECEIVED -> {
                CaseReceived received = (CaseReceived) payload;
                yield new EventFacts("intake-service", items(received.disputedItems().size()) + ", "
                        + received.reviewType().name().toLowerCase() + " review", null);
            }
            case CASE_INELIGIBLE -> {
                CaseIneligible ineligible = (CaseIneligible) payload;
                yield new EventFacts("intake-service", (ineligible.deferred() ? "deferred" : "ineligible") + ", "
                        + count(ineligible.reasons().size(), "reason"), null);
            }
            case REVIEWER_ASSIGNED -> {
                ReviewerAssigned assigned = (ReviewerAssigned) payload;
                // the due date is no longer known at assignment (deprecated, null); older events still tell it
                yield new EventFacts("assignment-service", "offer " + assigned.offer() + ", "
                        + items(assigned.disputedItems().size())
                        + (assigned.determinationDueDate() == null ? "" : ", due " + assigned.determinationDueDate()),
                        assigned.reviewerId());
            }
            case DECISION_RECORDED -> {
                DecisionRecorded decided = (DecisionRecorded) payload;
                long overturned = decided.decisions().stream().filter(d -> d.outcome() == Outcome.OVERTURNED).count();
                yield new EventFacts("review-service", items(decided.decisions().size()) + ", " + overturned
                        + " overturned", decided.reviewerId());
            }
            case LETTER_ISSUED -> {
                LetterIssued issued = (LetterIssued) payload;
                long overturned = issued.outcomes().stream().filter(o -> o.outcome() == Outcome.OVERTURNED).count();
                yield new EventFacts("notification-service", items(issued.outcomes().size()) + ", " + overturned
                        + " overturned", null);
            }
            case NOTICE_OF_ASSIGNMENT_SENT -> {
                NoticeOfAssignmentSent notice = (NoticeOfAssignmentSent) payload;
                yield new EventFacts("intake-service", "notice by " + notice.method() + "; records due "
                        + day(notice.recordsDueAt(), zone), null);
            }
            case RECORDS_RECEIVED -> {
                RecordsReceived records = (RecordsReceived) payload;
                String line = count(records.documents().size(), "document") + (records.complete() ? "; complete" : "");
                if (records.daysLate() > 0) {
                    line += "; " + count(records.daysLate(), "day") + " late, " + dollars(records.penaltyDollars());
                }
                yield new EventFacts("intake-service", line, null);
            }
            case CASE_CONVERTED_TO_EXPEDITED -> {
                CaseConvertedToExpedited converted = (CaseConvertedToExpedited) payload;
                yield new EventFacts("intake-service", "converted to expedited"
                        + (converted.recordsDueAt() == null ? "" : "; records due " + day(converted.recordsDueAt(), zone))
                        + dueDate(converted.determinationDueDate()), null);
            }
            case DEADLINE_REACHED -> {
                DeadlineReached reached = (DeadlineReached) payload;
                yield new EventFacts("intake-service", "deadline " + reached.deadline() + " reached"
                        + dueDate(reached.determinationDueDate()), null);
            }
            case CASE_WITHDRAWN -> new EventFacts("intake-service",
                    "withdrawn: treatment authorized " + ((CaseWithdrawn) payload).treatmentAuthorizedDate(), null);
            case OFFER_ACCEPTED -> {
                OfferAccepted accepted = (OfferAccepted) payload;
                yield new EventFacts("review-service", "offer " + accepted.offerNumber() + " accepted", accepted.reviewerId());
            }
            case OFFER_DECLINED -> {
                OfferDeclined declined = (OfferDeclined) payload;
                yield new EventFacts("review-service", "offer " + declined.offerNumber()
                        + (declined.reason() == OfferDeclined.DeclineReason.TIMED_OUT ? " timed out"
                        : " declined: " + declined.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ')),
                        declined.reviewerId());
            }
            case NO_REVIEWER_AVAILABLE -> {
                NoReviewerAvailable waiting = (NoReviewerAvailable) payload;
                yield new EventFacts("assignment-service", "no reviewer available: "
                        + count(waiting.reviewersOnRoster(), "reviewer") + " on the roster, "
                        + waiting.reviewersWhoDeclined() + " declined", null);
            }
            case EVENT_DEAD_LETTERED -> {
                EventDeadLettered letter = (EventDeadLettered) payload;
                yield new EventFacts(letter.service(), "dead letter " + letter.deadLetterId() + " of "
                        + (letter.eventType() == null ? "an event of unknown type" : letter.eventType()), null);
            }
            case DEAD_LETTER_REPLAYED -> {
                DeadLetterReplayed replay = (DeadLetterReplayed) payload;
                yield new EventFacts(replay.service(), "dead letter " + replay.deadLetterId() + " replayed", null);
            }
        };
    }

    private static LocalDate day(Instant moment, ZoneId zone) {
        return moment.atZone(zone).toLocalDate();
    }

    private static String dueDate(LocalDate determinationDueDate) {
        return determinationDueDate == null ? "" : "; determination due " + determinationDueDate;
    }

    private static String dollars(int amount) {
        return String.format(Locale.US, "$%,d", amount);
    }

    private static String items(int count) {
        return count(count, "item");
    }

    private static String count(int count, String what) {
        return count + " " + what + (count == 1 ? "" : "s");
    }
}
