package org.imrflow.review.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imrflow.events.EventLimits;
import org.imrflow.events.EvidenceLevel;
import org.imrflow.events.Outcome;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The worksheet while the reviewer drafts it: the determination's fields, each optional, with the determination's
 * size limits. Saved as sent; checked against the case only when submitted as the determination.
 */
public record WorksheetDraft(
        @Size(max = EventLimits.CLINICAL_CASE_SUMMARY) String clinicalCaseSummary,
        @Size(max = EventLimits.DISPUTED_ITEMS) List<@NotNull @Valid Decision> decisions) {

    public record Decision(
            @NotNull @Min(1) Integer itemNumber,
            Outcome outcome,
            @Valid DeterminationRequest.Guideline claimsAdministratorGuideline,
            @Valid Basis reviewerGuideline,
            @Size(max = EventLimits.RATIONALE) String rationale) {
    }

    public record Basis(
            EvidenceLevel evidenceLevel,
            @Size(max = EventLimits.GUIDELINE_SOURCE) String source,
            @Size(max = EventLimits.GUIDELINE_CHAPTER) String chapter,
            @Size(max = EventLimits.GUIDELINE_PAGES) String pages,
            Map<EvidenceLevel, @NotNull @Size(max = EventLimits.WHY_NOT_HIGHER) String> whyNotHigher) {
    }

    /** A save: the worksheet, and the revision it was based on (0 when there was no draft). */
    public record Save(
            @Schema(description = "The revision this worksheet was based on, as the last GET or PUT answered; 0 for none."
                    + " Another device's save since then makes this one a 409")
            @NotNull @Min(0) Integer revision,
            @Size(max = EventLimits.CLINICAL_CASE_SUMMARY) String clinicalCaseSummary,
            @Size(max = EventLimits.DISPUTED_ITEMS) List<@NotNull @Valid Decision> decisions) {

        WorksheetDraft worksheet() {
            return new WorksheetDraft(clinicalCaseSummary, decisions);
        }
    }

    /** The draft as saved: its revision, when, and the worksheet. */
    public record Saved(String caseNumber,
                        @Schema(description = "0 while nothing was saved") int revision,
                        Instant savedAt,
                        String clinicalCaseSummary,
                        List<Decision> decisions) {
    }
}
