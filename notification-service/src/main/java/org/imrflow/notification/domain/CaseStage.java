package org.imrflow.notification.domain;

import org.imrflow.events.CaseIneligible;
import org.imrflow.events.EventType;

import java.util.Optional;

/**
 * Where a case stands in the IMR pipeline, as operations see it from the event stream. A case only moves forward:
 * events of one case arrive on several topics in no mutual order, and a late one never moves it back. The order of
 * the constants is the order the page shows them in; the rank is how far along a case is.
 */
public enum CaseStage {
    /** Eligible and announced; waiting for a reviewer. */
    RECEIVED(1),
    /** Screened out. */
    INELIGIBLE(1),
    /**
     * Waiting while liability is disputed. It ranks below the other first stages: once liability is resolved the
     * case is received for review (or screened out) after all, and a deferral seen late does not take that back.
     */
    DEFERRED(0),
    ASSIGNED(2),
    DECIDED(3),
    /**
     * Closed with its Final Determination. It ranks above a withdrawal: intake refuses one after the letter, so a
     * withdrawal seen with a letter crossed it on the way (intake had not yet heard of the letter), and the letter stands.
     */
    LETTER_ISSUED(5),
    /**
     * Closed without a letter: the claims administrator authorized the treatment (8 CCR 9792.10.6(a)). A case is
     * withdrawn while waiting, assigned or decided; a decision or assignment seen after it does not reopen it.
     */
    WITHDRAWN(4);

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
            case CASE_WITHDRAWN -> Optional.of(WITHDRAWN);
            case NOTICE_OF_ASSIGNMENT_SENT, RECORDS_RECEIVED, CASE_CONVERTED_TO_EXPEDITED, DEADLINE_REACHED,
                 OFFER_ACCEPTED, OFFER_DECLINED, NO_REVIEWER_AVAILABLE, EVENT_DEAD_LETTERED, DEAD_LETTER_REPLAYED ->
                    Optional.empty();
        };
    }

    /**
     * The least stage an event shows its case at: the stage it reaches, or waiting for a reviewer for the notice,
     * records, conversion, deadline and no-reviewer events, which come only for an eligible case (assigned for the
     * answers to an offer). Such an event may be the first
     * of its case the view sees, and it may start the case's clock; it reaches no stage, so it counts in no rate.
     */
    public static Optional<CaseStage> shownBy(EventType type, Object payload) {
        return switch (type) {
            case NOTICE_OF_ASSIGNMENT_SENT, RECORDS_RECEIVED, CASE_CONVERTED_TO_EXPEDITED, DEADLINE_REACHED,
                 NO_REVIEWER_AVAILABLE -> Optional.of(RECEIVED);
            // an answer to an offer: the case was offered, so it is on a desk or about to be offered again
            case OFFER_ACCEPTED, OFFER_DECLINED -> Optional.of(ASSIGNED);
            default -> reachedBy(type, payload);
        };
    }

    /** Whether a case starts here: every case enters the pipeline at one of the first stages. */
    public boolean isFirst() {
        return rank <= 1;
    }

    /**
     * The stage a case moves on to from this one; empty for the stages a case ends in. Besides the next one, a case
     * may leave the stages that have one for {@link #WITHDRAWN}.
     */
    public Optional<CaseStage> next() {
        return switch (this) {
            case RECEIVED -> Optional.of(ASSIGNED);
            case ASSIGNED -> Optional.of(DECIDED);
            case DECIDED -> Optional.of(LETTER_ISSUED);
            case INELIGIBLE, DEFERRED, LETTER_ISSUED, WITHDRAWN -> Optional.empty();
        };
    }

    /** The further of the two; the current one when they are level, so that a redelivery changes nothing. */
    public CaseStage furthest(CaseStage other) {
        return other.rank > rank ? other : this;
    }
}
