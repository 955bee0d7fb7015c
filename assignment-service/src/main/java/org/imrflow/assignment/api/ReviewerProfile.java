package org.imrflow.assignment.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imrflow.assignment.domain.PartyId;
import org.imrflow.assignment.store.AffiliationRow;
import org.imrflow.assignment.store.ReviewerEntity;
import org.imrflow.events.EventLimits;

import java.time.LocalDate;
import java.util.List;

/**
 * A reviewer as the roster shows and accepts them. Qualifications carry their dates; whether they hold is decided on
 * the day of each offer, so a profile with a lapsed licence or fewer than 24 hours a week is kept, and never offered a
 * case until it is brought up to date.
 */
public record ReviewerProfile(
        @NotBlank @Size(max = EventLimits.REVIEWER_ID) @Pattern(regexp = "[a-z0-9-]+", message = "may hold only lower-case letters, digits and '-'")
        String id,
        @NotBlank @Size(max = EventLimits.NAME) String name,
        @Schema(description = "What the reviewer practises; matched against the disputed items (GET /api/matching-rules)",
                example = "Orthopedic Surgery")
        @NotBlank @Size(max = EventLimits.SPECIALTY) String specialty,
        @NotNull @Valid CaliforniaLicence californiaLicence,
        @NotNull @Valid BoardCertification boardCertification,
        @Schema(description = "The day active clinical practice began: more than five years before the offer are needed")
        @NotNull @PastOrPresent LocalDate practiceStartedOn,
        @Schema(description = "Hours a week in active clinical practice now: at least 24 are needed")
        @NotNull @Min(0) @Max(100) Integer weeklyClinicalHours,
        @Schema(description = "Read only: changed by POST .../deactivation and .../reactivation")
        Boolean active,
        @Schema(description = "Who the reviewer may not review against, by identifier; at most 100")
        @Size(max = 100) List<@NotNull @Valid Affiliation> affiliations,
        @Schema(description = "The profile's version: PUT must send the one it read; ignored when adding")
        Long version) {

    /** The licence to practise in California; valid through the day it expires. */
    public record CaliforniaLicence(
            @Schema(example = "A 104211") @NotBlank @Size(max = 20)
            @Pattern(regexp = "[A-Za-z0-9 -]+", message = "may hold only letters, digits, spaces and '-'") String number,
            @NotNull LocalDate expiresOn) {
    }

    /** A board certification; the letter says the reviewer is "Board Certified in" its specialty. */
    public record BoardCertification(
            @Schema(example = "American Board of Orthopaedic Surgery") @NotBlank @Size(max = EventLimits.BOARD_CERTIFICATION) String board,
            @Schema(example = "Orthopaedic Surgery") @NotBlank @Size(max = EventLimits.SPECIALTY) String specialty,
            @Schema(description = "The last day it holds; absent for a lifetime certification") LocalDate expiresOn) {
    }

    /** An organization or person the reviewer is affiliated with, by the identifier cases carry. */
    public record Affiliation(
            @NotNull PartyId.Kind kind,
            @Schema(description = "EMPLOYER: e.g. the FEIN; CLAIMS_ADMINISTRATOR, LAW_FIRM, UR_ORGANIZATION, MEDICAL_GROUP,"
                    + " MANUFACTURER: the organization id; PROVIDER: the NPI; CLAIM: the claim number", example = "95-1234567")
            @NotBlank @Size(max = EventLimits.ORG_ID) String id) {
    }

    static ReviewerProfile of(ReviewerEntity r) {
        return new ReviewerProfile(r.id, r.name, r.specialty, new CaliforniaLicence(r.licenceNumber, r.licenceExpiresOn),
                new BoardCertification(r.boardName, r.boardSpecialty, r.boardExpiresOn), r.practiceStartedOn,
                r.weeklyClinicalHours, r.active,
                r.affiliations.stream().map(a -> new Affiliation(a.kind, a.identifier)).toList(), r.version);
    }

    ReviewerEntity toEntity() {
        ReviewerEntity r = new ReviewerEntity();
        r.id = id;
        r.active = active == null || active;
        copyTo(r);
        return r;
    }

    /** Everything but the id, the version and whether the reviewer is active. */
    void copyTo(ReviewerEntity r) {
        r.name = name;
        r.specialty = specialty;
        r.licenceNumber = californiaLicence.number();
        r.licenceExpiresOn = californiaLicence.expiresOn();
        r.boardName = boardCertification.board();
        r.boardSpecialty = boardCertification.specialty();
        r.boardExpiresOn = boardCertification.expiresOn();
        r.practiceStartedOn = practiceStartedOn;
        r.weeklyClinicalHours = weeklyClinicalHours;
        // The managed list is kept and refilled: Hibernate tracks it, not the field.
        r.affiliations.clear();
        if (affiliations != null) {
            affiliations.forEach(a -> r.affiliations.add(AffiliationRow.of(new PartyId(a.kind(), a.id()))));
        }
    }
}
