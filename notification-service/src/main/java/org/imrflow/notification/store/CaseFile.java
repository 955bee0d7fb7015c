package org.imrflow.notification.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * What notification knows of a case besides its letter: the organization that filed it (whose claims administrator
 * may read its documents), the claim, and the parties' contacts its documents are addressed and delivered to. Filled
 * from case-received, or from case-ineligible for a case that never reached review.
 */
@Entity
@Table(name = "case_file")
public class CaseFile extends PanacheEntityBase {
    @Id
    @Column(name = "case_number")
    public String caseNumber;

    @Column(name = "claims_administrator_org", nullable = false)
    public String claimsAdministratorOrg;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "claim_number")
    public String claimNumber;

    /** JSON: the parties' {@code PartyContact}s; null until an event carrying them arrived. */
    @Column(name = "contacts")
    public String contacts;

    /** JSON: the case-received event, which the public copy is de-identified against; null for a case never received. */
    @Column(name = "case_received")
    public String caseReceived;
}
