package org.imrflow.review.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imrflow.events.ClaimsAdministratorGuideline;
import org.imrflow.events.DisputedItem;
import org.imrflow.events.DocumentReference;
import org.imrflow.events.EvidenceLevel;
import org.imrflow.events.Outcome;
import org.imrflow.events.ReviewType;
import org.imrflow.events.ReviewerGuideline;
import org.imrflow.review.domain.RecordsReadiness;
import org.imrflow.review.store.CaseDocumentRow;
import org.imrflow.review.store.CaseFile;
import org.imrflow.review.store.Review;
import org.imrflow.review.store.ReviewStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A review as its reviewer sees it: the assignment, the decision, and the case file's records and clock. */
public record ReviewView(
        String caseNumber,
        ReviewStatus status,
        String reviewerId,
        @Schema(description = "EXPEDITED once the case was converted, whatever it was assigned as")
        ReviewType reviewType,
        Instant assignedAt,
        @Schema(description = "Null until the determination's clock starts: when the records are complete, or their"
                + " deadline passed")
        LocalDate determinationDueDate,
        @Schema(description = "The claims administrator said the medical records are complete")
        boolean recordsComplete,
        @Schema(description = "When the medical records are due; null while not known")
        Instant recordsDueAt,
        @Schema(description = "The records deadline passed without complete records: the reviewer decides (or decided)"
                + " without them, on the UR decision's summary and the documents there are (8 CCR 9792.10.5)")
        boolean withoutCompleteRecords,
        @Schema(description = "The medical records received so far;"
                + " GET /api/reviews/{caseNumber}/documents/{documentId} gives each one's bytes")
        List<DocumentReference> documents,
        ClaimsAdministratorGuideline claimsAdministratorGuideline,
        List<DisputedItem> disputedItems,
        String clinicalCaseSummary,
        Instant decidedAt,
        @Schema(description = "When the claims administrator authorized the treatment and the review ended; status WITHDRAWN")
        Instant withdrawnAt,
        List<Decision> decisions) {

    public record Decision(int itemNumber, Outcome outcome, ClaimsAdministratorGuideline claimsAdministratorGuideline,
                           ReviewerGuideline reviewerGuideline, Map<EvidenceLevel, String> whyNotHigher, String rationale) {
    }

    /** @param file the case's file; null when no event of intake's about the case reached review yet */
    static ReviewView of(Review r, CaseFile file) {
        RecordsReadiness records = CaseFile.readinessOf(file);
        return new ReviewView(r.caseNumber, r.status, r.reviewerId, CaseFile.reviewType(file, r.reviewType), r.assignedAt,
                file == null ? null : file.determinationDueDate, records.complete(), records.dueAt(),
                r.status == ReviewStatus.DECIDED ? r.decidedWithoutCompleteRecords : records.withoutCompleteRecords(),
                file == null ? List.of() : file.documents.stream().map(CaseDocumentRow::toReference).toList(),
                r.urGuideline(), r.items(), r.clinicalCaseSummary, r.decidedAt, r.withdrawnAt,
                r.decisions.stream().map(d -> new Decision(d.itemNumber, d.outcome, d.claimsAdministratorGuideline(),
                        d.reviewerGuideline(), d.whyNotHigher(), d.rationale)).toList());
    }
}
