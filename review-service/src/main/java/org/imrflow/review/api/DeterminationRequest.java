package org.imrflow.review.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imrflow.events.ClaimsAdministratorGuideline;
import org.imrflow.events.EventLimits;
import org.imrflow.events.EvidenceLevel;
import org.imrflow.events.Outcome;
import org.imrflow.events.ReviewerGuideline;
import org.imrflow.review.domain.ItemDecisionDraft;

import java.util.List;
import java.util.Map;

/** The expert reviewer's Final Determination: the clinical case summary and a decision on every disputed item. */
public record DeterminationRequest(
        @Schema(description = "The reviewer's narrative of the records, for the letter's CLINICAL CASE SUMMARY")
        @NotBlank @Size(max = EventLimits.CLINICAL_CASE_SUMMARY) String clinicalCaseSummary,
        @NotEmpty @Size(max = EventLimits.DISPUTED_ITEMS) List<@NotNull @Valid Decision> decisions) {

    public record Decision(
            @NotNull @Min(1) Integer itemNumber,
            @NotNull Outcome outcome,
            @Schema(description = "The guideline UR cited; defaults to the one on the case")
            @Valid Guideline claimsAdministratorGuideline,
            @NotNull @Valid ReviewerBasis reviewerGuideline,
            @NotBlank @Size(max = EventLimits.RATIONALE) String rationale) {
    }

    public record Guideline(@NotNull Boolean basedOnMtus, @NotBlank @Size(max = EventLimits.GUIDELINE_CITATION) String citation) {
    }

    public record ReviewerBasis(
            @NotNull EvidenceLevel evidenceLevel,
            @Schema(example = "MTUS ACOEM") @NotBlank @Size(max = EventLimits.GUIDELINE_SOURCE) String source,
            @Schema(example = "Chapter 8 Neck and Upper Back Complaints") @Size(max = EventLimits.GUIDELINE_CHAPTER) String chapter,
            @Schema(example = "174") @Size(max = EventLimits.GUIDELINE_PAGES) String pages,
            @Schema(description = "For each evidence level above the one cited, why it does not apply (Labor Code"
                    + " 4610.5(c)(2)); required below MTUS, e.g. {\"MTUS\": \"The MTUS does not address ...\"}")
            Map<EvidenceLevel, @NotBlank @Size(max = EventLimits.WHY_NOT_HIGHER) String> whyNotHigher) {
    }

    List<ItemDecisionDraft> drafts(ClaimsAdministratorGuideline caseGuideline) {
        return decisions.stream().map(d -> new ItemDecisionDraft(
                d.itemNumber(),
                d.outcome(),
                d.claimsAdministratorGuideline() == null ? caseGuideline
                        : new ClaimsAdministratorGuideline(d.claimsAdministratorGuideline().basedOnMtus(),
                        d.claimsAdministratorGuideline().citation()),
                new ReviewerGuideline(d.reviewerGuideline().evidenceLevel(), d.reviewerGuideline().source(),
                        d.reviewerGuideline().chapter(), d.reviewerGuideline().pages()),
                d.reviewerGuideline().whyNotHigher(),
                d.rationale())).toList();
    }
}
