package org.imrflow.intake.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.imrflow.events.CaseIneligible;
import org.imrflow.events.CaseReceived;
import org.imrflow.events.ClaimsAdministratorGuideline;
import org.imrflow.events.DisputedItem;
import org.imrflow.events.EventType;
import org.imrflow.events.PartyContact;
import org.imrflow.events.PartyRole;
import org.imrflow.events.outbox.Outbox;
import org.imrflow.intake.domain.CaseStatus;
import org.imrflow.intake.store.ImrCase;

import java.util.ArrayList;
import java.util.List;

/** Tells the stream what the screen decided: case-received when eligible, case-ineligible otherwise. */
@ApplicationScoped
public class CaseAnnouncements {
    private final Outbox outbox;

    CaseAnnouncements(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Call in the transaction that stored the case. */
    public Uni<Void> announce(ImrCase imrCase) {
        return announce(imrCase, imrCase.receivedAt);
    }

    /** Call in the transaction that screened the case, at {@code screenedAt}. */
    public Uni<Void> announce(ImrCase imrCase, java.time.Instant screenedAt) {
        if (imrCase.status == CaseStatus.RECEIVED) {
            return outbox.append(EventType.CASE_RECEIVED, imrCase.caseNumber, caseReceived(imrCase));
        }
        return outbox.append(EventType.CASE_INELIGIBLE, imrCase.caseNumber, new CaseIneligible(
                imrCase.caseNumber, screenedAt, imrCase.status == CaseStatus.DEFERRED, List.copyOf(imrCase.screeningReasons),
                imrCase.claimsAdministratorOrg, imrCase.claimNumber, contacts(imrCase)));
    }

    static CaseReceived caseReceived(ImrCase c) {
        return new CaseReceived(
                c.caseNumber,
                c.receivedAt,
                c.reviewType,
                c.claimsAdministratorOrg,
                new CaseReceived.Parties(c.employeeName, c.employeeRepresented, c.representativeName,
                        c.representativeFirm, c.representativeFirmId, c.employer, c.employerId,
                        c.claimsAdministratorName, c.requestingPhysician, c.requestingPhysicianNpi,
                        c.requestingPhysicianSpecialty, c.urOrganizationId, c.requestingPhysicianGroupId),
                c.claimNumber,
                c.dateOfInjury,
                c.urDecisionDate,
                new ClaimsAdministratorGuideline(c.urGuidelineBasedOnMtus, c.urGuidelineCitation),
                c.disputedItems.stream()
                        .map(i -> new DisputedItem(i.itemNumber, i.description, i.category, i.icd10Code,
                                i.manufacturerId))
                        .toList(),
                contacts(c));
    }

    /** Every party the documents go to: the representative only when the employee is represented. */
    static List<PartyContact> contacts(ImrCase c) {
        List<PartyContact> contacts = new ArrayList<>();
        contacts.add(new PartyContact(PartyRole.EMPLOYEE, c.employeeName, c.employeeEmail, c.employeeAddress));
        if (c.employeeRepresented && c.representativeName != null) {
            contacts.add(new PartyContact(PartyRole.REPRESENTATIVE, c.representativeName, c.representativeEmail,
                    c.representativeAddress));
        }
        contacts.add(new PartyContact(PartyRole.EMPLOYER, c.employer, c.employerEmail, c.employerAddress));
        contacts.add(new PartyContact(PartyRole.REQUESTING_PHYSICIAN, c.requestingPhysician, c.requestingPhysicianEmail,
                c.requestingPhysicianAddress));
        contacts.add(new PartyContact(PartyRole.CLAIMS_ADMINISTRATOR, c.claimsAdministratorName,
                c.claimsAdministratorEmail, c.claimsAdministratorAddress));
        return contacts;
    }
}
