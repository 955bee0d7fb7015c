package org.imrflow.http.identity;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One read of protected health information by a person, as {@link AccessLog} wrote it. Never changed. */
@Entity
@Table(name = "access_log")
public class AccessRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "accessed_at", nullable = false)
    public Instant accessedAt;

    /** The token's subject: a reviewer id, or the person's id at the identity provider. */
    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String role;

    /** A claims administrator's organization; null for others. */
    @Column
    public String organization;

    /** What was read: case, cases, review, reviews, letter, letters. */
    @Column(nullable = false)
    public String what;

    /** The request's method, path and query, e.g. {@code GET /api/cases/CM26-0000001}. */
    @Column(nullable = false)
    public String request;

    @Column
    public String address;
}
