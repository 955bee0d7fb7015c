package org.imrflow.notification.application;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imrflow.events.PartyContact;
import org.imrflow.events.PartyRole;
import org.imrflow.events.timer.DurableTimers;
import org.imrflow.notification.domain.DeliveryChannel;
import org.imrflow.notification.domain.DeliveryStatus;
import org.imrflow.notification.domain.RetrySchedule;
import org.imrflow.notification.store.Delivery;
import org.imrflow.notification.store.IssuedDocument;
import org.imrflow.notification.store.WebhookSubscription;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Delivers each issued document to each of its parties, one delivery record each: by email to every party with an
 * address, and to the claims administrator organization's webhooks. Each attempt is a durable timer, so delivery
 * survives restarts; a failed attempt is retried with exponential back-off for up to a day, then marked failed. One
 * party's failure never holds up another's, nor another case's: the attempt records it and returns.
 */
@ApplicationScoped
public class DeliveryCourier {
    private static final Logger LOG = Logger.getLogger(DeliveryCourier.class);
    private static final int MOST_ERROR_LENGTH = 1000;

    private final EmailCourier email;
    private final WebhookCourier webhooks;
    private final DurableTimers timers;
    private final RetrySchedule retries;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final Duration sendTimeout;

    DeliveryCourier(EmailCourier email, WebhookCourier webhooks, DurableTimers timers, MeterRegistry metrics, Clock clock,
                    @ConfigProperty(name = "imrflow.deliveries.first-retry", defaultValue = "1m") Duration firstRetry,
                    @ConfigProperty(name = "imrflow.deliveries.give-up-after", defaultValue = "24h") Duration giveUpAfter,
                    @ConfigProperty(name = "imrflow.deliveries.send-timeout", defaultValue = "30s") Duration sendTimeout) {
        this.email = email;
        this.webhooks = webhooks;
        this.timers = timers;
        this.metrics = metrics;
        this.clock = clock;
        this.retries = new RetrySchedule(firstRetry, giveUpAfter);
        this.sendTimeout = sendTimeout;
    }

    /** Call in the transaction that issued the document: one delivery per recipient and per webhook, due now. */
    public Uni<Void> queue(IssuedDocument document, String claimsAdministratorOrg, List<PartyContact> recipients) {
        return WebhookSubscription.activeOf(claimsAdministratorOrg).chain(subscriptions -> {
            List<Delivery> queued = new ArrayList<>();
            for (PartyContact recipient : recipients) {
                Delivery delivery = delivery(document, recipient.role(), DeliveryChannel.EMAIL, recipient.email());
                if (recipient.email() == null || recipient.email().isBlank()) {
                    delivery.status = DeliveryStatus.FAILED;
                    delivery.lastError = "No email address on file for the " + recipient.role().display().toLowerCase()
                            + ": send it by post";
                }
                queued.add(delivery);
            }
            for (WebhookSubscription subscription : subscriptions) {
                Delivery delivery = delivery(document, PartyRole.CLAIMS_ADMINISTRATOR, DeliveryChannel.WEBHOOK, subscription.url);
                delivery.subscriptionId = subscription.subscriptionId;
                queued.add(delivery);
            }
            Uni<Void> all = Uni.createFrom().voidItem();
            for (Delivery delivery : queued) {
                all = all.chain(() -> delivery.persist())
                        .chain(() -> delivery.status.pending()
                                ? timers.schedule(delivery.caseNumber, delivery.timerKind(), clock.instant())
                                : Uni.createFrom().voidItem())
                        .invoke(() -> count(delivery));
            }
            return all;
        });
    }

    /** Call in a transaction: queues a delivery again (operations' redelivery), its attempts counted afresh. */
    public Uni<Delivery> redeliver(Delivery delivery) {
        delivery.status = DeliveryStatus.QUEUED;
        delivery.attempts = 0;
        delivery.firstAttemptAt = null;
        delivery.nextAttemptAt = clock.instant();
        delivery.lastError = null;
        LOG.infof("Case %s: delivery %s queued again", delivery.caseNumber, delivery.deliveryId);
        return timers.schedule(delivery.caseNumber, delivery.timerKind(), clock.instant()).replaceWith(delivery);
    }

