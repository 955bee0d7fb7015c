package org.imrflow.intake.domain;

import java.time.LocalDate;

/**
 * What the eligibility screen looks at.
 *
 * @param receivedOn            the day the IMR organization received the application
 * @param urDecisionServedOn    the day the UR decision was served on the employee
 * @param urDecisionType        what UR decided
 * @param applicationSignedOn   when the employee or representative signed; null when unsigned
 * @param liabilityDisputed     the claims administrator disputes liability for the injury or body part
 */
public record ScreeningFacts(
        LocalDate receivedOn,
        LocalDate urDecisionServedOn,
        UrDecisionType urDecisionType,
        LocalDate applicationSignedOn,
        boolean liabilityDisputed) {
}
