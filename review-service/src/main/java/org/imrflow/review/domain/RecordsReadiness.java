package org.imrflow.review.domain;

import java.time.Instant;

/**
 * Whether the reviewer may record the determination, as the medical records stand. The determination is made on the
 * claims administrator's records once they are complete; when their deadline passes without them, the reviewer may
 * decide without them, on the UR decision's summary and what the employee and the physician sent (8 CCR 9792.10.5).
 * Before either, the determination waits. A withdrawn case is never decided (8 CCR 9792.10.6(a)).
 *
 * @param complete       the claims administrator said the records are complete
 * @param deadlinePassed the records deadline passed before they were complete
 * @param dueAt          when the records are due; null while no event has told it
 */
public record RecordsReadiness(boolean complete, boolean deadlinePassed, Instant dueAt) {

    /** What a case is known to have before any records event arrived. */
    public static final RecordsReadiness NOTHING_YET = new RecordsReadiness(false, false, null);

    public boolean allowsDetermination() {
        return complete || deadlinePassed;
    }

    /** The reviewer decides, or decided, without complete records: the deadline passed first. */
    public boolean withoutCompleteRecords() {
        return deadlinePassed && !complete;
    }

    /** Refuses a determination the case may not have now; the withdrawal first, as nothing can change it. */
    public void requireDetermination(String caseNumber, boolean withdrawn) {
        if (withdrawn) {
            throw new CaseWithdrawnException(caseNumber);
        }
        if (!allowsDetermination()) {
            throw new RecordsNotReadyException(caseNumber, dueAt);
        }
    }
}
