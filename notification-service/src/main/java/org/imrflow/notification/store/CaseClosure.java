package org.imrflow.notification.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;

/**
 * How a case closed on the letter side: with its Final Determination, or withdrawn with no letter (8 CCR
 * 9792.10.6(a)). One row per case, written by whichever comes first; nothing reopens it. The decision and the
 * withdrawal come on two topics, and both write this row: of two racing to insert it, one wins and the other retries
 * and finds it.
 */
@Entity
@Table(name = "case_closure")
public class CaseClosure extends PanacheEntityBase {
    public enum ClosedAs { FINAL_DETERMINATION, WITHDRAWN }

    @Id
    @Column(name = "case_number")
    public String caseNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "closed_as", nullable = false)
    public ClosedAs closedAs;

    /** When this service closed it. */
    @Column(name = "closed_at", nullable = false)
    public Instant closedAt;

    /** When the claims administrator withdrew the case; also kept when the withdrawal came after the letter. */
    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "treatment_authorized_date")
    public LocalDate treatmentAuthorizedDate;

    /** A withdrawal after the letter updates the row. */
    @Version
    public long version;
}
