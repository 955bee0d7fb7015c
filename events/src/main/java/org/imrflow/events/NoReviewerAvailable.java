package org.imrflow.events;

import java.time.Instant;

/**
 * No reviewer on the roster may take the case now: it waits, and operations are told, once each time a case starts
 * waiting. Assignment keeps trying as the roster changes; the next reviewer-assigned ends the wait.
 *
 * @param reviewersOnRoster    active and inactive reviewers considered
 * @param reviewersWhoDeclined of them, those who declined the case or let its offer run out
 */
public record NoReviewerAvailable(String caseNumber, Instant waitingSince, int reviewersOnRoster,
                                  int reviewersWhoDeclined) {
}
