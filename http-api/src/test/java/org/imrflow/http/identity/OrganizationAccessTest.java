package org.imrflow.http.identity;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrganizationAccessTest {
    private static final Caller ACME = new Caller("claims-admin-acme", Set.of(Roles.CLAIMS_ADMIN), "acme-claims", null);
    private static final Caller OPERATIONS = new Caller("ops", Set.of(Roles.OPERATIONS), null, null);
    private static final Caller REVIEWER = new Caller("rev-pain-01", Set.of(Roles.REVIEWER), null, null);

    @Test
    void aClaimsAdministratorSeesOnlyItsOwnOrganizationsCases() {
        assertEquals(Optional.of("acme-claims"), OrganizationAccess.visibleOrganization(ACME));
        assertTrue(OrganizationAccess.maySee(ACME, "acme-claims"));
        assertFalse(OrganizationAccess.maySee(ACME, "bay-claims"));
    }

    @Test
    void operationsSeesEveryCase() {
        assertEquals(Optional.empty(), OrganizationAccess.visibleOrganization(OPERATIONS));
        assertTrue(OrganizationAccess.maySee(OPERATIONS, "acme-claims"));
        assertTrue(OrganizationAccess.maySee(OPERATIONS, "bay-claims"));
    }

    @Test
    void operationsWhoIsAlsoAClaimsAdministratorStillSeesEveryCase() {
        Caller both = new Caller("x", Set.of(Roles.OPERATIONS, Roles.CLAIMS_ADMIN), "acme-claims", null);
        assertEquals(Optional.empty(), OrganizationAccess.visibleOrganization(both));
    }

    @Test
    void aClaimsAdministratorFilesOnlyForItsOwnOrganization() {
        OrganizationAccess.checkMayActFor(ACME, "acme-claims");
        assertThrows(AccessDeniedException.class, () -> OrganizationAccess.checkMayActFor(ACME, "bay-claims"));
    }

    @Test
    void aSignInWithoutAnOrganizationFilesAndSeesNothing() {
        Caller noOrganization = new Caller("claims-admin-x", Set.of(Roles.CLAIMS_ADMIN), null, null);
        Caller blank = new Caller("claims-admin-y", Set.of(Roles.CLAIMS_ADMIN), " ", null);
        for (Caller caller : new Caller[]{noOrganization, blank}) {
            assertThrows(AccessDeniedException.class, () -> OrganizationAccess.checkMayActFor(caller, "acme-claims"));
            assertThrows(AccessDeniedException.class, () -> OrganizationAccess.maySee(caller, "acme-claims"));
        }
    }

    @Test
    void neitherOperationsNorAReviewerFilesAnApplication() {
        assertThrows(AccessDeniedException.class, () -> OrganizationAccess.checkMayActFor(OPERATIONS, "acme-claims"));
        assertThrows(AccessDeniedException.class, () -> OrganizationAccess.checkMayActFor(REVIEWER, "acme-claims"));
        assertThrows(AccessDeniedException.class, () -> OrganizationAccess.visibleOrganization(REVIEWER));
    }
}
