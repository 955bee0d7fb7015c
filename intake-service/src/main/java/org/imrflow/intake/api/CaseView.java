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
        List<Item> disputedItems,
        boolean stuck,
        List<StuckOn> stuckOn) {

    public record Item(int itemNumber, String description, ItemCategory category, String icd10Code) {
    }

    /**
     * An event of the case that a service dead-lettered and nobody has replayed yet: the case cannot go on until
     * operations fix the cause and replay it at {@code service}'s {@code /api/dead-letters/{deadLetterId}/replay}.
     */
    public record StuckOn(String service, long deadLetterId, String eventType, String reason, Instant since) {
    }

    static CaseView of(ImrCase c) {
        return new CaseView(c.caseNumber, c.status, List.copyOf(c.screeningReasons), c.receivedAt, c.reviewType, c.claimNumber,
                c.dateOfInjury, c.employer, c.employeeName, c.employeeRepresented, c.claimsAdministratorName,
                c.requestingPhysician, c.requestingPhysicianSpecialty, c.urDecisionDate, c.determinationDueDate,
                c.letterIssuedAt,
                c.disputedItems.stream()
                        .map(i -> new Item(i.itemNumber, i.description, i.category, i.icd10Code))
                        .toList(),
                !c.stuckEvents.isEmpty(),
                c.stuckEvents.stream()
                        .map(e -> new StuckOn(e.service, e.deadLetterId, e.eventType, e.reason, e.deadLetteredAt))
                        .toList());
    }
}
