package org.imrflow.assignment.domain;

/** A reviewer with the number of cases they hold open now. */
public record ReviewerLoad(Reviewer reviewer, long openCases) {
}
