package org.imrflow.notification.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A letter as issued to the parties. One Final Determination per case. */
@Entity
@Table(name = "letter")
public class Letter extends PanacheEntityBase {
    public static final String FINAL_DETERMINATION = "FINAL_DETERMINATION";

    @Id
    @Column(name = "letter_id")
    public UUID letterId;

    @Column(name = "case_number", nullable = false, unique = true)
    public String caseNumber;

    @Column(nullable = false)
    public String kind;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "item_count", nullable = false)
    public int itemCount;

    @Column(nullable = false)
    public int overturned;

    @Column(nullable = false)
    public String body;

    @Version
    public long version;

    public static Uni<Letter> findByCaseNumber(String caseNumber) {
        return find("caseNumber", caseNumber).firstResult();
    }

    /** @param claimsAdministratorOrg only the letters of this organization's cases; every letter when null */
    public static PanacheQuery<Letter> newestFirst(String claimsAdministratorOrg) {
        if (claimsAdministratorOrg == null) {
            return findAll(Sort.descending("issuedAt", "caseNumber"));
        }
        return find("caseNumber in (select o.caseNumber from CaseFile o where o.claimsAdministratorOrg = ?1)",
                Sort.descending("issuedAt", "caseNumber"), claimsAdministratorOrg);
    }
}