    /** The timer's work, in its transaction: one attempt, its outcome recorded, the next one scheduled if any. */
    Uni<Void> attempt(String deliveryId) {
        return Delivery.<Delivery>findById(UUID.fromString(deliveryId)).chain(delivery -> {
            if (delivery == null || !delivery.status.pending()) {
                return Uni.createFrom().voidItem();
            }
            return IssuedDocument.<IssuedDocument>findById(delivery.documentId)
                    .chain(document -> send(delivery, document))
                    // however a receiver trickles its answer, the attempt ends: the timers behind it wait for it
                    .ifNoItem().after(sendTimeout).failWith(() -> new IllegalStateException(
                            "no answer within " + sendTimeout.toSeconds() + " s"))
                    .onItemOrFailure().transformToUni((sent, failure) -> record(delivery, failure));
        });
    }

    private Uni<Void> send(Delivery delivery, IssuedDocument document) {
        return delivery.channel == DeliveryChannel.EMAIL
                ? email.send(delivery.target, document)
                : WebhookSubscription.<WebhookSubscription>findById(delivery.subscriptionId)
                        .chain(subscription -> webhooks.send(delivery, subscription, document));
    }

    /** A failure no retry can mend: the delivery fails at once. */
    public static final class Undeliverable extends RuntimeException {
        public Undeliverable(String reason) {
            super(reason);
        }
    }

    private Uni<Void> record(Delivery delivery, Throwable failure) {
        Instant now = clock.instant();
        if (delivery.firstAttemptAt == null) {
            delivery.firstAttemptAt = now;
        }
        delivery.attempts++;
        delivery.lastAttemptAt = now;
        if (failure == null) {
            delivery.status = DeliveryStatus.SENT;
            delivery.sentAt = now;
            delivery.nextAttemptAt = null;
            count(delivery);
            return Uni.createFrom().voidItem();
        }
        delivery.lastError = reason(failure);
        Optional<Instant> next = failure instanceof Undeliverable
                ? Optional.empty()
                : retries.nextAttempt(delivery.firstAttemptAt, delivery.attempts, now);
        if (next.isEmpty()) {
            delivery.status = DeliveryStatus.FAILED;
            delivery.nextAttemptAt = null;
            // the reason stays on the delivery: an SMTP server's rejection quotes the address, which is not for logs
            LOG.warnf("Case %s: delivery %s (%s to the %s) failed for good after %d attempts (%s)", delivery.caseNumber,
                    delivery.deliveryId, delivery.channel, delivery.partyRole, delivery.attempts,
                    failure.getClass().getSimpleName());
            count(delivery);
            return Uni.createFrom().voidItem();
        }
        delivery.status = DeliveryStatus.RETRYING;
        delivery.nextAttemptAt = next.get();
        LOG.infof("Case %s: delivery %s attempt %d failed (%s); next at %s", delivery.caseNumber, delivery.deliveryId,
                delivery.attempts, failure.getClass().getSimpleName(), delivery.nextAttemptAt);
        count(delivery);
        return timers.schedule(delivery.caseNumber, delivery.timerKind(), delivery.nextAttemptAt);
    }

    private static String reason(Throwable failure) {
        String reason = failure instanceof Undeliverable || failure instanceof WebhookCourier.ReceiverRefused
                ? failure.getMessage()
                : failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        return reason.length() > MOST_ERROR_LENGTH ? reason.substring(0, MOST_ERROR_LENGTH) : reason;
    }

    private void count(Delivery delivery) {
        metrics.counter("imrflow.deliveries", "channel", delivery.channel.name(), "status", delivery.status.name()).increment();
    }

    private Delivery delivery(IssuedDocument document, PartyRole role, DeliveryChannel channel, String target) {
        Delivery delivery = new Delivery();
        delivery.deliveryId = UUID.randomUUID();
        delivery.documentId = document.documentId;
        delivery.caseNumber = document.caseNumber;
        delivery.partyRole = role;
        delivery.channel = channel;
        delivery.target = target;
        delivery.status = DeliveryStatus.QUEUED;
        delivery.nextAttemptAt = clock.instant();
        return delivery;
    }
}
