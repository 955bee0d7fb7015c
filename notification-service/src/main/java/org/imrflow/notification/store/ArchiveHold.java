package org.imrflow.notification.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A public copy the leak detector stopped: which kinds of identifying field it found, never the values (they are
 * PHI). Operations see it and correct the determination's text.
 */
@Entity
@Table(name = "archive_hold")
public class ArchiveHold extends PanacheEntityBase {
    @Id
    @Column(name = "case_number")
    public String caseNumber;

    @Column(name = "held_at", nullable = false)
    public Instant heldAt;

    /** Comma-separated kinds, e.g. {@code EMPLOYEE_NAME,CLAIM_NUMBER}. */
    @Column(name = "leaked_kinds", nullable = false)
    public String leakedKinds;
}
