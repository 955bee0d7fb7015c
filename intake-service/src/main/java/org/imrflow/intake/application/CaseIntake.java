package org.imrflow.intake.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imrflow.http.WriteConflicts;
import org.imrflow.intake.domain.ApplicationFingerprint;
import org.imrflow.intake.domain.DuplicateApplicationException;
import org.imrflow.intake.domain.EligibilityScreen;
import org.imrflow.intake.domain.IdempotencyKeyReusedException;
import org.imrflow.intake.domain.ScreeningFacts;
import org.imrflow.intake.domain.CaseStatus;
import org.imrflow.intake.messaging.CaseAnnouncements;
import org.imrflow.intake.store.CaseRegistry;
import org.imrflow.intake.store.IdempotencyRecord;
import org.imrflow.intake.store.ImrCase;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

/**
 * Takes an application in, once: screens, numbers, stores and announces it in one transaction. A retry with the
 * same Idempotency-Key gets the case the first attempt made; the same dispute filed again is refused.
 */
@ApplicationScoped
public class CaseIntake {
    private static final Logger LOG = Logger.getLogger(CaseIntake.class);

    private final EligibilityScreen screen;
    private final ZoneId zone;
    private final CaseRegistry registry;
    private final CaseAnnouncements announcements;
    private final CaseLifecycle lifecycle;
    private final Clock clock;

    CaseIntake(EligibilityScreen screen, @ConfigProperty(name = "imrflow.intake.time-zone") ZoneId zone,
               CaseRegistry registry, CaseAnnouncements announcements, CaseLifecycle lifecycle, Clock clock) {
        this.screen = screen;
        this.zone = zone;
        this.registry = registry;
        this.announcements = announcements;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /** The case an application made, and whether this answer repeats an earlier one for the same key. */
    public record Submitted(ImrCase imrCase, boolean replayed) {
    }

    /** An Idempotency-Key with the hash of the request it came with. */
    public record IdempotencyKey(String key, String requestHash) {
    }

    /**
     * @param application builds the case afresh for each attempt: a concurrent twin may make the first attempt lose
     *                    its unique key, and the second then finds the twin's case
     * @param key         null without an Idempotency-Key
     */
    public Uni<Submitted> submit(Supplier<ImrCase> application, IdempotencyKey key) {
        return Panache.withTransaction(() -> attempt(application.get(), key))
                .onFailure(failure -> lostToATwin(failure, key)).recoverWithUni(() -> {
                    LOG.debug("A concurrent twin of this application won; answering with its case");
                    return Panache.withTransaction(() -> attempt(application.get(), key));
                });
    }

    /**
     * A twin that commits between our key lookup and our insert shows as a unique violation, or, with a key, as
     * the "same application" the twin just stored; looking again finds the twin's key.
     */
    private static boolean lostToATwin(Throwable failure, IdempotencyKey key) {
        return WriteConflicts.isUniqueViolation(failure)
                || (key != null && failure instanceof DuplicateApplicationException);
    }

    private Uni<Submitted> attempt(ImrCase received, IdempotencyKey key) {
        Uni<IdempotencyRecord> earlier = key == null ? Uni.createFrom().nullItem() : IdempotencyRecord.findById(key.key());
        return earlier.chain(record -> {
            if (record != null) {
                if (!record.requestHash.equals(key.requestHash())) {
                    return Uni.createFrom().failure(new IdempotencyKeyReusedException());
                }
                return ImrCase.findByCaseNumber(record.caseNumber).map(existing -> new Submitted(existing, true));
            }
            return register(received, key);
        });
    }

    private Uni<Submitted> register(ImrCase received, IdempotencyKey key) {
        received.applicationFingerprint = ApplicationFingerprint.of(received.claimsAdministratorOrg, received.claimNumber, received.urDecisionDate,
                received.disputedItems.stream().map(item -> item.description).toList());
        // Earlier reviews are read before the duplicate check: a twin committed in between is then seen as the
        // duplicate it is (409), never screened as an earlier review of the same treatment.
        return ImrCase.earlierReviews(received.claimsAdministratorOrg, received.claimNumber)
                .call(earlier -> ImrCase.findByFingerprint(received.applicationFingerprint).invoke(existing -> {
                    if (existing != null) {
                        throw new DuplicateApplicationException(existing.caseNumber);
                    }
                }))
                .chain(earlier -> registry.register(received, screen.screen(facts(received, earlier)), zone))
                .call(stored -> stored.status == CaseStatus.RECEIVED ? lifecycle.open(stored) : Uni.createFrom().voidItem())
                .call(announcements::announce)
                .call(stored -> key == null ? Uni.createFrom().voidItem() : remember(key, stored))
                .map(stored -> new Submitted(stored, false));
    }

    private static ScreeningFacts facts(ImrCase received, List<ScreeningFacts.EarlierReview> earlier) {
        return new ScreeningFacts(received.applicationReceivedDate, received.urDecisionServedDate,
                received.urServiceMethod, received.formularyDispute, received.urDecisionType, received.urDecisionAttached,
                received.applicationSignedDate == null ? null : received.applicationSignedBy, received.liabilityDisputed,
                received.eligibleDespiteLiability, received.disputedItems.stream().map(item -> item.description).toList(),
                earlier);
    }

    private Uni<Void> remember(IdempotencyKey key, ImrCase stored) {
        IdempotencyRecord record = new IdempotencyRecord();
        record.key = key.key();
        record.requestHash = key.requestHash();
        record.caseNumber = stored.caseNumber;
        record.createdAt = clock.instant();
        return record.persist().replaceWithVoid();
    }
}
