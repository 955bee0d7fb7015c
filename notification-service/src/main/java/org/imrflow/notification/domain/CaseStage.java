package org.imrflow.notification.domain;

import org.imrflow.events.CaseIneligible;
import org.imrflow.events.EventType;

import java.util.Optional;

/**
 * Where a case stands in the IMR pipeline, as operations see it from the event stream. A case only moves forward:
 * events of one case arrive on several topics in no mutual order, and a late one never moves it back.
 */
public enum CaseStage {
    /** Eligible and announced; waiting for a reviewer. */
    RECEIVED(1),
    /** Screened out. */
    INELIGIBLE(1),
    /** Waiting while liability is disputed. */
    DEFERRED(1),
    ASSIGNED(2),
    DECIDED(3),
    LETTER_ISSUED(4);

    private final int rank;

    CaseStage(int rank) {
        this.rank = rank;
    }

    /** The stage an event shows its case has reached; empty for events that say nothing of the stage. */
    public static Optional<CaseStage> reachedBy(EventType type, Object payload) {
        return switch (type) {
            case CASE_RECEIVED -> Optional.of(RECEIVED);
            case CASE_INELIGIBLE -> Optional.of(((CaseIneligible) payload).deferred() ? DEFERRED : INELIGIBLE);
            case REVIEWER_ASSIGNED -> Optional.of(ASSIGNED);
            case DECISION_RECORDED -> Optional.of(DECIDED);
            case LETTER_ISSUED -> Optional.of(LETTER_ISSUED);
            case NOTICE_OF_ASSIGNMENT_SENT, RECORDS_RECEIVED, CASE_CONVERTED_TO_EXPEDITED, DEADLINE_REACHED, CASE_WITHDRAWN,
                 EVENT_DEAD_LETTERED, DEAD_LETTER_REPLAYED -> Optional.empty();
        };
    }

    /** Whether a case starts here: every case enters the pipeline at one of the first stages. */
    public boolean isFirst() {
        return rank == 1;
    }

    /** The stage a case moves on to from this one; empty for the stages a case ends in. */
    public Optional<CaseStage> next() {
        return switch (this) {
            case RECEIVED -> Optional.of(ASSIGNED);
            case ASSIGNED -> Optional.of(DECIDED);
            case DECIDED -> Optional.of(LETTER_ISSUED);
            case INELIGIBLE, DEFERRED, LETTER_ISSUED -> Optional.empty();
        };
    }

    /** The further of the two; the current one when they are level, so that a redelivery changes nothing. */
    public CaseStage furthest(CaseStage other) {
        return other.rank > rank ? other : this;
    }
}
