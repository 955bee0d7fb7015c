package org.imrflow.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An eligible IMR application, accepted at intake. Carries the parties, because assignment screens reviewers for
 * conflicts against them, and the disputed items.
 */
public record CaseReceived(
        String caseNumber,
        Instant receivedAt,
        ReviewType reviewType,
        String claimsAdministratorOrg,
        Parties parties,
        String claimNumber,
        LocalDate dateOfInjury,
        LocalDate urDecisionDate,
        ClaimsAdministratorGuideline claimsAdministratorGuideline,
        List<DisputedItem> disputedItems) {

    /** Who is on the case, by name only: the conflict check needs no more. */
    public record Parties(
            String employeeName,
            boolean employeeRepresented,
            String representativeName,
            String representativeFirm,
            String employer,
            String claimsAdministrator,
            String requestingPhysician,
            String requestingPhysicianSpecialty) {
    }
}
