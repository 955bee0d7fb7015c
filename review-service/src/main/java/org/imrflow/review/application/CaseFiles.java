package org.imrflow.review.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.imrflow.events.CaseConvertedToExpedited;
import org.imrflow.events.Deadline;
import org.imrflow.events.DeadlineReached;
import org.imrflow.events.RecordsReceived;
import org.imrflow.events.inbox.EventRejectedException;
import org.imrflow.review.domain.DeskNoticeKind;
import org.imrflow.review.store.CaseFile;
import org.imrflow.review.store.DeskNotices;
import org.imrflow.review.store.Review;
import org.jboss.logging.Logger;

/**
 * Keeps each case's file from intake's events, in the inbox's transaction: the records and their deadline, the
 * determination's due date, a conversion to expedited. The withdrawal is the desk's (it closes the review). Each change
 * is a CASE_UPDATED notice on the desk the case is on, if any.
 */
@ApplicationScoped
public class CaseFiles {
    private static final Logger LOG = Logger.getLogger(CaseFiles.class);

    private final DeskNotices notices;

    CaseFiles(DeskNotices notices) {
        this.notices = notices;
    }

    public Uni<Void> recordsReceived(RecordsReceived records) {
        if (records.complete() && records.determinationDueDate() == null) {
            throw new EventRejectedException("Records complete without the determination's due date");
        }
        return CaseFile.held(records.caseNumber()).invoke(file -> {
            file.addDocuments(records.documents());
            file.recordsDue(records.recordsDueAt(), records.receivedAt());
            file.recordsDaysLate = Math.max(file.recordsDaysLate, records.daysLate());
            file.latePenaltyDollars = Math.max(file.latePenaltyDollars, records.penaltyDollars());
            if (records.complete() && file.recordsCompleteAt == null) {
                file.recordsCompleteAt = records.receivedAt();
                LOG.infof("Case %s: records complete, determination due %s", file.caseNumber, records.determinationDueDate());
            }
            file.determinationDue(records.determinationDueDate(), records.receivedAt());
        }).chain(this::updated);
    }

    public Uni<Void> deadlineReached(DeadlineReached reached) {
        if (reached.deadline() == Deadline.NOTICE_OF_ASSIGNMENT) {
            return Uni.createFrom().voidItem(); // intake's own clock: nothing on the reviewer's desk changes
        }
        if (reached.deadline() == Deadline.RECORDS && reached.determinationDueDate() == null) {
            throw new EventRejectedException("The records deadline passed without the determination's due date");
        }
        return CaseFile.held(reached.caseNumber()).invoke(file -> {
            if (reached.deadline() == Deadline.RECORDS) {
                file.recordsDue(reached.dueAt(), reached.reachedAt());
                if (file.recordsDeadlinePassedAt == null) {
                    file.recordsDeadlinePassedAt = reached.reachedAt();
                    LOG.infof("Case %s: records deadline passed; the reviewer may decide without them", file.caseNumber);
                }
            }
            file.determinationDue(reached.determinationDueDate(), reached.reachedAt());
        }).chain(this::updated);
    }

    public Uni<Void> convertedToExpedited(CaseConvertedToExpedited conversion) {
        return CaseFile.held(conversion.caseNumber()).invoke(file -> {
            if (file.convertedToExpeditedAt == null) {
                file.convertedToExpeditedAt = conversion.convertedAt();
                LOG.infof("Case %s converted to expedited", file.caseNumber);
            }
            file.recordsDue(conversion.recordsDueAt(), conversion.convertedAt());
            file.determinationDue(conversion.determinationDueDate(), conversion.convertedAt());
        }).chain(this::updated);
    }

    /** Tells the reviewer whose desk the case is on, if it is on one, that its file changed. */
    private Uni<Void> updated(CaseFile file) {
        return Review.<Review>findById(file.caseNumber).chain(review -> review != null && review.status.onDesk()
                ? notices.append(review.reviewerId, file.caseNumber, DeskNoticeKind.CASE_UPDATED)
                : Uni.createFrom().voidItem());
    }
}
