package org.imrflow.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A durable timer fired: one of the case's deadlines came and what it waited for had not happened.
 *
 * @param dueAt                 the moment the deadline fell
 * @param determinationDueDate  when the determination is due; for {@code RECORDS} the clock starts with this event
 */
public record DeadlineReached(
        String caseNumber,
        Deadline deadline,
        Instant dueAt,
        Instant reachedAt,
        LocalDate determinationDueDate) {
}
