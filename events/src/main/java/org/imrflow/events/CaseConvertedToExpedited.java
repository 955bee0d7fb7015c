package org.imrflow.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The treating physician's certification of an imminent, serious threat to the employee's health arrived after
 * filing: a standard case became expedited, and its clocks moved.
 *
 * @param recordsDueAt          the records' new deadline; null when the notice has not gone out or the records are complete
 * @param determinationDueDate  the determination's new due date; null while its clock has not started
 */
public record CaseConvertedToExpedited(
        String caseNumber,
        Instant convertedAt,
        LocalDate certificationReceivedDate,
        Instant recordsDueAt,
        LocalDate determinationDueDate) {
}
