package org.imrflow.review.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.imrflow.review.domain.DeskNoticeKind;
import org.imrflow.review.domain.DraftRevision;
import org.imrflow.review.store.DeskNotices;
import org.imrflow.review.store.Review;
import org.imrflow.review.store.ReviewDraft;

import java.time.Clock;

/**
 * The worksheet's draft, for the reviewer who accepted the case, so their work resumes on another device. Each save
 * names the revision it was based on; one based on an older revision is refused, never silently written over
 * another device's. The case's review row is held for the save, so a draft never outlives a move to another reviewer,
 * the decision or a withdrawal, each of which discards it.
 */
@ApplicationScoped
public class Drafts {
    private final DeskNotices notices;
    private final Clock clock;

    Drafts(DeskNotices notices, Clock clock) {
        this.notices = notices;
        this.clock = clock;
    }

    /**
     * The case's draft, or an empty one at revision 0. Null when the case is not this reviewer's; call in a session.
     */
    public Uni<ReviewDraft> current(String caseNumber, String reviewerId) {
        return Review.<Review>findById(caseNumber).chain(review -> {
            if (review == null || !review.position().isOf(reviewerId)) {
                return Uni.createFrom().nullItem();
            }
            review.position().requireWorksheetOf(reviewerId, caseNumber);
            return ReviewDraft.<ReviewDraft>findById(caseNumber).map(draft -> draft != null ? draft : empty(caseNumber, reviewerId));
        });
    }

    /** Saves the worksheet (JSON) over revision {@code basedOn}. Null when the case is not this reviewer's. */
    public Uni<ReviewDraft> save(String caseNumber, String reviewerId, int basedOn, String worksheet) {
        return Panache.withTransaction(() -> Review.<Review>findById(caseNumber, LockModeType.PESSIMISTIC_WRITE).chain(review -> {
            if (review == null || !review.position().isOf(reviewerId)) {
                return Uni.createFrom().<ReviewDraft>nullItem();
            }
            review.position().requireWorksheetOf(reviewerId, caseNumber);
            return ReviewDraft.<ReviewDraft>findById(caseNumber).chain(found -> {
                ReviewDraft draft = found != null ? found : empty(caseNumber, reviewerId);
                draft.revision = DraftRevision.next(draft.revision, basedOn);
                draft.worksheet = worksheet;
                draft.savedAt = clock.instant();
                return draft.<ReviewDraft>persist()
                        .call(() -> notices.append(reviewerId, caseNumber, DeskNoticeKind.DRAFT_SAVED));
            });
        }));
    }

    private static ReviewDraft empty(String caseNumber, String reviewerId) {
        ReviewDraft draft = new ReviewDraft();
        draft.caseNumber = caseNumber;
        draft.reviewerId = reviewerId;
        draft.revision = 0;
        draft.worksheet = "{}";
        return draft;
    }
}
