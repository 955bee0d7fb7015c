package org.imrflow.notification.domain;

import org.imrflow.events.CaseIneligible;
import org.imrflow.events.EventType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CaseStageTest {

    @Test
    void eachCaseEventNamesTheStageItShowsAndTheDeadLetterEventsNone() {
        assertEquals(Optional.of(CaseStage.RECEIVED), CaseStage.reachedBy(EventType.CASE_RECEIVED, null));
        assertEquals(Optional.of(CaseStage.ASSIGNED), CaseStage.reachedBy(EventType.REVIEWER_ASSIGNED, null));
        assertEquals(Optional.of(CaseStage.DECIDED), CaseStage.reachedBy(EventType.DECISION_RECORDED, null));
        assertEquals(Optional.of(CaseStage.LETTER_ISSUED), CaseStage.reachedBy(EventType.LETTER_ISSUED, null));
        assertEquals(Optional.of(CaseStage.WITHDRAWN), CaseStage.reachedBy(EventType.CASE_WITHDRAWN, null));
        assertEquals(Optional.empty(), CaseStage.reachedBy(EventType.EVENT_DEAD_LETTERED, null));
        assertEquals(Optional.empty(), CaseStage.reachedBy(EventType.DEAD_LETTER_REPLAYED, null));
    }

    @Test
    void theEventsOfAnEligibleCasesRecordsAndDeadlinesShowItWaitingButReachNoStage() {
        for (EventType type : List.of(EventType.NOTICE_OF_ASSIGNMENT_SENT, EventType.RECORDS_RECEIVED,
                EventType.CASE_CONVERTED_TO_EXPEDITED, EventType.DEADLINE_REACHED)) {
            assertEquals(Optional.empty(), CaseStage.reachedBy(type, null), type + " counts in no rate");
            assertEquals(Optional.of(CaseStage.RECEIVED), CaseStage.shownBy(type, null), type + " shows an eligible case");
        }
        assertEquals(Optional.of(CaseStage.WITHDRAWN), CaseStage.shownBy(EventType.CASE_WITHDRAWN, null));
        assertEquals(Optional.of(CaseStage.ASSIGNED), CaseStage.shownBy(EventType.REVIEWER_ASSIGNED, null));
        assertEquals(Optional.empty(), CaseStage.shownBy(EventType.EVENT_DEAD_LETTERED, null));
    }

    @Test
    void anIneligibleApplicationIsDeferredWhenLiabilityIsDisputed() {
        assertEquals(Optional.of(CaseStage.DEFERRED), CaseStage.reachedBy(EventType.CASE_INELIGIBLE,
                new CaseIneligible("CM26-0000001", Instant.now(), true, List.of("liability disputed"))));
        assertEquals(Optional.of(CaseStage.INELIGIBLE), CaseStage.reachedBy(EventType.CASE_INELIGIBLE,
                new CaseIneligible("CM26-0000001", Instant.now(), false, List.of("late"))));
    }

    @Test
    void aCaseOnlyMovesForwardWhateverTheOrder() {
        for (CaseStage current : CaseStage.values()) {
            for (CaseStage seen : CaseStage.values()) {
                CaseStage next = current.furthest(seen);
                assertEquals(Math.max(rank(current), rank(seen)), rank(next), current + " then " + seen);
                if (rank(seen) <= rank(current)) {
                    assertEquals(current, next, "a late or level event leaves " + current + " alone, not " + seen);
                }
            }
        }
        assertEquals(CaseStage.LETTER_ISSUED, CaseStage.LETTER_ISSUED.furthest(CaseStage.ASSIGNED));
        assertEquals(CaseStage.LETTER_ISSUED, CaseStage.ASSIGNED.furthest(CaseStage.LETTER_ISSUED));
        assertEquals(CaseStage.DECIDED, CaseStage.RECEIVED.furthest(CaseStage.DECIDED));
        assertEquals(CaseStage.ASSIGNED, CaseStage.ASSIGNED.furthest(CaseStage.RECEIVED), "a late case-received");
        assertEquals(CaseStage.DEFERRED, CaseStage.DEFERRED.furthest(CaseStage.DEFERRED), "a redelivery");
    }

    @Test
    void aDeferredCaseMovesOnOnceItsLiabilityIsResolved_andALateDeferralDoesNotTakeThatBack() {
        assertEquals(CaseStage.RECEIVED, CaseStage.DEFERRED.furthest(CaseStage.RECEIVED), "liability accepted");
        assertEquals(CaseStage.INELIGIBLE, CaseStage.DEFERRED.furthest(CaseStage.INELIGIBLE), "resolved against the claim");
        assertEquals(CaseStage.RECEIVED, CaseStage.RECEIVED.furthest(CaseStage.DEFERRED), "the deferral arriving late");
        assertEquals(true, CaseStage.DEFERRED.isFirst(), "a deferred case entered the pipeline");
    }

    @Test
    void aWithdrawnCaseStaysWithdrawnWhateverArrivesLateButALetterStands() {
        for (CaseStage before : List.of(CaseStage.RECEIVED, CaseStage.ASSIGNED, CaseStage.DECIDED)) {
            assertEquals(CaseStage.WITHDRAWN, before.furthest(CaseStage.WITHDRAWN), "withdrawn from " + before);
            assertEquals(CaseStage.WITHDRAWN, CaseStage.WITHDRAWN.furthest(before), "a late " + before);
        }
        // a withdrawal that crossed the letter on the way: the letter went out
        assertEquals(CaseStage.LETTER_ISSUED, CaseStage.LETTER_ISSUED.furthest(CaseStage.WITHDRAWN));
        assertEquals(CaseStage.LETTER_ISSUED, CaseStage.WITHDRAWN.furthest(CaseStage.LETTER_ISSUED));
    }

    @Test
    void aCaseEndsWhenWithdrawnAndMovesOnAlongTheMainLineOtherwise() {
        assertEquals(Optional.empty(), CaseStage.WITHDRAWN.next());
        assertEquals(Optional.empty(), CaseStage.LETTER_ISSUED.next());
        assertEquals(Optional.of(CaseStage.ASSIGNED), CaseStage.RECEIVED.next());
        assertEquals(Optional.of(CaseStage.LETTER_ISSUED), CaseStage.DECIDED.next());
        assertEquals(false, CaseStage.WITHDRAWN.isFirst());
    }

    private static int rank(CaseStage stage) {
        return switch (stage) {
            case DEFERRED -> 0;
            case RECEIVED, INELIGIBLE -> 1;
            case ASSIGNED -> 2;
            case DECIDED -> 3;
            case WITHDRAWN -> 4;
            case LETTER_ISSUED -> 5;
        };
    }
}
