package org.imrflow.assignment.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A withdrawal that came before its case's case-received (the two topics keep no order between them), kept so that
 * the case is stored as withdrawn when it arrives, and never assigned. Written once; the first withdrawal counts.
 */
@Entity
@Table(name = "early_withdrawal")
public class EarlyWithdrawal extends PanacheEntityBase {
    @Id
    @Column(name = "case_number")
    public String caseNumber;

    @Column(name = "withdrawn_at", nullable = false)
    public Instant withdrawnAt;
}
