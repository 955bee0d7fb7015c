package org.imrflow.http.identity;

import java.util.Set;

/**
 * Who is calling, as their token says: plain data, so that each service's scoping rules can take it in plain Java.
 *
 * @param subject      the token's subject; for a reviewer, the reviewer id (see {@code imrflow.identity.reviewer-id-claim})
 * @param organization the claims administrator's organization ({@code imrflow.identity.organization-claim}); null
 *                     when the token carries none
 * @param address      the address the request came from, for the access log
 */
public record Caller(String subject, Set<String> roles, String organization, String address) {

    public boolean is(String role) {
        return roles.contains(role);
    }

    /** The id a reviewer acts as. */
    public String reviewerId() {
        return subject;
    }

    /** The role the caller acts in here, for logs: the first of theirs in order of reach. */
    public String mainRole() {
        for (String role : new String[]{Roles.OPERATIONS, Roles.CLAIMS_ADMIN, Roles.REVIEWER}) {
            if (is(role)) {
                return role;
            }
        }
        return "none";
    }
}
