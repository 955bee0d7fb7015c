package org.imrflow.review.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imrflow.events.EventType;
import org.imrflow.events.OfferAccepted;
import org.imrflow.events.OfferDeclined;
import org.imrflow.events.OfferDeclined.DeclineReason;
import org.imrflow.events.ReviewerAssigned;
import org.imrflow.events.outbox.Outbox;
import org.imrflow.events.timer.DueTimer;
import org.imrflow.events.timer.DurableTimers;
import org.imrflow.events.timer.TimerHandler;
import org.imrflow.events.tracing.TraceParent;
import org.imrflow.review.domain.DeskNoticeKind;
import org.imrflow.review.domain.DeskPosition;
import org.imrflow.review.domain.ReviewStatus;
import org.imrflow.review.store.CaseFile;
import org.imrflow.review.store.DeskNotices;
import org.imrflow.review.store.Review;
import org.imrflow.review.store.ReviewDraft;
import org.imrflow.review.store.ReviewItemRow;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Offers on the reviewers' desks: an offer arrives (reviewer-assigned, in the inbox's transaction), and its reviewer
 * accepts or declines it, or lets it run out (its durable timer, {@link #fire}). offer-accepted and offer-declined go
 * out through the outbox in the transaction of the answer. The review's version lets exactly one of an acceptance, a
 * decline, a time-out and a later offer win a race.
 */
@ApplicationScoped
public class Offers implements TimerHandler {
    /** The durable timer of a case's open offer; one per case, moved by each new offer. */
    static final String EXPIRY = "OFFER_EXPIRY";
    private static final Logger LOG = Logger.getLogger(Offers.class);

    private final Outbox outbox;
    private final DurableTimers timers;
    private final DeskNotices notices;
    private final Clock clock;
    private final Duration offerTime;

    Offers(Outbox outbox, DurableTimers timers, DeskNotices notices, Clock clock,
           @ConfigProperty(name = "imrflow.review.offer-time", defaultValue = "PT24H") Duration offerTime) {
        this.outbox = outbox;
        this.timers = timers;
        this.notices = notices;
        this.clock = clock;
        this.offerTime = offerTime;
    }

    /**
     * A reviewer was offered the case: it goes on their desk, off the desk of whoever had an earlier offer of it. A
     * redelivered or older offer changes nothing, nor does any offer of a decided or withdrawn case; a case withdrawn
     * before its first offer came opens withdrawn.
     */
    public Uni<Review> receive(ReviewerAssigned offer) {
        String caseNumber = offer.caseNumber();
        return CaseFile.held(caseNumber).chain(file -> Review.<Review>findById(caseNumber).chain(existing -> {
            DeskPosition.Arrival arrival = DeskPosition.arrival(existing == null ? null : existing.position(), offer.offer());
            if (arrival == DeskPosition.Arrival.ENDED || arrival == DeskPosition.Arrival.STALE) {
                LOG.infof("Case %s is %s at offer %d; offer %d is ignored", caseNumber, existing.status,
                        existing.offerNumber, offer.offer());
                return Uni.createFrom().item(existing);
            }
            Uni<Void> leaving = arrival == DeskPosition.Arrival.MOVES ? leave(existing) : Uni.createFrom().voidItem();
            return leaving.chain(() -> {
                Review review = existing != null ? existing : new Review();
                offered(review, offer);
                if (file.withdrawnAt != null) {
                    review.status = ReviewStatus.WITHDRAWN;
                    review.withdrawnAt = file.withdrawnAt;
                    LOG.infof("Case %s was withdrawn before its offer came; it opens withdrawn", caseNumber);
                    return review.<Review>persist();
                }
                LOG.infof("Case %s offered (offer %d), open until %s", caseNumber, review.offerNumber, review.offerExpiresAt);
                return review.<Review>persist()
                        .call(() -> timers.schedule(caseNumber, EXPIRY, review.offerExpiresAt))
                        .call(() -> notices.append(review.reviewerId, caseNumber, DeskNoticeKind.OFFERED));
            });
        }));
    }

    /** The case leaves the desk of the reviewer it was offered to before: their answer and their draft end. */
    private Uni<Void> leave(Review earlier) {
        LOG.infof("Case %s moves on from offer %d (%s)", earlier.caseNumber, earlier.offerNumber, earlier.status);
        Uni<Void> told = earlier.status.onDesk()
                ? notices.append(earlier.reviewerId, earlier.caseNumber, DeskNoticeKind.OFFER_WITHDRAWN)
                : Uni.createFrom().voidItem();
        return told.chain(() -> ReviewDraft.discard(earlier.caseNumber));
    }

    private void offered(Review review, ReviewerAssigned offer) {
        review.caseNumber = offer.caseNumber();
        review.reviewerId = offer.reviewerId();
        review.status = ReviewStatus.OFFERED;
        review.offerNumber = offer.offer();
        review.offeredAt = offer.assignedAt();
        review.offerExpiresAt = DeskPosition.expiry(offer.assignedAt(), offerTime);
        review.acceptedAt = null;
        review.declinedAt = null;
        review.declineReason = null;
        review.reviewType = offer.reviewType();
        review.reviewerSpecialty = offer.qualifications().specialty();
        review.reviewerBoardCertification = offer.qualifications().boardCertification();
        review.assignedAt = offer.assignedAt();
        review.urGuidelineBasedOnMtus = offer.claimsAdministratorGuideline().basedOnMtus();
        review.urGuidelineCitation = offer.claimsAdministratorGuideline().citation();
        ReviewerAssigned.ApplicationFacts application = offer.application();
        review.dateOfInjury = application == null ? null : application.dateOfInjury();
        review.urDecisionDate = application == null ? null : application.urDecisionDate();
        review.requestingPhysicianSpecialty = application == null ? null : application.requestingPhysicianSpecialty();
        review.disputedItems.clear();
        offer.disputedItems().stream().map(ReviewItemRow::of).forEach(review.disputedItems::add);
        review.caseTrace = TraceParent.current().orElse(null); // the inbox's span, in the case's trace
    }

    /**
     * The reviewer accepts their open offer. Null when the case is not on their desk. Accepted by them already (a
     * retry after a lost answer), it answers as the first time did and announces nothing again.
     */
    public Uni<Review> accept(String caseNumber, String reviewerId) {
        return Panache.withTransaction(() -> ownOffer(caseNumber, reviewerId).onItem().ifNotNull().transformToUni(review -> {
            if (review.position().acceptedBy(reviewerId)) {
                return Uni.createFrom().item(review);
            }
            Instant now = clock.instant();
            review.position().requireOpenOffer(caseNumber, now);
            review.status = ReviewStatus.ACCEPTED;
            review.acceptedAt = now;
            LOG.infof("Case %s: offer %d accepted", caseNumber, review.offerNumber);
            return timers.cancel(caseNumber, List.of(EXPIRY))
                    .chain(() -> outbox.append(EventType.OFFER_ACCEPTED, caseNumber,
                            new OfferAccepted(caseNumber, review.offerNumber, reviewerId, now)))
                    .chain(() -> notices.append(reviewerId, caseNumber, DeskNoticeKind.ACCEPTED))
                    .replaceWith(review);
        }));
    }

    /**
     * The reviewer declines their open offer, for a reason of theirs (not TIMED_OUT), or hands back a case they accepted
     * for a conflict found in its records (their draft goes with it). Null when not on their desk.
     */
    public Uni<Review> decline(String caseNumber, String reviewerId, DeclineReason reason) {
        if (reason == DeclineReason.TIMED_OUT) {
            throw new IllegalArgumentException("Only the offer's timer times it out");
        }
        return Panache.withTransaction(() -> ownOffer(caseNumber, reviewerId).onItem().ifNotNull().transformToUni(review -> {
            review.position().requireDeclinable(caseNumber, reason, clock.instant());
            return declined(review, reason, DeskNoticeKind.DECLINED)
                    .chain(() -> timers.cancel(caseNumber, List.of(EXPIRY)))
                    .chain(() -> ReviewDraft.discard(caseNumber))
                    .replaceWith(review);
        }));
    }

    /** The offer's time is up: if the offer it was set for is still open, it ends as TIMED_OUT. */
    @Override
    public Uni<Void> fire(DueTimer timer) {
        if (!EXPIRY.equals(timer.kind())) {
            LOG.warnf("Case %s: unknown timer %s", timer.caseNumber(), timer.kind());
            return Uni.createFrom().voidItem();
        }
        return Review.<Review>findById(timer.caseNumber()).chain(review ->
                review != null && review.position().timesOutAt(timer.dueAt())
                        ? declined(review, DeclineReason.TIMED_OUT, DeskNoticeKind.TIMED_OUT)
                        : Uni.createFrom().voidItem());
    }

    /** The offer ends unaccepted: off every desk until assignment offers the case to someone else. */
    private Uni<Void> declined(Review review, DeclineReason reason, DeskNoticeKind notice) {
        Instant now = clock.instant();
        review.status = ReviewStatus.DECLINED;
        review.declinedAt = now;
        review.declineReason = reason;
        LOG.infof("Case %s: offer %d declined (%s)", review.caseNumber, review.offerNumber, reason);
        return outbox.append(EventType.OFFER_DECLINED, review.caseNumber,
                        new OfferDeclined(review.caseNumber, review.offerNumber, review.reviewerId, reason, now))
                .chain(() -> notices.append(review.reviewerId, review.caseNumber, notice));
    }

    private static Uni<Review> ownOffer(String caseNumber, String reviewerId) {
        return Review.<Review>findById(caseNumber)
                .map(review -> review != null && review.position().isOf(reviewerId) ? review : null);
    }
}
