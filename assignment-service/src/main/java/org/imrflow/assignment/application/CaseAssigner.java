package org.imrflow.assignment.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imrflow.assignment.domain.CaseToAssign;
import org.imrflow.assignment.domain.ConditionSpecialties;
import org.imrflow.assignment.domain.PartyId;
import org.imrflow.assignment.domain.Reviewer;
import org.imrflow.assignment.domain.ReviewerLoad;
import org.imrflow.assignment.domain.ReviewerMatcher;
import org.imrflow.assignment.domain.ReviewerMatcher.Match;
import org.imrflow.assignment.store.AssignmentOffer;
import org.imrflow.assignment.store.AssignmentStatus;
import org.imrflow.assignment.store.CaseAssignment;
import org.imrflow.assignment.store.EarlyWithdrawal;
import org.imrflow.assignment.store.OfferAnswer;
import org.imrflow.assignment.store.OfferCause;
import org.imrflow.assignment.store.OfferOutcome;
import org.imrflow.assignment.store.ReviewerEntity;
import org.imrflow.events.CaseReceived;
import org.imrflow.events.CaseWithdrawn;
import org.imrflow.events.DecisionRecorded;
import org.imrflow.events.EventType;
import org.imrflow.events.NoReviewerAvailable;
import org.imrflow.events.OfferAccepted;
import org.imrflow.events.OfferDeclined;
import org.imrflow.events.ReviewerAssigned;
import org.imrflow.events.ReviewerQualifications;
import org.imrflow.events.inbox.EventRejectedException;
import org.imrflow.events.outbox.Outbox;
import org.imrflow.http.WriteConflicts;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Offers cases to reviewers and follows the answers. A case is offered on case-received, again when its reviewer
 * declines or lets the offer time out, when operations reassign it, and when its reviewer is deactivated; a waiting
 * case is offered by the sweep when the roster changes and on a timer. Every change to a case holds the case's lock
 * to its commit, so consumers, the sweep and operations never interleave on one case; reviewer-assigned and
 * no-reviewer-available go out through the outbox in the same transaction.
 */
@ApplicationScoped
public class CaseAssigner {
    private static final Logger LOG = Logger.getLogger(CaseAssigner.class);

    private final ReviewerMatcher matcher;
    private final int sweepBatch;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;

