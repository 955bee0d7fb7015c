package org.imrflow.notification.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A claims administrator organization's webhook: where its documents are posted, and the secret that signs them. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {
    @Id
    @Column(name = "subscription_id")
    public UUID subscriptionId;

    @Column(name = "claims_administrator_org", nullable = false)
    public String claimsAdministratorOrg;

    @Column(nullable = false)
    public String url;

    /** {@code whsec_…}, shown to the organization once, when registered. */
    @Column(nullable = false)
    public String secret;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public boolean active;

    @Version
    public long version;

    public static Uni<List<WebhookSubscription>> activeOf(String claimsAdministratorOrg) {
        return list("claimsAdministratorOrg = ?1 and active = true", Sort.ascending("createdAt"), claimsAdministratorOrg);
    }
}
