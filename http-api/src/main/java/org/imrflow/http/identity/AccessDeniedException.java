package org.imrflow.http.identity;

/** The caller may not do this to something they can see: 403 problem+json with the reason. */
public class AccessDeniedException extends RuntimeException {
    public AccessDeniedException(String reason) {
        super(reason);
    }
}
