package org.imrflow.notification.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The claims administrator organization that filed a case: whose letters a claims administrator may read. */
@Entity
@Table(name = "case_organization")
public class CaseOrganization extends PanacheEntityBase {
    @Id
    @Column(name = "case_number")
    public String caseNumber;

    @Column(name = "claims_administrator_org", nullable = false)
    public String claimsAdministratorOrg;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
