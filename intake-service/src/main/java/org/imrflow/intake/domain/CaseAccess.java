package org.imrflow.intake.domain;

import org.imrflow.http.identity.Caller;
import org.imrflow.http.identity.Roles;

import java.util.Optional;

/**
 * Who may file and see which cases at intake. A claims administrator files for, and sees, only its own
 * organization's cases; operations sees every case; a reviewer sees none here (their cases are on their desk in
 * review). Another organization's case is answered as if it did not exist, so that nobody learns it does.
 */
public final class CaseAccess {
    private CaseAccess() {
    }

    /**
     * The organization whose cases the caller sees: empty for every case. Only for operations and claims
     * administrators, whom the endpoints admit.
     */
    public static Optional<String> visibleOrganization(Caller caller) {
        if (caller.is(Roles.OPERATIONS)) {
            return Optional.empty();
        }
        return Optional.of(ownOrganization(caller));
    }

    public static boolean maySee(Caller caller, String caseOrganization) {
        return visibleOrganization(caller).map(own -> own.equals(caseOrganization)).orElse(true);
    }

    /** Throws {@link NotYourOrganizationException} unless the caller is a claims administrator of that organization. */
    public static void checkMayFileFor(Caller caller, String organization) {
        String own = ownOrganization(caller);
        if (!own.equals(organization)) {
            throw new NotYourOrganizationException("You may file only for your own organization, " + own
                    + "; this application is for " + organization);
        }
    }

    private static String ownOrganization(Caller caller) {
        if (!caller.is(Roles.CLAIMS_ADMIN) || caller.organization() == null || caller.organization().isBlank()) {
            throw new NotYourOrganizationException("Your sign-in names no claims administrator organization");
        }
        return caller.organization();
    }
}
