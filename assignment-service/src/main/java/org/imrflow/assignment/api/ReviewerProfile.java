package org.imrflow.assignment.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.imrflow.assignment.store.ReviewerEntity;
import org.imrflow.events.EventLimits;

import java.util.ArrayList;
import java.util.List;

/** A reviewer as the roster shows and accepts them. */
public record ReviewerProfile(
        @NotBlank @Size(max = EventLimits.REVIEWER_ID) @Pattern(regexp = "[a-z0-9-]+", message = "may hold only lower-case letters, digits and '-'")
        String id,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = EventLimits.SPECIALTY) String specialty,
        @NotBlank @Size(max = EventLimits.BOARD_CERTIFICATION) String boardCertification,
        @NotNull Boolean licensedInCalifornia,
        @NotNull @Min(0) @Max(70) Integer yearsInActivePractice,
        @NotNull @Min(0) @Max(100) Integer weeklyClinicalHours,
        Boolean active,
        @Size(max = 100) List<@NotBlank @Size(max = 200) String> affiliations) {

    static ReviewerProfile of(ReviewerEntity r) {
        return new ReviewerProfile(r.id, r.name, r.specialty, r.boardCertification, r.licensedInCalifornia,
                r.yearsInActivePractice, r.weeklyClinicalHours, r.active, List.copyOf(r.affiliations));
    }

    ReviewerEntity toEntity() {
        ReviewerEntity r = new ReviewerEntity();
        r.id = id;
        r.name = name;
        r.specialty = specialty;
        r.boardCertification = boardCertification;
        r.licensedInCalifornia = licensedInCalifornia;
        r.yearsInActivePractice = yearsInActivePractice;
        r.weeklyClinicalHours = weeklyClinicalHours;
        r.active = active == null || active;
        r.affiliations = affiliations == null ? new ArrayList<>() : new ArrayList<>(affiliations);
        return r;
    }
}
