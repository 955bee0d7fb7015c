package org.imrflow.notification.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.imrflow.events.PartyRole;
import org.imrflow.notification.domain.DeliveryChannel;
import org.imrflow.notification.domain.DeliveryStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One party's delivery of one document by one channel, with every attempt's outcome. */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {
    /** Its durable timer is {@code delivery:<id>}. */
    public static final String TIMER_PREFIX = "delivery:";

    @Id
    @Column(name = "delivery_id")
    public UUID deliveryId;

    @Column(name = "document_id", nullable = false)
    public UUID documentId;

    @Column(name = "case_number", nullable = false)
    public String caseNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "party_role", nullable = false)
    public PartyRole partyRole;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryChannel channel;

    /** The email address or webhook URL; null when the party has none on file. */
    public String target;

    /** The webhook subscription a WEBHOOK delivery signs with. */
    @Column(name = "subscription_id")
    public UUID subscriptionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "first_attempt_at")
    public Instant firstAttemptAt;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "last_error")
    public String lastError;

    @Version
    public long version;

    /** The timer that drives this delivery's next attempt. */
    public String timerKind() {
        return timerKind(deliveryId);
    }

    public static String timerKind(UUID deliveryId) {
        return TIMER_PREFIX + deliveryId;
    }

    public static Uni<List<Delivery>> ofDocument(UUID documentId) {
        return list("documentId", Sort.ascending("partyRole", "channel"), documentId);
    }
}
