package org.imrflow.notification.domain;

import org.imrflow.events.PartyContact;
import org.imrflow.events.PartyRole;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.imrflow.events.PartyRole.CLAIMS_ADMINISTRATOR;
import static org.imrflow.events.PartyRole.EMPLOYEE;
import static org.imrflow.events.PartyRole.EMPLOYER;
import static org.imrflow.events.PartyRole.REPRESENTATIVE;
import static org.imrflow.events.PartyRole.REQUESTING_PHYSICIAN;

class DocumentRecipientsTest {
    private static final List<PartyContact> REPRESENTED = contacts(EMPLOYEE, REPRESENTATIVE, EMPLOYER, REQUESTING_PHYSICIAN,
            CLAIMS_ADMINISTRATOR);
    private static final List<PartyContact> UNREPRESENTED = contacts(EMPLOYEE, EMPLOYER, REQUESTING_PHYSICIAN,
            CLAIMS_ADMINISTRATOR);

    @Test
    void theNoticeOfAssignmentGoesToEveryPartyIncludingTheRepresentative() {
        assertEquals(List.of(EMPLOYEE, REPRESENTATIVE, EMPLOYER, REQUESTING_PHYSICIAN, CLAIMS_ADMINISTRATOR), roles(DocumentRecipients.of(DocumentKind.NOTICE_OF_ASSIGNMENT, REPRESENTED)));
    }

    @Test
    void theFinalDeterminationGoesToTheRepresentativeInsteadOfARepresentedEmployee() {
        assertEquals(List.of(REPRESENTATIVE, EMPLOYER, REQUESTING_PHYSICIAN, CLAIMS_ADMINISTRATOR), roles(DocumentRecipients.of(DocumentKind.FINAL_DETERMINATION, REPRESENTED)));
    }

    @Test
    void theFinalDeterminationGoesToAnUnrepresentedEmployeeThemselves() {
        assertEquals(List.of(EMPLOYEE, EMPLOYER, REQUESTING_PHYSICIAN, CLAIMS_ADMINISTRATOR), roles(DocumentRecipients.of(DocumentKind.FINAL_DETERMINATION, UNREPRESENTED)));
    }

    @Test
    void noticesOfIneligibilityDeferralAndWithdrawalGoToEveryParty() {
        for (DocumentKind kind : List.of(DocumentKind.INELIGIBILITY_NOTICE, DocumentKind.DEFERRAL_NOTICE,
                DocumentKind.WITHDRAWAL_CONFIRMATION)) {
            assertEquals(List.of(EMPLOYEE, EMPLOYER, REQUESTING_PHYSICIAN, CLAIMS_ADMINISTRATOR), roles(DocumentRecipients.of(kind, UNREPRESENTED)), kind.name());
        }
    }

    @Test
    void aPdfIsNamedByItsKindAndCase() {
        assertEquals("final-determination-CM26-0000001.pdf", DocumentKind.FINAL_DETERMINATION.pdfName("CM26-0000001"));
    }

    private static List<PartyContact> contacts(PartyRole... roles) {
        return java.util.Arrays.stream(roles).map(role -> new PartyContact(role, role.display(), null, null)).toList();
    }

    private static List<PartyRole> roles(List<PartyContact> contacts) {
        return contacts.stream().map(PartyContact::role).toList();
    }
}
