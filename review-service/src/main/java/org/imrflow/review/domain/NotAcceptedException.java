package org.imrflow.review.domain;

import org.imrflow.http.identity.AccessDeniedException;

/**
 * Work on a determination by someone who has not accepted the case: another reviewer, or its reviewer before
 * accepting. A 403 through the one mapper of refused access.
 */
public class NotAcceptedException extends AccessDeniedException {
    public NotAcceptedException(String reason) {
        super(reason);
    }
}
