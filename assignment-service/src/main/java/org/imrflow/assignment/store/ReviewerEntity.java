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
import org.imrflow.assignment.domain.Reviewer;

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

    @Column(name = "board_certification", nullable = false)
    public String boardCertification;

    @Column(name = "licensed_in_california", nullable = false)
    public boolean licensedInCalifornia;

    @Column(name = "years_in_active_practice", nullable = false)
    public int yearsInActivePractice;

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
        return new Reviewer(id, specialty, boardCertification, licensedInCalifornia, yearsInActivePractice,
                weeklyClinicalHours, active,
                affiliations.stream().map(AffiliationRow::toPartyId).collect(Collectors.toSet()));
    }
}
