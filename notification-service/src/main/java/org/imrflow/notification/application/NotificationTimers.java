package org.imrflow.notification.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.imrflow.events.timer.DueTimer;
import org.imrflow.events.timer.TimerHandler;
import org.imrflow.notification.store.Delivery;
import org.jboss.logging.Logger;

/**
 * This service's durable timers: a document to issue ({@code document:<kind>}) and a delivery's next attempt
 * ({@code delivery:<id>}). Each runs in the transaction that spends the timer.
 */
@ApplicationScoped
public class NotificationTimers implements TimerHandler {
    private static final Logger LOG = Logger.getLogger(NotificationTimers.class);

    private final DocumentIssuer documents;
    private final DeliveryCourier deliveries;

    NotificationTimers(DocumentIssuer documents, DeliveryCourier deliveries) {
        this.documents = documents;
        this.deliveries = deliveries;
    }

    @Override
    public Uni<Void> fire(DueTimer timer) {
        if (timer.kind().startsWith(DocumentIssuer.TIMER_PREFIX)) {
            return documents.issue(timer.caseNumber(), timer.kind().substring(DocumentIssuer.TIMER_PREFIX.length()));
        }
        if (timer.kind().startsWith(Delivery.TIMER_PREFIX)) {
            return deliveries.attempt(timer.kind().substring(Delivery.TIMER_PREFIX.length()));
        }
        LOG.warnf("Case %s has a timer of unknown kind %s: dropped", timer.caseNumber(), timer.kind());
        return Uni.createFrom().voidItem();
    }
}
