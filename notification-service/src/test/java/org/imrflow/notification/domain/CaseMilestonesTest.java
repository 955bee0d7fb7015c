package org.imrflow.notification.domain;

import org.imrflow.events.EventType;
import org.imrflow.events.LetterIssued;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CaseMilestonesTest {
    private static final Instant RECEIVED = Instant.parse("2026-03-02T17:00:00Z");
    private static final Instant FIRST_ASSIGNED = Instant.parse("2026-03-03T17:00:00Z");
    private static final Instant REASSIGNED = Instant.parse("2026-03-05T17:00:00Z");
    private static final Instant DECIDED = Instant.parse("2026-03-20T17:00:00Z");

    private static final CaseMilestones RECEIPT = new CaseMilestones(RECEIVED, null, null, null, null);
    private static final CaseMilestones FIRST = new CaseMilestones(null, LocalDate.of(2026, 4, 1), "rev-a", FIRST_ASSIGNED, null);
    private static final CaseMilestones SECOND = new CaseMilestones(null, LocalDate.of(2026, 4, 1), "rev-b", REASSIGNED, null);
    private static final CaseMilestones DECISION = new CaseMilestones(null, LocalDate.of(2026, 4, 1), "rev-b", null, DECIDED);

    @Test
    void noneAndNoneIsNone() {
        assertEquals(CaseMilestones.NONE, CaseMilestones.NONE.and(CaseMilestones.NONE));
    }

    @Test
    void everyOrderOfTheEventsGivesTheSameMilestones() {
        CaseMilestones expected = new CaseMilestones(RECEIVED, LocalDate.of(2026, 4, 1), "rev-b", REASSIGNED, DECIDED);
        List<CaseMilestones> events = new ArrayList<>(List.of(RECEIPT, FIRST, SECOND, DECISION));
        for (int round = 0; round < 24; round++) {
            Collections.rotate(events, 1);
            if (round % 4 == 0) {
                Collections.swap(events, 0, 2);
            }
            CaseMilestones combined = CaseMilestones.NONE;
            for (CaseMilestones event : events) {
                combined = combined.and(event);
            }
            assertEquals(expected, combined, "order " + events);
        }
    }

    @Test
    void aDecisionBeforeAnyAssignmentTellsTheReviewerAndDueDateUntilTheAssignmentArrives() {
        CaseMilestones decidedFirst = RECEIPT.and(DECISION);
        assertEquals("rev-b", decidedFirst.reviewerId());
        assertEquals(LocalDate.of(2026, 4, 1), decidedFirst.determinationDueDate());
        assertEquals(null, decidedFirst.assignedAt());
        assertEquals(REASSIGNED, decidedFirst.and(SECOND).assignedAt());
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        CaseMilestones once = RECEIPT.and(FIRST).and(DECISION);
        assertEquals(once, once.and(FIRST).and(DECISION).and(RECEIPT));
    }

    @Test
    void theEarliestStartAndDecisionWin() {
        CaseMilestones earlier = new CaseMilestones(RECEIVED.minusSeconds(60), null, null, null, DECIDED.minusSeconds(60));
        assertEquals(RECEIVED.minusSeconds(60), RECEIPT.and(earlier).clockStartedAt());
        assertEquals(DECIDED.minusSeconds(60), DECISION.and(earlier).decidedAt());
    }

    @Test
    void eventsThatTellNoMilestoneTellNone() {
        assertEquals(CaseMilestones.NONE, CaseMilestones.of(EventType.LETTER_ISSUED,
                new LetterIssued("CM26-0000001", "letter", DECIDED, List.of())));
    }
}
