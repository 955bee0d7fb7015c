package org.imrflow.intake.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A client's Idempotency-Key, the request it came with (as a hash) and the case that request made. */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyRecord extends PanacheEntityBase {
    @Id
    @Column(name = "idempotency_key")
    public String key;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(name = "case_number", nullable = false)
    public String caseNumber;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
