package org.imrflow.http.identity;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page and its signed-in browser's calls go to the "web" tenant; everything else keeps bearer tokens. */
class WebPageTenantTest {
    private final WebPageTenant desk = new WebPageTenant(Optional.of("/desk"), Optional.of(List.of("/api/reviews", "/api/desk")));

    @Test
    void aSignedInPagesCallThatChangesSomethingMustSayItComesFromThePage() {
        assertTrue(desk.forgeable("POST", "/api/reviews/CM26-0000001/acceptance", false, true, false),
                "a form or image on another site, carrying the session cookie");
        assertFalse(desk.forgeable("POST", "/api/reviews/CM26-0000001/acceptance", false, true, true), "the page's own fetch");
        assertFalse(desk.forgeable("PUT", "/api/reviews/CM26-0000001/draft", true, true, false), "a bearer token is no cookie");
        assertFalse(desk.forgeable("GET", "/api/reviews", false, true, false), "reading changes nothing");
        assertFalse(desk.forgeable("POST", "/api/cases", false, true, false), "not the page's API: no session there");
        assertTrue(desk.forgeable("DELETE", "/api/desk/anything", false, true, false));
    }

    @Test
    void thePageIsAlwaysTheWebTenants() {
        assertEquals("web", desk.tenant("/desk", false, false));
        assertEquals("web", desk.tenant("/desk/", false, false));
        assertEquals("web", desk.tenant("/desk/desk.js", true, false));
        assertEquals("web", desk.tenant("/desk/logout", false, true));
        assertNull(desk.tenant("/desktop", false, true), "only the page's own path");
    }

    @Test
    void theApiIsTheWebTenantsOnlyForASignedInBrowserWithoutABearerToken() {
        assertEquals("web", desk.tenant("/api/reviews", false, true));
        assertEquals("web", desk.tenant("/api/reviews/CM26-0000001/draft", false, true));
        assertEquals("web", desk.tenant("/api/desk/live", false, true));
        assertNull(desk.tenant("/api/reviews/CM26-0000001", true, true), "a bearer token wins");
        assertNull(desk.tenant("/api/reviews", false, false), "no session: 401, not a redirect");
        assertNull(desk.tenant("/api/reviewsX", false, true));
        assertNull(desk.tenant("/api/access-log", false, true), "not an API the page calls");
        assertNull(desk.tenant("/q/health", false, true));
    }

    @Test
    void aServiceWithoutAPageHasOnlyTheDefaultTenant() {
        WebPageTenant none = new WebPageTenant(Optional.empty(), Optional.empty());
        assertNull(none.tenant("/desk", false, true));
        assertNull(none.tenant("/api/reviews", false, true));
    }
}
