package org.imrflow.assignment.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.imrflow.assignment.domain.Reviewer;

import java.util.Arrays;
import java.util.List;

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

    @Column(nullable = false)
    public String affiliations = "";

    public List<String> affiliationList() {
        return affiliations.isBlank() ? List.of() : Arrays.asList(affiliations.split("\n"));
    }

    public Reviewer toDomain() {
        return new Reviewer(id, specialty, boardCertification, licensedInCalifornia, yearsInActivePractice,
                weeklyClinicalHours, active, affiliationList());
    }
}
