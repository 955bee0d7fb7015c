package org.imrflow.notification.api;

import org.imrflow.events.PartyRole;
import org.imrflow.notification.domain.DeliveryChannel;
import org.imrflow.notification.domain.DeliveryStatus;
import org.imrflow.notification.store.Delivery;

import java.time.Instant;
import java.util.UUID;

/** One party's delivery of a document, and where it stands. */
public record DeliveryView(UUID deliveryId, UUID documentId, String caseNumber, PartyRole party, DeliveryChannel channel,
                           String target, DeliveryStatus status, int attempts, Instant firstAttemptAt,
                           Instant lastAttemptAt, Instant nextAttemptAt, Instant sentAt, String lastError) {

    static DeliveryView of(Delivery delivery) {
        return new DeliveryView(delivery.deliveryId, delivery.documentId, delivery.caseNumber, delivery.partyRole,
                delivery.channel, delivery.target, delivery.status, delivery.attempts, delivery.firstAttemptAt,
                delivery.lastAttemptAt, delivery.nextAttemptAt, delivery.sentAt, delivery.lastError);
    }
}
