package org.imrflow.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Medical records arrived from the claims administrator: one upload of documents, or the claims administrator's word
 * that the set is complete (then with the documents of no upload, or of the last one). Consumers collect the
 * documents of every such event of a case.
 *
 * @param complete              the set is complete: the determination's clock starts at {@code receivedAt}
 * @param recordsDueAt          when the records were due; null while the Notice of Assignment has not gone out
 * @param daysLate              whole days (part days count) after {@code recordsDueAt}; 0 when on time
 * @param penaltyDollars        what lateness costs the claims administrator (8 CCR 9792.12(c)(6)), as of this event
 * @param determinationDueDate  set when {@code complete}: when the determination is due
 */
public record RecordsReceived(
        String caseNumber,
        Instant receivedAt,
        List<DocumentReference> documents,
        boolean complete,
        Instant recordsDueAt,
        int daysLate,
        int penaltyDollars,
        LocalDate determinationDueDate) {
}
