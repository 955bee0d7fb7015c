package org.imrflow.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An eligible IMR application, accepted at intake. Carries the parties, because assignment screens reviewers for
 * conflicts against them, and the disputed items; and each party's contact, to which notification addresses and
 * delivers the case's documents.
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
        List<DisputedItem> disputedItems,
        List<PartyContact> contacts) {

    /** Without the parties' contacts, as before they were carried. */
    public CaseReceived(String caseNumber, Instant receivedAt, ReviewType reviewType, String claimsAdministratorOrg,
                        Parties parties, String claimNumber, LocalDate dateOfInjury, LocalDate urDecisionDate,
                        ClaimsAdministratorGuideline claimsAdministratorGuideline, List<DisputedItem> disputedItems) {
        this(caseNumber, receivedAt, reviewType, claimsAdministratorOrg, parties, claimNumber, dateOfInjury,
                urDecisionDate, claimsAdministratorGuideline, disputedItems, List.of());
    }

    public CaseReceived {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    /**
     * Who is on the case: names for people to read, and the identifiers the conflict check compares (the claims
     * administrator's is {@code claimsAdministratorOrg}, the employee's is the claim number).
     *
     * @param employerId             the employer's identifier, e.g. its FEIN
     * @param representativeFirmId   the representative's firm, when represented and known
     * @param requestingPhysicianNpi the requesting physician's National Provider Identifier
     * @param urOrganizationId       the organization that made the UR decision, when known
     * @param requestingPhysicianMedicalGroupId the requesting physician's medical group, when known
     */
    public record Parties(
            String employeeName,
            boolean employeeRepresented,
            String representativeName,
            String representativeFirm,
            String representativeFirmId,
            String employer,
            String employerId,
            String claimsAdministrator,
            String requestingPhysician,
            String requestingPhysicianNpi,
            String requestingPhysicianSpecialty,
            String urOrganizationId,
            String requestingPhysicianMedicalGroupId) {

        public Parties(String employeeName, boolean employeeRepresented, String representativeName,
                       String representativeFirm, String representativeFirmId, String employer, String employerId,
                       String claimsAdministrator, String requestingPhysician, String requestingPhysicianNpi,
                       String requestingPhysicianSpecialty, String urOrganizationId) {
            this(employeeName, employeeRepresented, representativeName, representativeFirm, representativeFirmId,
                    employer, employerId, claimsAdministrator, requestingPhysician, requestingPhysicianNpi,
                    requestingPhysicianSpecialty, urOrganizationId, null);
        }
    }
}
