package org.imrflow.assignment.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imrflow.assignment.domain.PartyId;
import org.imrflow.assignment.store.AffiliationRow;
import org.imrflow.assignment.store.ReviewerEntity;
import org.imrflow.events.EventLimits;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A reviewer as the roster shows and accepts them. */
public record ReviewerProfile(
        @NotBlank @Size(max = EventLimits.REVIEWER_ID) @Pattern(regexp = "[a-z0-9-]+", message = "may hold only lower-case letters, digits and '-'")
        String id,
        @NotBlank @Size(max = EventLimits.NAME) String name,
        @NotBlank @Size(max = EventLimits.SPECIALTY) String specialty,
        @NotBlank @Size(max = EventLimits.BOARD_CERTIFICATION) String boardCertification,
        @NotNull Boolean licensedInCalifornia,
        @NotNull @Min(0) @Max(70) Integer yearsInActivePractice,
        @NotNull @Min(0) @Max(100) Integer weeklyClinicalHours,
        Boolean active,
        @Schema(description = "Who the reviewer may not review against, by identifier; at most 100")
        @Size(max = 100) List<@NotNull @Valid Affiliation> affiliations) {

    /** An organization or person the reviewer is affiliated with, by the identifier cases carry. */
    public record Affiliation(
            @NotNull PartyId.Kind kind,
            @Schema(description = "EMPLOYER: e.g. the FEIN; CLAIMS_ADMINISTRATOR, LAW_FIRM, UR_ORGANIZATION: the"
                    + " organization id; PROVIDER: the NPI; CLAIM: the claim number", example = "95-1234567")
            @NotBlank @Size(max = EventLimits.ORG_ID) String id) {
    }

    static ReviewerProfile of(ReviewerEntity r) {
        return new ReviewerProfile(r.id, r.name, r.specialty, r.boardCertification, r.licensedInCalifornia,
                r.yearsInActivePractice, r.weeklyClinicalHours, r.active,
                r.affiliations.stream().map(a -> new Affiliation(a.kind, a.identifier)).toList());
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
        r.affiliations = affiliations == null ? new ArrayList<>() : affiliations.stream()
                .map(a -> AffiliationRow.of(new PartyId(a.kind(), a.id())))
                .collect(Collectors.toCollection(ArrayList::new));
        return r;
    }
}
