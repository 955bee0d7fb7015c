package org.imrflow.intake.api;

import org.imrflow.events.NoticeMethod;
import org.imrflow.intake.store.DisputedItemRow;
import org.imrflow.intake.store.ImrCase;

import java.time.Instant;
import java.time.LocalDate;

/** Maps a submission onto the case to store. */
final class Submissions {
    private Submissions() {
    }

    static ImrCase toCase(CaseSubmission s, Instant receivedAt, LocalDate today) {
        ImrCase c = new ImrCase();
        c.receivedAt = receivedAt;
        c.applicationReceivedDate = s.applicationReceivedDate() != null ? s.applicationReceivedDate() : today;
        c.reviewType = s.reviewType();
        c.claimsAdministratorOrg = s.claimsAdministrator().orgId();
        c.claimsAdministratorName = s.claimsAdministrator().name();
        c.noticeMethod = s.claimsAdministrator().noticeMethod() != null ? s.claimsAdministrator().noticeMethod() : NoticeMethod.ELECTRONIC;
        c.employeeName = s.employee().name();
        c.employeeRepresented = s.employee().represented();
        c.employeeEmail = s.employee().email();
        c.employeeAddress = s.employee().mailingAddress();
        c.claimsAdministratorEmail = s.claimsAdministrator().email();
        c.claimsAdministratorAddress = s.claimsAdministrator().mailingAddress();
        if (s.employee().represented()) {
            c.representativeName = s.employee().representative().name();
            c.representativeFirm = s.employee().representative().firm();
            c.representativeFirmId = s.employee().representative().firmId();
            c.representativeEmail = s.employee().representative().email();
            c.representativeAddress = s.employee().representative().mailingAddress();
        }
        c.claimNumber = s.claim().claimNumber();
        c.dateOfInjury = s.claim().dateOfInjury();
        c.employer = s.claim().employer();
        c.employerId = s.claim().employerId();
        c.employerEmail = s.claim().employerEmail();
        c.employerAddress = s.claim().employerMailingAddress();
        c.requestingPhysician = s.requestingPhysician().name();
        c.requestingPhysicianSpecialty = s.requestingPhysician().specialty();
        c.requestingPhysicianNpi = s.requestingPhysician().npi();
        c.requestingPhysicianGroupId = s.requestingPhysician().medicalGroupId();
        c.requestingPhysicianEmail = s.requestingPhysician().email();
        c.requestingPhysicianAddress = s.requestingPhysician().mailingAddress();
        c.urOrganizationId = s.urDecision().organizationId();
        c.urDecisionDate = s.urDecision().date();
        c.urDecisionServedDate = s.urDecision().servedDate() != null ? s.urDecision().servedDate() : s.urDecision().date();
        c.urDecisionType = s.urDecision().type();
        c.urServiceMethod = s.urDecision().servedBy();
        c.urDecisionAttached = s.urDecision().attached();
        c.urGuidelineBasedOnMtus = s.urDecision().guideline().basedOnMtus();
        c.urGuidelineCitation = s.urDecision().guideline().citation();
        c.applicationSignedDate = s.applicationSignedDate();
        c.applicationSignedBy = s.applicationSignedBy();
        c.formularyDispute = Boolean.TRUE.equals(s.formularyDispute());
        c.liabilityDisputed = Boolean.TRUE.equals(s.liabilityDisputed());
        c.eligibleDespiteLiability = Boolean.TRUE.equals(s.eligibleDespiteLiability());
        for (int i = 0; i < s.disputedItems().size(); i++) {
            CaseSubmission.Item item = s.disputedItems().get(i);
            DisputedItemRow row = new DisputedItemRow();
            row.itemNumber = i + 1;
            row.description = item.description().trim();
            row.category = item.category();
            row.icd10Code = item.icd10Code();
            row.manufacturerId = item.manufacturerId();
            c.disputedItems.add(row);
        }
        return c;
    }
}
