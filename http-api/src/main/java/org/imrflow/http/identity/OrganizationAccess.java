package org.imrflow.http.identity;

import java.util.Optional;

/**
 * Which claims administrator organizations' cases a caller sees, wherever a case belongs to one (intake's cases,
 * notification's letters): a claims administrator only its own organization's, operations every one. Another
 * organization's case is answered as if it did not exist, so that nobody learns it does.
 */
public final class OrganizationAccess {
    private OrganizationAccess() {
    }

    /** The organization whose cases the caller sees: empty for every case (operations). */
    public static Optional<String> visibleOrganization(Caller caller) {
        if (caller.is(Roles.OPERATIONS)) {
            return Optional.empty();
        }
        return Optional.of(ownOrganization(caller));
    }

    public static boolean maySee(Caller caller, String caseOrganization) {
        return visibleOrganization(caller).map(own -> own.equals(caseOrganization)).orElse(true);
    }

    /** Refuses with {@link AccessDeniedException} unless the caller is a claims administrator of that organization. */
    public static void checkMayActFor(Caller caller, String organization) {
        String own = ownOrganization(caller);
        if (!own.equals(organization)) {
            throw new AccessDeniedException("You may act only for your own organization, " + own
                    + "; this is for " + organization);
        }
    }

    private static String ownOrganization(Caller caller) {
        if (!caller.is(Roles.CLAIMS_ADMIN) || caller.organization() == null || caller.organization().isBlank()) {
            throw new AccessDeniedException("Your sign-in names no claims administrator organization");
        }
        return caller.organization();
    }
}
