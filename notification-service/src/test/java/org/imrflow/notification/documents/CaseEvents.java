package org.imrflow.notification.documents;

import org.imrflow.events.CaseIneligible;
import org.imrflow.events.CaseReceived;
import org.imrflow.events.ClaimsAdministratorGuideline;
import org.imrflow.events.DecisionRecorded;
import org.imrflow.events.EvidenceLevel;
import org.imrflow.events.ItemCategory;
import org.imrflow.events.NoticeMethod;
import org.imrflow.events.NoticeOfAssignmentSent;
import org.imrflow.events.Outcome;
import org.imrflow.events.PartyContact;
import org.imrflow.events.PartyRole;
import org.imrflow.events.ReviewerGuideline;
import org.imrflow.events.ReviewerQualifications;
import org.imrflow.events.testing.SampleDispute;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** The sample dispute's events for one test case, its parties at addresses of their own so mailboxes do not mix. */
final class CaseEvents {
    private static final AtomicInteger CASES = new AtomicInteger(7_000_000);

    final String caseNumber = "CM26-" + CASES.incrementAndGet();
    final String organization;
    final CaseReceived received;

    CaseEvents(String organization) {
        this.organization = organization;
        CaseReceived sample = SampleDispute.caseReceived(caseNumber, organization);
        this.received = new CaseReceived(sample.caseNumber(), sample.receivedAt(), sample.reviewType(),
                sample.claimsAdministratorOrg(), sample.parties(), sample.claimNumber(), sample.dateOfInjury(),
                sample.urDecisionDate(), sample.claimsAdministratorGuideline(), sample.disputedItems(), contacts());
    }

    /** {@code representative.cm26-7000001@parties.example} */
    String email(PartyRole role) {
        return role.name().toLowerCase(Locale.ROOT).replace('_', '-') + "." + caseNumber.toLowerCase(Locale.ROOT)
                + "@parties.example";
    }

    List<PartyContact> contacts() {
        return SampleDispute.contacts().stream()
                .map(contact -> new PartyContact(contact.role(), contact.name(), email(contact.role()), contact.mailingAddress()))
                .toList();
    }

    NoticeOfAssignmentSent noticeSent() {
        Instant sent = Instant.now();
        return new NoticeOfAssignmentSent(caseNumber, sent, NoticeMethod.ELECTRONIC, LocalDate.now(),
                sent.plus(12, ChronoUnit.DAYS));
    }

    CaseIneligible ineligible(boolean deferred, List<String> reasons) {
        return new CaseIneligible(caseNumber, Instant.now(), deferred, reasons, organization, received.claimNumber(),
                contacts());
    }

    /** The sample's determination, its summary naming the employee, the claim and the day of injury as reviewers do. */
    DecisionRecorded decision(String treatment) {
        return new DecisionRecorded(caseNumber, "rev-occmed-01",
                new ReviewerQualifications("Occupational Medicine", "Occupational Medicine"), Instant.now(),
                LocalDate.now().plusDays(25),
                "The injured worker, Pat Example, is a represented employee (claim " + received.claimNumber()
                        + ") who has filed a claim for chronic neck pain reportedly associated with an industrial injury"
                        + " of December 27, 2005. Robin Counsel of Counsel & Co wrote on the employee's behalf. Dr. Lee"
                        + " Treating sought medial branch blocks at the C2 through C4 levels.",
                List.of(new DecisionRecorded.ItemDecision(1, treatment, ItemCategory.INJECTIONS, Outcome.OVERTURNED,
                        new ClaimsAdministratorGuideline(false, "Non-MTUS Citation (ODG) Official Disability Guidelines ACOEM"),
                        new ReviewerGuideline(EvidenceLevel.MTUS, "MTUS ACOEM", "Chapter 8 Neck and Upper Back Complaints", "174"),
                        "There is limited evidence that radiofrequency neurotomy procedures may be effective in relieving"
                                + " cervical facet joint pain. Mr. Example's return to regular duty at City Fleet Services"
                                + " shows functional improvement. The request is medically necessary.")));
    }
}
