package org.imrflow.letters;

import org.imrflow.events.PartyContact;

import java.time.LocalDate;
import java.util.List;

/**
 * The first page: who sends, to whom, about which case. Each addressee is printed with their role, name and postal
 * address when known; an email address is never printed. {@code claimNumber} and {@code employeeName} may be null
 * (the line is left out).
 */
public record Letterhead(String caseNumber, String claimNumber, String employeeName, LocalDate dated,
                         List<PartyContact> addressees) {
    public Letterhead {
        addressees = addressees == null ? List.of() : List.copyOf(addressees);
    }
}
