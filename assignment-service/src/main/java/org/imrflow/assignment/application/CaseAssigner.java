package org.imrflow.assignment.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imrflow.assignment.domain.CaseToAssign;
import org.imrflow.assignment.domain.PartyId;
import org.imrflow.assignment.domain.Reviewer;
import org.imrflow.assignment.domain.ReviewerLoad;
import org.imrflow.assignment.domain.ReviewerMatcher;
import org.imrflow.assignment.store.AssignmentStatus;
import org.imrflow.assignment.store.CaseAssignment;
import org.imrflow.assignment.store.EarlyWithdrawal;
import org.imrflow.assignment.store.ReviewerEntity;
import org.imrflow.events.CaseReceived;
import org.imrflow.events.CaseWithdrawn;
import org.imrflow.events.DecisionRecorded;
import org.imrflow.events.EventType;
import org.imrflow.events.ReviewerAssigned;
import org.imrflow.events.ReviewerQualifications;
import org.imrflow.events.inbox.EventRejectedException;
import org.imrflow.events.outbox.Outbox;
import org.imrflow.http.WriteConflicts;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Assigns cases to reviewers: on case-received (in the inbox's transaction), and by a sweep of waiting cases when the
 * roster changes and on a timer (each case in its own transaction). reviewer-assigned goes out through the outbox in
 * the transaction that assigns; the case's version makes sure one case is assigned once, whoever races for it.
 */
@ApplicationScoped
public class CaseAssigner {
    private static final Logger LOG = Logger.getLogger(CaseAssigner.class);

    private final ReviewerMatcher matcher = new ReviewerMatcher();
    private final int sweepBatch;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;

    CaseAssigner(@ConfigProperty(name = "imrflow.assignment.sweep-batch", defaultValue = "200") int sweepBatch,
                 Outbox outbox, ObjectMapper json, Clock clock) {
        this.sweepBatch = sweepBatch;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A new case off the stream, in the inbox's transaction. Stored even when no reviewer fits, to be assigned later;
     * stored as withdrawn, and never assigned, when its withdrawal came first.
     */
    public Uni<CaseAssignment> receive(CaseReceived received) {
        CaseAssignment assignment = new CaseAssignment();
        assignment.caseNumber = received.caseNumber();
        assignment.status = AssignmentStatus.AWAITING_REVIEWER;
        assignment.reviewType = received.reviewType();
        assignment.requestedSpecialty = received.parties().requestingPhysicianSpecialty();
        assignment.receivedAt = received.receivedAt();
        assignment.caseReceived = toJson(received);
        return CaseAssignment.lock(received.caseNumber())
                .chain(() -> EarlyWithdrawal.<EarlyWithdrawal>findById(received.caseNumber()))
                .chain(withdrawal -> {
                    if (withdrawal != null) {
                        assignment.status = AssignmentStatus.WITHDRAWN;
                        assignment.withdrawnAt = withdrawal.withdrawnAt;
                        LOG.infof("Case %s arrived already withdrawn; it is not assigned", assignment.caseNumber);
                        return assignment.persist();
                    }
                    return assignment.<CaseAssignment>persist().chain(stored -> tryAssign(stored, received));
                });
    }

    /**
     * The claims administrator authorized the treatment, in the inbox's transaction: a case not yet decided is
     * withdrawn, so it leaves its reviewer's load or is never assigned. A case not received yet is remembered.
     */
    public Uni<Void> withdraw(CaseWithdrawn withdrawal) {
        String caseNumber = withdrawal.caseNumber();
        return CaseAssignment.lock(caseNumber)
                .chain(() -> CaseAssignment.findByCaseNumber(caseNumber))
                .chain(assignment -> {
                    if (assignment == null) {
                        return rememberEarly(withdrawal);
                    }
                    if (assignment.status.open()) {
                        assignment.status = AssignmentStatus.WITHDRAWN;
                        assignment.withdrawnAt = withdrawal.withdrawnAt();
                        LOG.infof("Case %s withdrawn", caseNumber);
                    }
                    return Uni.createFrom().voidItem();
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
            LOG.infof("Case %s withdrawn before it arrived here; it will not be assigned", early.caseNumber);
            return early.persist().replaceWithVoid();
        });
    }

    /**
     * The reviewer recorded the determination, in the inbox's transaction: the case leaves their desk and no longer
     * counts toward their load.
     */
    public Uni<Void> close(DecisionRecorded decision) {
        return CaseAssignment.findByCaseNumber(decision.caseNumber()).chain(assignment -> {
            if (assignment == null || assignment.status == AssignmentStatus.AWAITING_REVIEWER) {
                throw new EventRejectedException("Case " + decision.caseNumber() + " was decided but never assigned here");
            }
            if (assignment.status == AssignmentStatus.ASSIGNED) {
                assignment.status = AssignmentStatus.DECIDED;
                assignment.decidedAt = decision.decidedAt();
                LOG.infof("Case %s decided; off the reviewer's desk", assignment.caseNumber);
            }
            return Uni.createFrom().voidItem();
        });
    }

    /**
     * Gives waiting cases, oldest first, a chance at the current roster: after a roster change and on a timer, so a
     * case that arrived while the roster changed is not forgotten. Each case is assigned in a transaction of its own;
     * one that someone else assigned meanwhile (its version moved on) is left to them.
     *
     * @return how many cases were assigned
     */
    public Uni<Integer> sweep() {
        return Panache.withSession(() -> CaseAssignment.awaitingReviewer(sweepBatch))
                .chain(waiting -> Multi.createFrom().iterable(waiting)
                        .onItem().transformToUniAndConcatenate(caseNumber -> Panache.withTransaction(() -> assignIfWaiting(caseNumber))
                                .onFailure(WriteConflicts::isConflict).recoverWithItem(() -> {
                                    LOG.debugf("Case %s was assigned concurrently; the sweep leaves it", caseNumber);
                                    return false;
                                }))
                        .collect().asList()
                        .map(assigned -> (int) assigned.stream().filter(Boolean::booleanValue).count()));
    }

    private Uni<Boolean> assignIfWaiting(String caseNumber) {
        return CaseAssignment.findByCaseNumber(caseNumber).chain(assignment -> {
            if (assignment == null || assignment.status != AssignmentStatus.AWAITING_REVIEWER) {
                return Uni.createFrom().item(false);
            }
            return tryAssign(assignment, fromJson(assignment.caseReceived))
                    .map(tried -> tried.status == AssignmentStatus.ASSIGNED);
        });
    }

    private Uni<CaseAssignment> tryAssign(CaseAssignment assignment, CaseReceived received) {
        return roster().chain(roster -> {
            Optional<Reviewer> chosen = matcher.choose(toAssign(received), roster);
            if (chosen.isEmpty()) {
                LOG.warnf("No qualified, conflict-free %s reviewer for case %s; it waits", assignment.requestedSpecialty,
                        assignment.caseNumber);
                return Uni.createFrom().item(assignment);
            }
            Reviewer reviewer = chosen.get();
            assignment.status = AssignmentStatus.ASSIGNED;
            assignment.reviewerId = reviewer.id();
            assignment.assignedAt = clock.instant();
            LOG.infof("Case %s assigned", assignment.caseNumber);
            // No due date: the determination's clock starts when the records are complete, which intake tells.
            return outbox.append(EventType.REVIEWER_ASSIGNED, assignment.caseNumber, new ReviewerAssigned(
                            assignment.caseNumber, reviewer.id(),
                            new ReviewerQualifications(reviewer.specialty(), reviewer.boardCertification()),
                            assignment.assignedAt, received.reviewType(), null,
                            received.claimsAdministratorGuideline(), received.disputedItems()))
                    .replaceWith(assignment);
        });
    }

    private static Uni<List<ReviewerLoad>> roster() {
        return ReviewerEntity.<ReviewerEntity>listAll().chain(reviewers -> CaseAssignment.openCasesByReviewer()
                .map(open -> reviewers.stream()
                        .map(r -> new ReviewerLoad(r.toDomain(), open.getOrDefault(r.id, 0L)))
                        .toList()));
    }

    static CaseToAssign toAssign(CaseReceived received) {
        CaseReceived.Parties p = received.parties();
        Set<PartyId> parties = Stream.of(
                        PartyId.of(PartyId.Kind.EMPLOYER, p.employerId()),
                        PartyId.of(PartyId.Kind.CLAIMS_ADMINISTRATOR, received.claimsAdministratorOrg()),
                        PartyId.of(PartyId.Kind.PROVIDER, p.requestingPhysicianNpi()),
                        PartyId.of(PartyId.Kind.LAW_FIRM, p.representativeFirmId()),
                        PartyId.of(PartyId.Kind.UR_ORGANIZATION, p.urOrganizationId()),
                        PartyId.of(PartyId.Kind.CLAIM, received.claimNumber()))
                .flatMap(Optional::stream)
                .collect(Collectors.toSet());
        return new CaseToAssign(received.caseNumber(), p.requestingPhysicianSpecialty(), parties);
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
