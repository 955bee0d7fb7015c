package org.imrflow.review.domain;

import java.time.Instant;

/** The medical records are neither complete nor past their deadline: the determination waits for them. */
public class RecordsNotReadyException extends RuntimeException {
    public RecordsNotReadyException(String caseNumber, Instant dueAt) {
        super("The medical records of case " + caseNumber + " are neither complete nor past their deadline ("
                + (dueAt == null ? "not known yet" : "due " + dueAt)
                + "); the determination can be recorded once they are complete or the deadline has passed");
    }
}
