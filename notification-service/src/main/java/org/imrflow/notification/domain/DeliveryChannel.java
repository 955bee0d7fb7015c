package org.imrflow.notification.domain;

/** How a document reaches a party. */
public enum DeliveryChannel {
    /** To the party's email address, with the PDF attached. */
    EMAIL,
    /** To the claims administrator organization's registered webhook, signed. */
    WEBHOOK
}
