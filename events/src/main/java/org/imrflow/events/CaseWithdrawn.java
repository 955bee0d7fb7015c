package org.imrflow.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The claims administrator authorized the disputed treatment, so the review ends (8 CCR 9792.10.6(a)): the case is
 * closed everywhere, no letter is issued and nothing is published.
 */
public record CaseWithdrawn(String caseNumber, Instant withdrawnAt, LocalDate treatmentAuthorizedDate) {
}
