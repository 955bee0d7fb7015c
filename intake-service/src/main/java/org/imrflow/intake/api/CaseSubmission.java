package org.imrflow.intake.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imrflow.events.EventLimits;
import org.imrflow.events.ItemCategory;
import org.imrflow.events.ReviewType;
import org.imrflow.events.NoticeMethod;
import org.imrflow.intake.domain.Signatory;
import org.imrflow.intake.domain.UrDecisionType;
import org.imrflow.intake.domain.UrServiceMethod;

import java.time.LocalDate;
import java.util.List;

/** An IMR application (DWC Form IMR) with the UR packet, as a claims administrator submits it. */
@Schema(description = "An IMR application with its Utilization Review decision")
public record CaseSubmission(
        @NotNull ReviewType reviewType,
        @NotNull @Valid Employee employee,
        @NotNull @Valid Claim claim,
        @NotNull @Valid ClaimsAdministrator claimsAdministrator,
        @NotNull @Valid RequestingPhysician requestingPhysician,
        @NotNull @Valid UrDecision urDecision,
        @Schema(description = "The day the IMR organization received the application; defaults to today, never in the future"
                + " nor before the UR decision was served. The filing window is counted to it")
        @PastOrPresent LocalDate applicationReceivedDate,
        @Schema(description = "When the application was signed; omit both this and applicationSignedBy if unsigned")
        @PastOrPresent LocalDate applicationSignedDate,
        @Schema(description = "Who signed the application: only the employee or the representative may")
        Signatory applicationSignedBy,
        @Schema(description = "The dispute is over a drug formulary decision (a shorter filing window); defaults to false")
        Boolean formularyDispute,
        @Schema(description = "The claims administrator disputes liability for the injury or body part; defaults to false."
                + " The case is then deferred, not rejected")
        Boolean liabilityDisputed,
        @Schema(description = "The claims administrator agrees the case is eligible despite its liability dispute; defaults to false")
        Boolean eligibleDespiteLiability,
        @NotEmpty @Size(max = EventLimits.DISPUTED_ITEMS) List<@NotNull @Valid Item> disputedItems) {

    static final String ORG_ID_CHARACTERS = "may hold only letters, digits, '.', '_' and '-'";

    public record Employee(
            @NotBlank @Size(max = EventLimits.NAME) String name,
            @NotNull Boolean represented,
            @Valid Representative representative,
            @Schema(description = "Where this party's notices and determination are emailed", example = "worker@example.com")
            @Email @Size(max = EventLimits.EMAIL) String email,
            @Schema(description = "The postal address printed on the documents addressed to this party")
            @Size(max = EventLimits.MAILING_ADDRESS) String mailingAddress) {
    }

    public record Representative(
            @NotBlank @Size(max = EventLimits.NAME) String name,
            @Size(max = EventLimits.NAME) String firm,
            @Schema(description = "The firm's identifier, checked against reviewers' affiliations")
            @Size(max = EventLimits.ORG_ID) @Pattern(regexp = EventLimits.ORG_ID_PATTERN, message = ORG_ID_CHARACTERS) String firmId,
            @Schema(description = "Where this party's notices and determination are emailed", example = "counsel@example.com")
            @Email @Size(max = EventLimits.EMAIL) String email,
            @Schema(description = "The postal address printed on the documents addressed to this party")
            @Size(max = EventLimits.MAILING_ADDRESS) String mailingAddress) {
    }

    public record Claim(
            @NotBlank @Size(max = EventLimits.CLAIM_NUMBER) String claimNumber,
            @NotNull @Past LocalDate dateOfInjury,
            @NotBlank @Size(max = EventLimits.NAME) String employer,
            @Schema(description = "The employer's identifier, e.g. its FEIN; checked against reviewers' affiliations",
                    example = "95-1234567")
            @NotBlank @Size(max = EventLimits.ORG_ID) @Pattern(regexp = EventLimits.ORG_ID_PATTERN, message = ORG_ID_CHARACTERS) String employerId,
            @Schema(description = "Where this party's notices and determination are emailed", example = "hr@example.com")
            @Email @Size(max = EventLimits.EMAIL) String employerEmail,
            @Schema(description = "The postal address printed on the documents addressed to this party")
            @Size(max = EventLimits.MAILING_ADDRESS) String employerMailingAddress) {
    }

    public record ClaimsAdministrator(
            @Schema(description = "The claims administrator's organization id")
            @NotBlank @Size(max = EventLimits.ORG_ID) @Pattern(regexp = EventLimits.ORG_ID_PATTERN, message = ORG_ID_CHARACTERS)
            String orgId,
            @NotBlank @Size(max = EventLimits.NAME) String name,
            @Schema(description = "How notices reach the claims administrator; defaults to ELECTRONIC. The records are due"
                    + " 12 days after an electronic Notice of Assignment, 15 after a mailed one")
            NoticeMethod noticeMethod,
            @Schema(description = "Where this party's notices and determination are emailed", example = "imr@example.com")
            @Email @Size(max = EventLimits.EMAIL) String email,
            @Schema(description = "The postal address printed on the documents addressed to this party")
            @Size(max = EventLimits.MAILING_ADDRESS) String mailingAddress) {
    }

    public record RequestingPhysician(
            @NotBlank @Size(max = EventLimits.NAME) String name,
            @Schema(description = "National Provider Identifier, ten digits", example = "1234567893")
            @NotBlank @Pattern(regexp = EventLimits.NPI_PATTERN, message = "must be a National Provider Identifier of ten digits")
            String npi,
            @Schema(example = "Pain Medicine") @NotBlank @Size(max = EventLimits.SPECIALTY) String specialty,
            @Schema(description = "The physician's medical group, checked against reviewers' affiliations")
            @Size(max = EventLimits.ORG_ID) @Pattern(regexp = EventLimits.ORG_ID_PATTERN, message = ORG_ID_CHARACTERS) String medicalGroupId,
            @Schema(description = "Where this party's notices and determination are emailed", example = "office@example.com")
            @Email @Size(max = EventLimits.EMAIL) String email,
            @Schema(description = "The postal address printed on the documents addressed to this party")
            @Size(max = EventLimits.MAILING_ADDRESS) String mailingAddress) {
    }

    public record UrDecision(
            @NotNull @PastOrPresent LocalDate date,
            @Schema(description = "When the UR decision was served; defaults to its date. The filing window runs from it")
            @PastOrPresent LocalDate servedDate,
            @Schema(description = "How it was served: by MAIL adds 5 days to the filing window")
            @NotNull UrServiceMethod servedBy,
            @Schema(description = "A copy of the written UR decision comes with the application; required for eligibility")
            @NotNull Boolean attached,
            @NotNull UrDecisionType type,
            @NotNull @Valid Guideline guideline,
            @Schema(description = "The organization that made the UR decision, checked against reviewers' affiliations")
            @Size(max = EventLimits.ORG_ID) @Pattern(regexp = EventLimits.ORG_ID_PATTERN, message = ORG_ID_CHARACTERS) String organizationId) {
    }

    public record Guideline(
            @NotNull Boolean basedOnMtus,
            @Schema(example = "Non-MTUS Citation (ODG) Official Disability Guidelines ACOEM")
            @NotBlank @Size(max = EventLimits.GUIDELINE_CITATION) String citation) {
    }

    public record Item(
            @Schema(example = "Cervical medial branch neurotomy at bilateral C2 C3 C4")
            @NotBlank @Size(max = EventLimits.ITEM_DESCRIPTION) String description,
            @NotNull ItemCategory category,
            @Pattern(regexp = "[A-TV-Z][0-9][0-9AB](\\.?[0-9A-TV-Z]{1,4})?", message = "must be an ICD-10-CM code such as M54.2")
            String icd10Code,
            @Schema(description = "The maker of a disputed drug or device, by identifier: a reviewer affiliated with it"
                    + " may not review the case", example = "acme-pharma")
            @Size(max = EventLimits.ORG_ID) @Pattern(regexp = EventLimits.ORG_ID_PATTERN, message = ORG_ID_CHARACTERS)
            String manufacturerId) {

        public Item(String description, ItemCategory category, String icd10Code) {
            this(description, category, icd10Code, null);
        }
    }
}
