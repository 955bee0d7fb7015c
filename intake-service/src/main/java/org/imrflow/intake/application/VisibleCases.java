package org.imrflow.intake.application;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.NotFoundException;
import org.imrflow.http.identity.Caller;
import org.imrflow.http.identity.OrganizationAccess;
import org.imrflow.intake.store.ImrCase;

/**
 * The one way intake finds a case for a caller. Another organization's case is answered as if it did not exist
 * (404), as everywhere; a caller who sees a case but may not act for it (operations) gets 403 when acting.
 */
public final class VisibleCases {
    private VisibleCases() {
    }

    /** The case, when the caller may see it; 404 otherwise. Call inside a session. */
    public static Uni<ImrCase> find(Caller caller, String caseNumber) {
        return ImrCase.findByCaseNumber(caseNumber)
                .map(found -> found != null && OrganizationAccess.maySee(caller, found.claimsAdministratorOrg) ? found : null)
                .onItem().ifNull().failWith(() -> new NotFoundException("No IMR case " + caseNumber));
    }

    /** The case, when the caller may act for its organization: 404 as {@link #find}, then 403. */
    public static Uni<ImrCase> own(Caller caller, String caseNumber) {
        return find(caller, caseNumber)
                .invoke(imrCase -> OrganizationAccess.checkMayActFor(caller, imrCase.claimsAdministratorOrg));
    }
}
