package org.imrflow.assignment.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;
import org.hibernate.annotations.ListIndexBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.imrflow.assignment.domain.BoardCertification;
import org.imrflow.assignment.domain.CaliforniaLicence;
import org.imrflow.assignment.domain.Reviewer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A reviewer on the roster. The name is kept for operations and never leaves this service in a letter. */
@Entity
@Table(name = "reviewer")
public class ReviewerEntity extends PanacheEntityBase {
    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String specialty;

    @Column(name = "licence_number", nullable = false)
    public String licenceNumber;

    @Column(name = "licence_expires_on", nullable = false)
    public LocalDate licenceExpiresOn;

    @Column(name = "board_name", nullable = false)
    public String boardName;

    @Column(name = "board_specialty", nullable = false)
    public String boardSpecialty;

    /** Null for a lifetime certification. */
    @Column(name = "board_expires_on")
    public LocalDate boardExpiresOn;

    @Column(name = "practice_started_on", nullable = false)
    public LocalDate practiceStartedOn;

    @Column(name = "weekly_clinical_hours", nullable = false)
    public int weeklyClinicalHours;

    @Column(nullable = false)
    public boolean active;

    /** Organizations and people the reviewer may not review against, by identifier. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "reviewer_affiliation", joinColumns = @JoinColumn(name = "reviewer_id"))
    @OrderColumn(name = "affiliation_number")
    @ListIndexBase(1)
    public List<AffiliationRow> affiliations = new ArrayList<>();

    @Version
    public long version;

    public Reviewer toDomain() {
        return new Reviewer(id, specialty, new CaliforniaLicence(licenceNumber, licenceExpiresOn),
                new BoardCertification(boardName, boardSpecialty, boardExpiresOn), practiceStartedOn, weeklyClinicalHours, active,
                affiliations.stream().map(AffiliationRow::toPartyId).collect(Collectors.toSet()));
    }
}