    CaseAssigner(@ConfigProperty(name = "imrflow.assignment.sweep-batch", defaultValue = "200") int sweepBatch,
                 Outbox outbox, ObjectMapper json, Clock clock, ConditionSpecialties specialties) {
        this.matcher = new ReviewerMatcher(specialties);
        this.sweepBatch = sweepBatch;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A new case off the stream, in the inbox's transaction: stored and offered, or left waiting when no reviewer
     * fits; stored as withdrawn, and never offered, when its withdrawal came first.
     */
    public Uni<CaseAssignment> receive(CaseReceived received) {
        CaseAssignment assignment = new CaseAssignment();
        assignment.caseNumber = received.caseNumber();
        assignment.status = AssignmentStatus.AWAITING_REVIEWER;
        assignment.reviewType = received.reviewType();
        assignment.receivedAt = received.receivedAt();
        assignment.caseReceived = toJson(received);
        return CaseAssignment.lock(received.caseNumber())
                .chain(() -> EarlyWithdrawal.<EarlyWithdrawal>findById(received.caseNumber()))
                .chain(withdrawal -> {
                    if (withdrawal != null) {
                        assignment.status = AssignmentStatus.WITHDRAWN;
                        assignment.withdrawnAt = withdrawal.withdrawnAt;
                        LOG.infof("Case %s arrived already withdrawn; it is not offered", assignment.caseNumber);
                        return assignment.persist();
                    }
                    return assignment.<CaseAssignment>persist()
                            .chain(stored -> offerNext(stored, OfferCause.FIRST, Map.of(), null, null).replaceWith(stored));
                });
    }

    /**
     * The reviewer accepted, in the inbox's transaction. Only the current offer of a case still offered takes the
     * case onto their desk; an answer to an older offer is recorded on it and changes nothing else.
     */
    public Uni<Void> accept(OfferAccepted acceptance) {
        return answered(acceptance.caseNumber(), acceptance.offerNumber(), acceptance.reviewerId(), (assignment, offer) -> {
            if (offer.answer != null) {
                LOG.infof("Case %s: offer %d was answered %s before; the acceptance changes nothing", assignment.caseNumber,
                        offer.offerNumber, offer.answer);
                return Uni.createFrom().voidItem();
            }
            offer.answer = OfferAnswer.ACCEPTED;
            offer.answeredAt = acceptance.acceptedAt();
            if (isCurrent(assignment, offer) && assignment.status == AssignmentStatus.OFFERED) {
                offer.end(OfferOutcome.ACCEPTED, acceptance.acceptedAt());
                assignment.status = AssignmentStatus.ACCEPTED;
                assignment.acceptedAt = acceptance.acceptedAt();
                LOG.infof("Case %s accepted (offer %d)", assignment.caseNumber, offer.offerNumber);
            }
            return Uni.createFrom().voidItem();
        });
    }

    /**
     * The reviewer declined, or the offer timed out, in the inbox's transaction. The current offer of a case on a desk
     * ends and the case goes to the next eligible reviewer, never back to one who declined it; an answer to an older
     * offer is recorded on it and changes nothing else.
     */
    public Uni<Void> decline(OfferDeclined decline) {
        OfferAnswer answer = decline.reason() == OfferDeclined.DeclineReason.TIMED_OUT ? OfferAnswer.TIMED_OUT : OfferAnswer.DECLINED;
        return answered(decline.caseNumber(), decline.offerNumber(), decline.reviewerId(), (assignment, offer) -> {
            if (offer.answer == OfferAnswer.DECLINED || offer.answer == OfferAnswer.TIMED_OUT) {
                return Uni.createFrom().voidItem();
            }
            offer.answer = answer;
            offer.declineReason = decline.reason();
            offer.answeredAt = decline.declinedAt();
            if (!isCurrent(assignment, offer) || !assignment.status.onADesk()) {
                LOG.infof("Case %s: offer %d is not current; its %s is recorded only", assignment.caseNumber,
                        offer.offerNumber, answer);
                return Uni.createFrom().voidItem();
            }
            OfferOutcome outcome = answer == OfferAnswer.TIMED_OUT ? OfferOutcome.TIMED_OUT : OfferOutcome.DECLINED;
            offer.end(outcome, decline.declinedAt());
            LOG.infof("Case %s: offer %d %s; offering it again", assignment.caseNumber, offer.offerNumber, outcome);
            return offerNext(assignment, OfferCause.after(outcome), Map.of(), null, null).replaceWithVoid();
        });
    }

    private Uni<Void> answered(String caseNumber, int offerNumber, String reviewerId,
                               BiFunction<CaseAssignment, AssignmentOffer, Uni<Void>> record) {
        return CaseAssignment.lock(caseNumber)
                .chain(() -> CaseAssignment.findByCaseNumber(caseNumber))
                .chain(assignment -> {
                    if (assignment == null) {
                        throw new EventRejectedException("Case " + caseNumber + " was never received here");
                    }
                    return AssignmentOffer.find(caseNumber, offerNumber).chain(offer -> {
                        if (offer == null || !offer.reviewerId.equals(reviewerId)) {
                            throw new EventRejectedException("Case " + caseNumber + " has no offer " + offerNumber
                                    + " to reviewer " + reviewerId);
                        }
                        return record.apply(assignment, offer);
                    });
                });
    }

    private static boolean isCurrent(CaseAssignment assignment, AssignmentOffer offer) {
        return offer.offerNumber == assignment.offerNumber;
    }

    /**
     * The claims administrator authorized the treatment, in the inbox's transaction: a case not yet decided is
     * withdrawn, so it leaves its reviewer's load or is never offered. A case not received yet is remembered.
     */
    public Uni<Void> withdraw(CaseWithdrawn withdrawal) {
        String caseNumber = withdrawal.caseNumber();
        return CaseAssignment.lock(caseNumber)
                .chain(() -> CaseAssignment.findByCaseNumber(caseNumber))
                .chain(assignment -> {
                    if (assignment == null) {
                        return rememberEarly(withdrawal);
                    }
                    if (!assignment.status.open()) {
                        return Uni.createFrom().voidItem();
                    }
                    assignment.status = AssignmentStatus.WITHDRAWN;
                    assignment.withdrawnAt = withdrawal.withdrawnAt();
                    // No longer waiting for anyone.
                    assignment.waitingSince = null;
                    assignment.waitingBecause = null;
                    LOG.infof("Case %s withdrawn", caseNumber);
                    return endOpenOffer(assignment, OfferOutcome.WITHDRAWN, withdrawal.withdrawnAt());
                });
    }

    private static Uni<Void> rememberEarly(CaseWithdrawn withdrawal) {
        return EarlyWithdrawal.<EarlyWithdrawal>findById(withdrawal.caseNumber()).chain(known -> {
            if (known != null) {
                return Uni.createFrom().voidItem();
            }
            EarlyWithdrawal early = new EarlyWithdrawal();
            early.caseNumber = withdrawal.caseNumber();
            early.withdrawnAt = withdrawal.withdrawnAt();
            LOG.infof("Case %s withdrawn before it arrived here; it will not be offered", early.caseNumber);
            return early.persist().replaceWithVoid();
        });
    }

    /**
     * The reviewer recorded the determination, in the inbox's transaction: the case leaves their desk. A decision on a
     * case still offered shows the offer was taken up.
     */
    public Uni<Void> close(DecisionRecorded decision) {
        return CaseAssignment.lock(decision.caseNumber())
                .chain(() -> CaseAssignment.findByCaseNumber(decision.caseNumber()))
                .chain(assignment -> {
                    if (assignment == null || assignment.status == AssignmentStatus.AWAITING_REVIEWER) {
                        throw new EventRejectedException("Case " + decision.caseNumber() + " was decided but is with no reviewer here");
                    }
                    if (!assignment.status.onADesk()) {
                        return Uni.createFrom().voidItem();
                    }
                    assignment.status = AssignmentStatus.DECIDED;
                    assignment.decidedAt = decision.decidedAt();
                    LOG.infof("Case %s decided; off the reviewer's desk", assignment.caseNumber);
                    return endOpenOffer(assignment, OfferOutcome.ACCEPTED, decision.decidedAt());
                });
    }

    /** Ends the current offer if it still waits for an answer. */
    private static Uni<Void> endOpenOffer(CaseAssignment assignment, OfferOutcome outcome, Instant at) {
        return AssignmentOffer.find(assignment.caseNumber, assignment.offerNumber).invoke(offer -> {
            if (offer != null && offer.outcome == null) {
                offer.end(outcome, at);
            }
        }).replaceWithVoid();
    }

    /**
     * Operations take an open case from its reviewer, in a transaction of its own, and offer it to the reviewer they
     * name or to the next eligible one (never the current reviewer or one who declined). Nothing changes when that
     * cannot be done: {@link ReassignmentRefused} says why.
     *
     * @return the new offer, or null when there is no such case
     */
    public Uni<AssignmentOffer> reassign(String caseNumber, String reviewerId, String note) {
        return Panache.withTransaction(() -> CaseAssignment.lock(caseNumber)
                .chain(() -> CaseAssignment.findByCaseNumber(caseNumber))
                .chain(assignment -> {
                    if (assignment == null) {
                        return Uni.createFrom().<AssignmentOffer>nullItem();
                    }
                    if (!assignment.status.open()) {
                        throw new ReassignmentRefused("Case " + caseNumber + " is " + assignment.status
                                + ": there is nothing to reassign");
                    }
                    Map<String, String> current = assignment.status.onADesk()
                            ? Map.of(assignment.reviewerId, "holds the offer being reassigned") : Map.of();
                    return endOffer(assignment, OfferOutcome.REASSIGNED)
                            .chain(() -> offerNext(assignment, OfferCause.REASSIGNED_BY_OPERATIONS, current, reviewerId, note))
                            .map(Optional::orElseThrow);
                }));
    }

    /**
     * Takes every open case of a reviewer who may no longer take it (they left the active roster, or their profile
     * changed: a conflict, a lapsed licence, another specialty) to other reviewers, each case in a transaction of its
     * own. A case decided or moved meanwhile is left as it is; one offered to them meanwhile is found by the sweep.
     *
     * @return how many cases were moved
     */
    public Uni<Integer> moveCasesOf(String reviewerId) {
        return Panache.withSession(() -> CaseAssignment.heldBy(reviewerId))
                .chain(held -> eachInItsOwnTransaction(held, this::moveOff));
    }

    /** Moves the case if it is still on the desk of a reviewer who is not active now. */
    private Uni<Boolean> moveOff(String caseNumber) {
        return CaseAssignment.lock(caseNumber)
                .chain(() -> CaseAssignment.findByCaseNumber(caseNumber))
                .chain(assignment -> assignment == null || !assignment.status.onADesk() ? Uni.createFrom().item(false)
                        : roster().chain(roster -> {
                            CaseReceived received = fromJson(assignment.caseReceived);
                            Optional<Reviewer> holder = roster.stream().map(ReviewerLoad::reviewer)
                                    .filter(r -> r.id().equals(assignment.reviewerId)).findFirst();
                            boolean eligible = matcher.match(toAssign(received), roster, Map.of(), today())
                                    .of(assignment.reviewerId).map(ReviewerMatcher.Consideration::eligible).orElse(false);
                            if (eligible) {
                                return Uni.createFrom().item(false);
                            }
                            boolean inactive = holder.map(r -> !r.active()).orElse(true);
                            OfferCause cause = inactive ? OfferCause.REVIEWER_DEACTIVATED : OfferCause.REVIEWER_INELIGIBLE;
                            OfferOutcome outcome = inactive ? OfferOutcome.REVIEWER_DEACTIVATED : OfferOutcome.REVIEWER_INELIGIBLE;
                            // The offer ends only once another reviewer has the case: with nobody else eligible it
                            // stays on its reviewer's desk, where review still has it, and a later sweep or roster change
                            // moves it once someone may take it. Taken away, it would be on review's desk and not here.
                            return AssignmentOffer.find(caseNumber, assignment.offerNumber).chain(current ->
                                    offerNext(assignment, cause, Map.of(), null, null)
                                            .invoke(next -> next.ifPresent(moved -> {
                                                current.end(outcome, moved.offeredAt);
                                                LOG.infof("Case %s left a reviewer who may no longer take it (%s)", caseNumber, cause);
                                            }))
                                            .map(Optional::isPresent));
                        }));
    }

    /** Ends the current offer, answered or not, when the case is taken from its reviewer. */
    private Uni<Void> endOffer(CaseAssignment assignment, OfferOutcome outcome) {
        if (!assignment.status.onADesk()) {
            return Uni.createFrom().voidItem();
        }
        return AssignmentOffer.find(assignment.caseNumber, assignment.offerNumber)
                .invoke(offer -> offer.end(outcome, clock.instant()))
                .replaceWithVoid();
    }

    /**
     * Gives waiting cases, oldest first, a chance at the current roster, and moves cases still held by reviewers who
     * were deactivated (a deactivation interrupted, or raced by an offer): after a roster change and on a timer. Each
     * case is handled in a transaction of its own.
     *
     * @return how many cases were offered
     */
    public Uni<Integer> sweep() {
        return Panache.withSession(() -> CaseAssignment.awaitingReviewer(sweepBatch))
                .chain(waiting -> eachInItsOwnTransaction(waiting, this::offerIfWaiting))
                .chain(offered -> Panache.withSession(() -> CaseAssignment.heldByInactiveReviewers(sweepBatch))
                        .chain(held -> eachInItsOwnTransaction(held, this::moveOff))
                        .map(moved -> offered + moved));
    }

    private static Uni<Integer> eachInItsOwnTransaction(List<String> caseNumbers, Function<String, Uni<Boolean>> step) {
        return Multi.createFrom().iterable(caseNumbers)
                .onItem().transformToUniAndConcatenate(caseNumber -> Panache.withTransaction(() -> step.apply(caseNumber))
                        .onFailure(WriteConflicts::isConflict).recoverWithItem(() -> {
                            LOG.debugf("Case %s changed concurrently; left to whoever changed it", caseNumber);
                            return false;
                        }))
                .collect().asList()
                .map(done -> (int) done.stream().filter(Boolean::booleanValue).count());
    }

    private Uni<Boolean> offerIfWaiting(String caseNumber) {
        return CaseAssignment.lock(caseNumber)
                .chain(() -> CaseAssignment.findByCaseNumber(caseNumber))
                .chain(assignment -> {
                    if (assignment == null || assignment.status != AssignmentStatus.AWAITING_REVIEWER) {
                        return Uni.createFrom().item(false);
                    }
                    return AssignmentOffer.find(caseNumber, assignment.offerNumber)
                            .chain(last -> offerNext(assignment, OfferCause.after(last == null ? null : last.outcome),
                                    Map.of(), null, null))
                            .map(Optional::isPresent);
                });
    }

    /**
     * Offers the case to the best eligible reviewer (or the one named), recording why, and announces the offer. With
     * nobody eligible the case waits, and operations are told once per wait; a named reviewer who may not have the
     * case, or nobody for operations' reassignment, is a {@link ReassignmentRefused} instead.
     */
    private Uni<Optional<AssignmentOffer>> offerNext(CaseAssignment assignment, OfferCause cause,
                                                     Map<String, String> alsoExcluded, String named, String note) {
        CaseReceived received = fromJson(assignment.caseReceived);
        return AssignmentOffer.refusedBy(assignment.caseNumber).chain(refused -> roster().chain(roster -> {
            Map<String, String> excluded = new HashMap<>(refused);
            excluded.putAll(alsoExcluded);
            LocalDate today = today();
            Match match = named == null
                    ? matcher.match(toAssign(received), roster, excluded, today)
                    : matcher.matchNamed(toAssign(received), roster, excluded, today, named);
            if (match.chosen().isPresent()) {
                Reviewer reviewer = roster.stream().map(ReviewerLoad::reviewer)
                        .filter(r -> r.id().equals(match.chosen().get())).findFirst().orElseThrow();
                return offer(assignment, received, reviewer, match, cause, note).map(Optional::of);
            }
            if (cause == OfferCause.REASSIGNED_BY_OPERATIONS) {
                throw new ReassignmentRefused(named == null
                        ? "No other reviewer may take case " + assignment.caseNumber + ": " + match.considered().size()
                        + " considered, none eligible"
                        : "Reviewer " + named + " may not take case " + assignment.caseNumber + ": "
                        + match.of(named).map(ReviewerMatcher.Consideration::reason).orElse("not on the roster"));
            }
            if (cause == OfferCause.REVIEWER_DEACTIVATED || cause == OfferCause.REVIEWER_INELIGIBLE) {
                LOG.warnf("Case %s: nobody else may take it; it stays with its reviewer for now", assignment.caseNumber);
                return Uni.createFrom().item(Optional.<AssignmentOffer>empty());
            }
            long declined = roster.stream().filter(load -> refused.containsKey(load.reviewer().id())).count();
            return await(assignment, roster.size(), declined).replaceWith(Optional.empty());
        }));
    }

    private Uni<AssignmentOffer> offer(CaseAssignment assignment, CaseReceived received, Reviewer reviewer, Match match,
                                       OfferCause cause, String note) {
        Instant now = clock.instant();
        AssignmentOffer offer = new AssignmentOffer();
        offer.caseNumber = assignment.caseNumber;
        offer.offerNumber = assignment.offerNumber + 1;
        offer.reviewerId = reviewer.id();
        offer.offeredAt = now;
        offer.whyOffered = cause;
        offer.operationsNote = note;
        offer.considerations(match.considered());
        assignment.status = AssignmentStatus.OFFERED;
        assignment.reviewerId = reviewer.id();
        assignment.offerNumber = offer.offerNumber;
        assignment.offeredAt = now;
        assignment.acceptedAt = null;
        assignment.waitingSince = null;
        assignment.waitingBecause = null;
        LOG.infof("Case %s offered (offer %d, %s)", assignment.caseNumber, offer.offerNumber, cause);
        CaseReceived.Parties parties = received.parties();
        // No due date: the determination's clock starts when the records are complete, and an offer never moves it.
        return offer.persist().chain(() -> outbox.append(EventType.REVIEWER_ASSIGNED, assignment.caseNumber, new ReviewerAssigned(
                        assignment.caseNumber, reviewer.id(),
                        new ReviewerQualifications(reviewer.specialty(), reviewer.boardCertification().specialty()),
                        now, received.reviewType(), null, received.claimsAdministratorGuideline(), received.disputedItems(),
                        offer.offerNumber, new ReviewerAssigned.ApplicationFacts(received.dateOfInjury(),
                        received.urDecisionDate(), parties.requestingPhysicianSpecialty()))))
                .replaceWith(offer);
    }

    /** The case waits; a wait that starts now is announced once, and later sweeps only refresh why. */
    private Uni<Void> await(CaseAssignment assignment, int considered, long declined) {
        assignment.status = AssignmentStatus.AWAITING_REVIEWER;
        assignment.reviewerId = null;
        assignment.acceptedAt = null;
        assignment.waitingBecause = "no eligible reviewer: " + considered + " considered, " + declined + " declined";
        if (assignment.waitingSince != null) {
            return Uni.createFrom().voidItem();
        }
        assignment.waitingSince = clock.instant();
        LOG.warnf("No eligible reviewer for case %s; it waits", assignment.caseNumber);
        return outbox.append(EventType.NO_REVIEWER_AVAILABLE, assignment.caseNumber, new NoReviewerAvailable(
                assignment.caseNumber, assignment.waitingSince, considered, (int) declined));
    }

    /** The day in California: qualifications are held or not by the day. */
    private LocalDate today() {
        return LocalDate.now(clock.withZone(ReviewerMatcher.CALIFORNIA));
    }

    private static Uni<List<ReviewerLoad>> roster() {
        return ReviewerEntity.<ReviewerEntity>listAll()
                .chain(reviewers -> CaseAssignment.openCasesByReviewer()
                        .chain(open -> AssignmentOffer.lastOfferedAt()
                                .map(last -> reviewers.stream()
                                        .map(r -> new ReviewerLoad(r.toDomain(), open.getOrDefault(r.id, 0L), last.get(r.id)))
                                        .toList())));
    }

    static CaseToAssign toAssign(CaseReceived received) {
        CaseReceived.Parties p = received.parties();
        Set<PartyId> parties = Stream.concat(Stream.of(
                                PartyId.of(PartyId.Kind.EMPLOYER, p.employerId()),
                                PartyId.of(PartyId.Kind.CLAIMS_ADMINISTRATOR, received.claimsAdministratorOrg()),
                                PartyId.of(PartyId.Kind.PROVIDER, p.requestingPhysicianNpi()),
                                PartyId.of(PartyId.Kind.MEDICAL_GROUP, p.requestingPhysicianMedicalGroupId()),
                                PartyId.of(PartyId.Kind.LAW_FIRM, p.representativeFirmId()),
                                PartyId.of(PartyId.Kind.UR_ORGANIZATION, p.urOrganizationId()),
                                PartyId.of(PartyId.Kind.CLAIM, received.claimNumber())),
                        received.disputedItems().stream().map(item -> PartyId.of(PartyId.Kind.MANUFACTURER, item.manufacturerId())))
                .flatMap(Optional::stream)
                .collect(Collectors.toSet());
        List<CaseToAssign.Item> items = received.disputedItems().stream()
                .map(item -> new CaseToAssign.Item(item.itemNumber(), item.category(), item.icd10Code()))
                .toList();
        return new CaseToAssign(received.caseNumber(), items, parties);
    }

    private String toJson(CaseReceived received) {
        try {
            return json.writeValueAsString(received);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private CaseReceived fromJson(String stored) {
        try {
            return json.readValue(stored, CaseReceived.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored case-received is unreadable", e);
        }
    }
}
