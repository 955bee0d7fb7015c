package org.imrflow.notification.domain;

/** Where one party's delivery stands. */
public enum DeliveryStatus {
    /** Waiting for its first attempt (or a redelivery). */
    QUEUED,
    /** Delivered: the SMTP server or the webhook receiver accepted it. */
    SENT,
    /** An attempt failed; the next one is due at {@code nextAttemptAt}. */
    RETRYING,
    /** Given up: every attempt for 24 hours failed, or there is nowhere to send it. Operations may redeliver. */
    FAILED;

    public boolean pending() {
        return this == QUEUED || this == RETRYING;
    }
}
