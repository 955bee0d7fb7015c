package org.imrflow.notification.domain;

import org.imrflow.events.PartyRole;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every document IMR Flow issues to a case's parties, with whom the rules send it to (8 CCR 9792.10.3, 9792.10.4,
 * 9792.10.6, 9792.10.7).
 */
public enum DocumentKind {
    INELIGIBILITY_NOTICE("Notice of Ineligibility for Independent Medical Review", "notice-of-ineligibility",
            EnumSet.allOf(PartyRole.class)),
    DEFERRAL_NOTICE("Notice of Deferral of Independent Medical Review", "notice-of-deferral",
            EnumSet.allOf(PartyRole.class)),
    NOTICE_OF_ASSIGNMENT("Notice of Assignment and Request for Information", "notice-of-assignment",
            EnumSet.allOf(PartyRole.class)),
    WITHDRAWAL_CONFIRMATION("Confirmation of Withdrawal of Independent Medical Review", "withdrawal-confirmation",
            EnumSet.allOf(PartyRole.class)),
    /** To the employee or, when represented, the representative; the requesting physician, claims administrator and employer. */
    FINAL_DETERMINATION("Independent Medical Review Final Determination", "final-determination",
            EnumSet.of(PartyRole.REPRESENTATIVE, PartyRole.REQUESTING_PHYSICIAN, PartyRole.CLAIMS_ADMINISTRATOR,
                    PartyRole.EMPLOYER));

    private final String title;
    private final String fileName;
    private final Set<PartyRole> sentTo;

    DocumentKind(String title, String fileName, Set<PartyRole> sentTo) {
        this.title = title;
        this.fileName = fileName;
        this.sentTo = sentTo;
    }

    /** The document's title, as its email's subject starts. */
    public String title() {
        return title;
    }

    /** {@code final-determination-CM26-0000001.pdf} */
    public String pdfName(String caseNumber) {
        return fileName + "-" + caseNumber + ".pdf";
    }

    /**
     * Whether this party gets the document. The Final Determination goes to the employee "or" the representative:
     * to the representative when the employee is represented, else to the employee.
     */
    public boolean isSentTo(PartyRole role, boolean employeeRepresented) {
        if (this == FINAL_DETERMINATION && role == PartyRole.EMPLOYEE) {
            return !employeeRepresented;
        }
        return sentTo.contains(role);
    }
}
