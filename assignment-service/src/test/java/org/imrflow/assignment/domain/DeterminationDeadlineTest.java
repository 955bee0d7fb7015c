package org.imrflow.assignment.domain;

import org.imrflow.events.ReviewType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DeterminationDeadlineTest {
    private final DeterminationDeadline deadline = new DeterminationDeadline(30, 3);

    @Test
    void aStandardReviewIsDueThirtyDaysAfterReceipt() {
        assertEquals(LocalDate.of(2026, 12, 31), deadline.dueDate(ReviewType.STANDARD, LocalDate.of(2026, 12, 1)));
    }

    @Test
    void anExpeditedReviewIsDueThreeDaysAfterReceipt() {
        assertEquals(LocalDate.of(2027, 1, 2), deadline.dueDate(ReviewType.EXPEDITED, LocalDate.of(2026, 12, 30)));
    }

    @Test
    void thePeriodsAreConfigurableButPositive() {
        assertEquals(LocalDate.of(2026, 12, 6), new DeterminationDeadline(30, 5).dueDate(ReviewType.EXPEDITED, LocalDate.of(2026, 12, 1)));
        assertThrows(IllegalArgumentException.class, () -> new DeterminationDeadline(0, 3));
        assertThrows(IllegalArgumentException.class, () -> new DeterminationDeadline(30, 0));
    }
}
