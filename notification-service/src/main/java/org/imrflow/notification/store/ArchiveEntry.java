package org.imrflow.notification.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/**
 * A de-identified Final Determination in the public archive, under a public reference that is not the case number.
 * The case number is kept only to publish a case once; it is never served.
 */
@Entity
@Table(name = "archive_entry")
public class ArchiveEntry extends PanacheEntityBase {
    @Id
    public String reference;

    @Column(name = "case_number", nullable = false)
    public String caseNumber;

    @Column(name = "determined_on", nullable = false)
    public LocalDate determinedOn;

    @Column(name = "year_of_injury")
    public Integer yearOfInjury;

    @Column(name = "reviewer_specialty", nullable = false)
    public String reviewerSpecialty;

    @Column(name = "text_body", nullable = false)
    public String text;

    @Column(nullable = false)
    public String html;

    /** The public copy's PDF, in the document store. */
    @Column(nullable = false)
    public String sha256;

    /** Each treatment and its rationale, de-identified: what full-text search reads. */
    @Column(nullable = false)
    public String searchable;
}
