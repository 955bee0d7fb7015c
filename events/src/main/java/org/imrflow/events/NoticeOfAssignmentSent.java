package org.imrflow.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The Notice of Assignment and Request for Information (NOARFI) went to the parties (8 CCR 9792.10.4). It starts the
 * claims administrator's records deadline.
 *
 * @param noticeDueDate the last business day the notice was due on: the next business day after the screen
 * @param recordsDueAt  when the IMR organization must have received the medical records
 */
public record NoticeOfAssignmentSent(
        String caseNumber,
        Instant sentAt,
        NoticeMethod method,
        LocalDate noticeDueDate,
        Instant recordsDueAt) {
}
