package org.imrflow.notification.domain;

/** A webhook URL an organization may not register; the message tells the user what is wrong with it. */
public final class InvalidWebhookTarget extends RuntimeException {
    public InvalidWebhookTarget(String message) {
        super(message);
    }
}
