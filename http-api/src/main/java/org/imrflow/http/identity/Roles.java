package org.imrflow.http.identity;

/** The three kinds of people who use IMR Flow, as the realm roles their tokens carry. */
public final class Roles {
    /** Submits and follows its own organization's cases. */
    public static final String CLAIMS_ADMIN = "claims-admin";
    /** An expert reviewer: sees and decides only the cases assigned to them. */
    public static final String REVIEWER = "reviewer";
    /** Runs the service: the roster, every case, the dead letters. */
    public static final String OPERATIONS = "operations";

    private Roles() {
    }
}
