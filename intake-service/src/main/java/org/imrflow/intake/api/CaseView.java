package org.imrflow.intake.api;

import org.imrflow.events.ItemCategory;
import org.imrflow.events.ReviewType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imrflow.events.NoticeMethod;
import org.imrflow.intake.domain.CaseStatus;
import org.imrflow.intake.domain.LateRecords;
import org.imrflow.intake.store.ImrCase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A case as its claims administrator sees it: never the reviewer's identity. */
public record CaseView(
        String caseNumber,
        CaseStatus status,
        List<String> screeningReasons,
        Instant receivedAt,
        ReviewType reviewType,
        String claimNumber,
        LocalDate dateOfInjury,
        String employer,
        String employeeName,
        boolean employeeRepresented,
        String claimsAdministrator,
        String requestingPhysician,
        String requestingPhysicianSpecialty,
        LocalDate urDecisionDate,
        LocalDate applicationReceivedDate,
        Notice notice,
        Records records,
        @Schema(description = "When the determination's clock started: records complete, or their deadline passed without them")
        Instant clockStartedAt,
        @Schema(description = "Null until the determination's clock starts")
        LocalDate determinationDueDate,
        Instant convertedToExpeditedAt,
        Instant letterIssuedAt,
        Withdrawal withdrawal,
        List<Item> disputedItems,
        boolean stuck,
        List<StuckOn> stuckOn) {

    /** The Notice of Assignment and Request for Information: due within a business day of the screen. */
    public record Notice(Instant dueAt, Instant sentAt, NoticeMethod method) {
    }

    /**
     * The medical records: due from the notice; {@code daysLate} and {@code penaltyDollars} are final once complete
     * and, while records are late and incomplete, as of now.
     */
    public record Records(Instant dueAt, int documents, Instant completedAt, boolean deadlinePassed, int daysLate,
                          int penaltyDollars) {

        /**
         * None for a case that never went to review. Lateness stops at completion, or at a withdrawal: a withdrawn
         * case needs no more records.
         */
        static Records of(ImrCase c, Instant now) {
            if (c.status == CaseStatus.INELIGIBLE || c.status == CaseStatus.DEFERRED) {
                return null;
            }
            int daysLate = c.recordsCompletedAt != null ? c.recordsDaysLate
                    : LateRecords.daysLate(c.recordsDueAt, c.withdrawnAt != null ? c.withdrawnAt : now);
            return new Records(c.recordsDueAt, c.documents.size(), c.recordsCompletedAt, c.recordsDeadlinePassedAt != null,
                    daysLate, LateRecords.penaltyDollars(daysLate));
        }
    }

    public record Withdrawal(Instant withdrawnAt, LocalDate treatmentAuthorizedDate) {
    }

    public record Item(int itemNumber, String description, ItemCategory category, String icd10Code, String manufacturerId) {
    }

    /**
     * An event of the case that a service dead-lettered and nobody has replayed yet: the case cannot go on until
     * operations fix the cause and replay it at {@code service}'s {@code /api/dead-letters/{deadLetterId}/replay}.
     */
    public record StuckOn(String service, long deadLetterId, String eventType, String reason, Instant since) {
    }

    static CaseView of(ImrCase c, Instant now) {
        return new CaseView(c.caseNumber, c.status, List.copyOf(c.screeningReasons), c.receivedAt, c.reviewType, c.claimNumber,
                c.dateOfInjury, c.employer, c.employeeName, c.employeeRepresented, c.claimsAdministratorName,
                c.requestingPhysician, c.requestingPhysicianSpecialty, c.urDecisionDate, c.applicationReceivedDate,
                c.noticeDueAt == null ? null : new Notice(c.noticeDueAt, c.noticeSentAt, c.noticeSentAt == null ? null : c.noticeMethod),
                Records.of(c, now),
                c.clockStartedAt, c.determinationDueDate, c.convertedToExpeditedAt, c.letterIssuedAt,
                c.withdrawnAt == null ? null : new Withdrawal(c.withdrawnAt, c.treatmentAuthorizedDate),
                c.disputedItems.stream()
                        .map(i -> new Item(i.itemNumber, i.description, i.category, i.icd10Code, i.manufacturerId))
                        .toList(),
                !c.stuckEvents.isEmpty(),
                c.stuckEvents.stream()
                        .map(e -> new StuckOn(e.service, e.deadLetterId, e.eventType, e.reason, e.deadLetteredAt))
                        .toList());
    }
}
