package org.imrflow.intake.domain;

/** How the written UR decision was served on the employee: by mail adds 5 days to the filing window. */
public enum UrServiceMethod {
    MAIL,
    PERSONAL_OR_ELECTRONIC
}
