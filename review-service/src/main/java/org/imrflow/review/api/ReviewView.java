package org.imrflow.review.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imrflow.events.ClaimsAdministratorGuideline;
import org.imrflow.events.DisputedItem;
import org.imrflow.events.DocumentReference;
import org.imrflow.events.EvidenceLevel;
import org.imrflow.events.OfferDeclined;
import org.imrflow.events.Outcome;
import org.imrflow.events.ReviewType;
import org.imrflow.events.ReviewerAssigned;
import org.imrflow.events.ReviewerGuideline;
import org.imrflow.review.domain.RecordsReadiness;
import org.imrflow.review.store.CaseDocumentRow;
import org.imrflow.review.store.CaseFile;
import org.imrflow.review.store.Review;
import org.imrflow.review.domain.ReviewStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A review as its reviewer sees it: the offer and its answer, the application's facts, the disputed items and the
 * guideline UR cited, the case file's records and clock, and the decision.
 */
public record ReviewView(
        String caseNumber,
        ReviewStatus status,
        String reviewerId,
        @Schema(description = "Which offer of the case this is, from 1; a later one moved the case to another reviewer")
        int offerNumber,
        Instant offeredAt,
        @Schema(description = "When the offer runs out unanswered (status OFFERED); the case then goes to another reviewer")
        Instant offerExpiresAt,
        Instant acceptedAt,
        @Schema(description = "When the offer was declined or ran out (status DECLINED)")
        Instant declinedAt,
        OfferDeclined.DeclineReason declineReason,
        @Schema(description = "The application's facts: date of injury, UR decision date, the requesting physician's"
                + " specialty; null on offers from before they were sent")
        ReviewerAssigned.ApplicationFacts application,
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
        @Schema(description = "Days the claims administrator's records came after their deadline; 0 when on time or not yet")
        int recordsDaysLate,
        @Schema(description = "The late records' penalty, $500 a day up to $5,000 (8 CCR 9792.12(c)(6))")
        int latePenaltyDollars,
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
        return new ReviewView(r.caseNumber, r.status, r.reviewerId, r.offerNumber, r.offeredAt, r.offerExpiresAt,
                r.acceptedAt, r.declinedAt, r.declineReason, r.application(), CaseFile.reviewType(file, r.reviewType),
                r.assignedAt, file == null ? null : file.determinationDueDate, records.complete(), records.dueAt(),
                r.status == ReviewStatus.DECIDED ? r.decidedWithoutCompleteRecords : records.withoutCompleteRecords(),
                file == null ? 0 : file.recordsDaysLate, file == null ? 0 : file.latePenaltyDollars,
                file == null ? List.of() : file.documents.stream().map(CaseDocumentRow::toReference).toList(),
                r.urGuideline(), r.items(), r.clinicalCaseSummary, r.decidedAt, r.withdrawnAt,
                r.decisions.stream().map(d -> new Decision(d.itemNumber, d.outcome, d.claimsAdministratorGuideline(),
                        d.reviewerGuideline(), d.whyNotHigher(), d.rationale)).toList());
    }
}
