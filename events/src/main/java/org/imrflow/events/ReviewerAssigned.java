package org.imrflow.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The case is offered to a qualified, conflict-free reviewer, who accepts or declines it on their desk. Carries what
 * the review needs, so review never calls back to intake. A later offer of the same case (after a decline, a time-out,
 * a reassignment by operations or the reviewer's deactivation) has a higher offer number and takes the case off the
 * earlier reviewer's desk.
 *
 * @param offerNumber which offer of the case, from 1; absent (null) on events from before offers, read as 1
 * @param application the application's facts the decision needs; absent on events from before offers
 */
public record ReviewerAssigned(
        String caseNumber,
        String reviewerId,
        ReviewerQualifications qualifications,
        Instant assignedAt,
        ReviewType reviewType,
        LocalDate determinationDueDate,
        ClaimsAdministratorGuideline claimsAdministratorGuideline,
        List<DisputedItem> disputedItems,
        Integer offerNumber,
        ApplicationFacts application) {

    /**
     * What the reviewer reads from the application beside the items: no names, no claim number.
     *
     * @param requestingPhysicianSpecialty the specialty of the physician who asked for the treatment
     */
    public record ApplicationFacts(LocalDate dateOfInjury, LocalDate urDecisionDate,
                                   String requestingPhysicianSpecialty) {
    }

    /** An event as sent before offers were numbered: the first offer, without the application's facts. */
    public ReviewerAssigned(String caseNumber, String reviewerId, ReviewerQualifications qualifications,
                            Instant assignedAt, ReviewType reviewType, LocalDate determinationDueDate,
                            ClaimsAdministratorGuideline claimsAdministratorGuideline,
                            List<DisputedItem> disputedItems) {
        this(caseNumber, reviewerId, qualifications, assignedAt, reviewType, determinationDueDate,
                claimsAdministratorGuideline, disputedItems, null, null);
    }

    /** The offer's number, 1 on events from before offers were numbered. */
    public int offer() {
        return offerNumber == null ? 1 : offerNumber;
    }
}
