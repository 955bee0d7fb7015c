package org.imrflow.intake.api;

import org.imrflow.events.ItemCategory;
import org.imrflow.events.ReviewType;
import org.imrflow.intake.domain.CaseStatus;
import org.imrflow.intake.store.ImrCase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A case as its claims administrator sees it: never the reviewer's identity. */
public record CaseView(
        String caseNumber,
        CaseStatus status,
        List<String> screeningReasons,
        Instant receivedAt,
        ReviewType reviewType,
        String claimNumber,
        LocalDate dateOfInjury,
        String employer,
        String employeeName,
        boolean employeeRepresented,
        String claimsAdministrator,
        String requestingPhysician,
        String requestingPhysicianSpecialty,
        LocalDate urDecisionDate,
        LocalDate determinationDueDate,
        Instant letterIssuedAt,
        List<Item> disputedItems) {

    public record Item(int itemNumber, String description, ItemCategory category, String icd10Code) {
    }

    static CaseView of(ImrCase c) {
        return new CaseView(c.caseNumber, c.status, List.copyOf(c.screeningReasons), c.receivedAt, c.reviewType, c.claimNumber,
                c.dateOfInjury, c.employer, c.employeeName, c.employeeRepresented, c.claimsAdministratorName,
                c.requestingPhysician, c.requestingPhysicianSpecialty, c.urDecisionDate, c.determinationDueDate,
                c.letterIssuedAt,
                c.disputedItems.stream()
                        .map(i -> new Item(i.itemNumber, i.description, i.category, i.icd10Code))
                        .toList());
    }
}
