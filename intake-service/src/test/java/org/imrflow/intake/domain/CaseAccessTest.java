package org.imrflow.intake.domain;

import org.imrflow.http.identity.Caller;
import org.imrflow.http.identity.Roles;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaseAccessTest {
    private static final Caller ACME = new Caller("claims-admin-acme", Set.of(Roles.CLAIMS_ADMIN), "acme-claims", null);
    private static final Caller OPERATIONS = new Caller("ops", Set.of(Roles.OPERATIONS), null, null);
    private static final Caller REVIEWER = new Caller("rev-pain-01", Set.of(Roles.REVIEWER), null, null);

    @Test
    void aClaimsAdministratorSeesOnlyItsOwnOrganizationsCases() {
        assertEquals(Optional.of("acme-claims"), CaseAccess.visibleOrganization(ACME));
        assertTrue(CaseAccess.maySee(ACME, "acme-claims"));
        assertFalse(CaseAccess.maySee(ACME, "bay-claims"));
    }

    @Test
    void operationsSeesEveryCase() {
        assertEquals(Optional.empty(), CaseAccess.visibleOrganization(OPERATIONS));
        assertTrue(CaseAccess.maySee(OPERATIONS, "acme-claims"));
        assertTrue(CaseAccess.maySee(OPERATIONS, "bay-claims"));
    }

    @Test
    void operationsWhoIsAlsoAClaimsAdministratorStillSeesEveryCase() {
        Caller both = new Caller("x", Set.of(Roles.OPERATIONS, Roles.CLAIMS_ADMIN), "acme-claims", null);
        assertEquals(Optional.empty(), CaseAccess.visibleOrganization(both));
    }

    @Test
    void aClaimsAdministratorFilesOnlyForItsOwnOrganization() {
        CaseAccess.checkMayFileFor(ACME, "acme-claims");
        assertThrows(NotYourOrganizationException.class, () -> CaseAccess.checkMayFileFor(ACME, "bay-claims"));
    }

    @Test
    void aSignInWithoutAnOrganizationFilesAndSeesNothing() {
        Caller noOrganization = new Caller("claims-admin-x", Set.of(Roles.CLAIMS_ADMIN), null, null);
        Caller blank = new Caller("claims-admin-y", Set.of(Roles.CLAIMS_ADMIN), " ", null);
        for (Caller caller : new Caller[]{noOrganization, blank}) {
            assertThrows(NotYourOrganizationException.class, () -> CaseAccess.checkMayFileFor(caller, "acme-claims"));
            assertThrows(NotYourOrganizationException.class, () -> CaseAccess.maySee(caller, "acme-claims"));
        }
    }

    @Test
    void neitherOperationsNorAReviewerFilesAnApplication() {
        assertThrows(NotYourOrganizationException.class, () -> CaseAccess.checkMayFileFor(OPERATIONS, "acme-claims"));
        assertThrows(NotYourOrganizationException.class, () -> CaseAccess.checkMayFileFor(REVIEWER, "acme-claims"));
        assertThrows(NotYourOrganizationException.class, () -> CaseAccess.visibleOrganization(REVIEWER));
    }
}
