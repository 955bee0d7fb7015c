package org.imrflow.intake.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.imrflow.events.CaseConvertedToExpedited;
import org.imrflow.events.CaseWithdrawn;
import org.imrflow.events.DeadlineReached;
import org.imrflow.events.EventType;
import org.imrflow.events.NoticeOfAssignmentSent;
import org.imrflow.events.ReviewType;
import org.imrflow.events.outbox.Outbox;
import org.imrflow.events.timer.DueTimer;
import org.imrflow.events.timer.DurableTimers;
import org.imrflow.events.timer.TimerHandler;
import org.imrflow.http.identity.Caller;
import org.imrflow.intake.domain.CaseClocks;
import org.imrflow.intake.domain.CaseStateConflictException;
import org.imrflow.intake.domain.CaseStatus;
import org.imrflow.intake.messaging.CaseAnnouncements;
import org.imrflow.intake.store.ImrCase;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The clocks of an eligible case, and the claims administrator's two ways of changing its course: the physician's
 * certification that makes it expedited, and withdrawal once the treatment is authorized. Every deadline is a durable
 * timer; what a timer does when it fires is here too ({@link #fire}), in the transaction that spends it.
 */
@ApplicationScoped
public class CaseLifecycle implements TimerHandler {
    private static final Logger LOG = Logger.getLogger(CaseLifecycle.class);

    private final CaseClocks clocks;
    private final DurableTimers timers;
    private final Outbox outbox;
    private final CaseAnnouncements announcements;
    private final Clock clock;

    CaseLifecycle(CaseClocks clocks, DurableTimers timers, Outbox outbox, CaseAnnouncements announcements, Clock clock) {
        this.announcements = announcements;
        this.clocks = clocks;
        this.timers = timers;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A case was just found eligible, in the transaction that stored it: the notice is due by the next business day. */
    Uni<Void> open(ImrCase eligible) {
        Instant now = clock.instant();
        eligible.noticeDueAt = clocks.endOf(clocks.noticeDueDate(now));
        return timers.schedule(eligible.caseNumber, CaseTimer.SEND_NOTICE.name(), now)
                .chain(() -> timers.schedule(eligible.caseNumber, CaseTimer.NOTICE_DUE.name(), eligible.noticeDueAt));
    }

    @Override
    public Uni<Void> fire(DueTimer timer) {
        CaseTimer kind = CaseTimer.valueOf(timer.kind());
        return ImrCase.findByCaseNumber(timer.caseNumber()).chain(imrCase -> {
            if (imrCase == null || !imrCase.status.takesRecords() && imrCase.status != CaseStatus.DETERMINATION_ISSUED) {
                LOG.debugf("Timer %s of case %s has nothing left to watch", kind, timer.caseNumber());
                return Uni.createFrom().voidItem();
            }
            return switch (kind) {
                case SEND_NOTICE -> sendNotice(imrCase);
                case NOTICE_DUE -> imrCase.noticeSentAt != null ? Uni.createFrom().voidItem() : reached(imrCase, timer);
                case RECORDS_DUE -> recordsDeadlinePassed(imrCase, timer);
                case DETERMINATION_AT_RISK, DETERMINATION_OVERDUE -> determinationLate(imrCase, kind, timer);
            };
        });
    }

    /** The Notice of Assignment goes out; the records deadline runs from it. */
    private Uni<Void> sendNotice(ImrCase imrCase) {
        if (imrCase.noticeSentAt != null) {
            return Uni.createFrom().voidItem();
        }
        imrCase.noticeSentAt = clock.instant();
        imrCase.recordsDueAt = clocks.recordsDueAt(imrCase.noticeSentAt, imrCase.noticeMethod, imrCase.reviewType);
        LOG.infof("Notice of Assignment for case %s sent (%s); records due %s", imrCase.caseNumber, imrCase.noticeMethod,
                imrCase.recordsDueAt);
        // after the letter (a notice that came late) the records are no longer watched
        boolean recordsWatched = imrCase.recordsCompletedAt == null && imrCase.status != CaseStatus.DETERMINATION_ISSUED;
        Uni<Void> recordsTimer = !recordsWatched ? Uni.createFrom().voidItem()
                : timers.schedule(imrCase.caseNumber, CaseTimer.RECORDS_DUE.name(), imrCase.recordsDueAt);
        return recordsTimer
                .chain(() -> timers.cancel(imrCase.caseNumber, CaseTimer.kinds(CaseTimer.NOTICE_DUE)))
                .chain(() -> outbox.append(EventType.NOTICE_OF_ASSIGNMENT_SENT, imrCase.caseNumber, new NoticeOfAssignmentSent(
                        imrCase.caseNumber, imrCase.noticeSentAt, imrCase.noticeMethod,
                        clocks.today(imrCase.noticeDueAt.minusNanos(1)), imrCase.recordsDueAt)));
    }

    /** The records did not come in time: the determination's clock starts without them. */
    private Uni<Void> recordsDeadlinePassed(ImrCase imrCase, DueTimer timer) {
        if (imrCase.recordsCompletedAt != null || imrCase.recordsDeadlinePassedAt != null) {
            return Uni.createFrom().voidItem();
        }
        imrCase.recordsDeadlinePassedAt = clock.instant();
        return startDeterminationClock(imrCase, timer.dueAt()).chain(() -> reached(imrCase, timer));
    }

    private Uni<Void> determinationLate(ImrCase imrCase, CaseTimer kind, DueTimer timer) {
        if (imrCase.letterIssuedAt != null) {
            return Uni.createFrom().voidItem();
        }
        if (kind == CaseTimer.DETERMINATION_AT_RISK) {
            imrCase.determinationAtRiskAt = clock.instant();
        } else {
            imrCase.determinationOverdueAt = clock.instant();
            LOG.warnf("The determination of case %s is overdue (due %s)", imrCase.caseNumber, imrCase.determinationDueDate);
        }
        return reached(imrCase, timer);
    }

    private Uni<Void> reached(ImrCase imrCase, DueTimer timer) {
        return outbox.append(EventType.DEADLINE_REACHED, imrCase.caseNumber, new DeadlineReached(imrCase.caseNumber,
                CaseTimer.valueOf(timer.kind()).deadline, timer.dueAt(), clock.instant(), imrCase.determinationDueDate));
    }

    /**
     * The determination's clock starts, once: when the records are complete, or when their deadline passed without
     * them. Its at-risk and overdue timers are set.
     */
    Uni<Void> startDeterminationClock(ImrCase imrCase, Instant startedAt) {
        if (imrCase.clockStartedAt != null) {
            return Uni.createFrom().voidItem();
        }
        imrCase.clockStartedAt = startedAt;
        imrCase.determinationDueDate = clocks.determinationDueDate(clocks.today(startedAt), imrCase.reviewType,
                imrCase.formularyDispute);
        LOG.infof("Case %s: the determination's clock started; due %s", imrCase.caseNumber, imrCase.determinationDueDate);
        return scheduleDetermination(imrCase);
    }

    private Uni<Void> scheduleDetermination(ImrCase imrCase) {
        Uni<Void> atRisk = imrCase.determinationAtRiskAt != null ? Uni.createFrom().voidItem()
                : timers.schedule(imrCase.caseNumber, CaseTimer.DETERMINATION_AT_RISK.name(),
                        clocks.atRiskAt(imrCase.clockStartedAt, imrCase.determinationDueDate));
        return atRisk.chain(() -> timers.schedule(imrCase.caseNumber, CaseTimer.DETERMINATION_OVERDUE.name(),
                clocks.endOf(imrCase.determinationDueDate)));
    }

    /** The records are complete: their deadline is no longer watched. */
    Uni<Void> recordsComplete(ImrCase imrCase) {
        return timers.cancel(imrCase.caseNumber, CaseTimer.kinds(CaseTimer.RECORDS_DUE));
    }

    /**
     * The letter went out: the records and the determination are no longer watched. Call in the consumer's
     * transaction. A Notice of Assignment not sent yet still goes (its timer, and its due date's, stay): a fast case's
     * letter can come before intake's timers reach the notice, and the parties are owed it all the same.
     */
    public Uni<Void> determinationIssued(ImrCase imrCase) {
        return timers.cancel(imrCase.caseNumber, CaseTimer.kinds(CaseTimer.RECORDS_DUE, CaseTimer.DETERMINATION_AT_RISK,
                CaseTimer.DETERMINATION_OVERDUE));
    }

    /**
     * The treating physician certified an imminent, serious threat after filing: the case becomes expedited and its
     * clocks move: records due within 24 hours, the determination within the expedited period.
     */
    public Uni<ImrCase> expedite(Caller caller, String caseNumber, LocalDate certificationReceived) {
        return CaseWrites.inTransaction(() -> VisibleCases.own(caller, caseNumber).chain(imrCase -> {
            if (!imrCase.status.takesRecords()) {
                throw new CaseStateConflictException("Case " + caseNumber + " is " + imrCase.status + ": it can no longer be expedited");
            }
            if (imrCase.reviewType == ReviewType.EXPEDITED) {
                throw new CaseStateConflictException("Case " + caseNumber + " is already expedited");
            }
            if (certificationReceived.isBefore(imrCase.applicationReceivedDate)) {
                throw new org.imrflow.http.InvalidRequestException("certificationReceivedDate",
                        "must not be before the application was received (" + imrCase.applicationReceivedDate
                                + "); a certification filed with the application makes it expedited from the start");
            }
            Instant now = clock.instant();
            imrCase.reviewType = ReviewType.EXPEDITED;
            imrCase.convertedToExpeditedAt = now;
            imrCase.certificationReceivedDate = certificationReceived;
            boolean recordsAwaited = imrCase.noticeSentAt != null && imrCase.recordsCompletedAt == null
                    && imrCase.recordsDeadlinePassedAt == null;
            Uni<Void> moved = Uni.createFrom().voidItem();
            if (recordsAwaited) {
                imrCase.recordsDueAt = clocks.expeditedRecordsDueAt(imrCase.recordsDueAt, now);
                moved = moved.chain(() -> timers.schedule(caseNumber, CaseTimer.RECORDS_DUE.name(), imrCase.recordsDueAt));
            }
            if (imrCase.clockStartedAt != null) {
                imrCase.determinationDueDate = clocks.expeditedDeterminationDueDate(clocks.today(imrCase.clockStartedAt),
                        certificationReceived, imrCase.determinationDueDate);
                moved = moved.chain(() -> scheduleDetermination(imrCase));
            }
            LOG.infof("Case %s converted to expedited", caseNumber);
            return moved.chain(() -> outbox.append(EventType.CASE_CONVERTED_TO_EXPEDITED, caseNumber,
                            new CaseConvertedToExpedited(caseNumber, now, certificationReceived,
                                    recordsAwaited ? imrCase.recordsDueAt : null, imrCase.determinationDueDate)))
                    .replaceWith(imrCase);
        }));
    }

    /**
     * A deferred case's liability dispute was resolved. Accepted: the case goes to review as if found eligible now
     * (its notice is due by the next business day, and case-received goes out). Resolved against the claim: there
     * is no dispute of medical necessity left, and the case is closed as ineligible with that reason.
     */
    public Uni<ImrCase> resolveLiability(Caller caller, String caseNumber, LocalDate resolved, boolean accepted) {
        return CaseWrites.inTransaction(() -> VisibleCases.own(caller, caseNumber).chain(imrCase -> {
            if (imrCase.status != CaseStatus.DEFERRED) {
                throw new CaseStateConflictException("Case " + caseNumber + " is " + imrCase.status
                        + ": only a deferred case waits for its liability dispute to be resolved");
            }
            if (resolved.isBefore(imrCase.applicationReceivedDate)) {
                throw new org.imrflow.http.InvalidRequestException("resolvedDate",
                        "must not be before the application was received (" + imrCase.applicationReceivedDate + ")");
            }
            Instant now = clock.instant();
            imrCase.liabilityResolvedAt = now;
            imrCase.liabilityResolvedDate = resolved;
            imrCase.liabilityAccepted = accepted;
            imrCase.screeningReasons.clear();
            if (accepted) {
                imrCase.status = CaseStatus.RECEIVED;
                LOG.infof("Case %s: liability accepted %s; it goes to review", caseNumber, resolved);
                return open(imrCase).chain(() -> announcements.announce(imrCase, now)).replaceWith(imrCase);
            }
            imrCase.status = CaseStatus.INELIGIBLE;
            imrCase.screeningReasons.add("Liability for the injury or body part was resolved against the claim on " + resolved
                    + ": there is no dispute of medical necessity left to review.");
            LOG.infof("Case %s: liability resolved against the claim %s; closed as ineligible", caseNumber, resolved);
            return announcements.announce(imrCase, now).replaceWith(imrCase);
        }));
    }

    /**
     * The claims administrator authorized the disputed treatment: the review ends at whatever stage it is, before the
     * letter (8 CCR 9792.10.6(a)). Every timer of the case is cancelled.
     */
    public Uni<ImrCase> withdraw(Caller caller, String caseNumber, LocalDate treatmentAuthorized) {
        return CaseWrites.inTransaction(() -> VisibleCases.own(caller, caseNumber).chain(imrCase -> {
            if (!imrCase.status.withdrawable()) {
                throw new CaseStateConflictException(switch (imrCase.status) {
                    case DETERMINATION_ISSUED -> "The Final Determination of case " + caseNumber
                            + " was issued: the review is over and can no longer be withdrawn";
                    case WITHDRAWN -> "Case " + caseNumber + " was already withdrawn";
                    default -> "Case " + caseNumber + " is " + imrCase.status + ": there is no review to withdraw";
                });
            }
            imrCase.status = CaseStatus.WITHDRAWN;
            imrCase.withdrawnAt = clock.instant();
            imrCase.treatmentAuthorizedDate = treatmentAuthorized;
            LOG.infof("Case %s withdrawn: treatment authorized %s", caseNumber, treatmentAuthorized);
            return timers.cancel(caseNumber, CaseTimer.all())
                    .chain(() -> outbox.append(EventType.CASE_WITHDRAWN, caseNumber,
                            new CaseWithdrawn(caseNumber, imrCase.withdrawnAt, treatmentAuthorized)))
                    .replaceWith(imrCase);
        }));
    }

}
