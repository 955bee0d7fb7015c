package org.imrflow.events;

import java.time.Instant;
import java.util.List;

/**
 * An application the screen (8 CCR 9792.10.3) found ineligible, with every reason. Deferred when the claims
 * administrator disputes liability: the case waits for that to be resolved rather than being rejected. Carries the
 * claim and the parties' contacts, because the notice of ineligibility or deferral goes to each party.
 */
public record CaseIneligible(
        String caseNumber,
        Instant screenedAt,
        boolean deferred,
        List<String> reasons,
        String claimsAdministratorOrg,
        String claimNumber,
        List<PartyContact> contacts) {

    /** Without whom the notice goes to, as before it was carried. */
    public CaseIneligible(String caseNumber, Instant screenedAt, boolean deferred, List<String> reasons) {
        this(caseNumber, screenedAt, deferred, reasons, null, null, List.of());
    }

    public CaseIneligible {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }
}
