package org.imrflow.review.application;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.imrflow.events.CaseWithdrawn;
import org.imrflow.events.ClaimsAdministratorGuideline;
import org.imrflow.events.DecisionRecorded;
import org.imrflow.events.DisputedItem;
import org.imrflow.events.EventType;
import org.imrflow.events.ReviewerAssigned;
import org.imrflow.events.outbox.Outbox;
import org.imrflow.events.tracing.Spans;
import org.imrflow.events.tracing.TraceParent;
import org.imrflow.review.domain.AlreadyDecidedException;
import org.imrflow.review.domain.DeterminationRejectedException;
import org.imrflow.review.domain.DeterminationRules;
import org.imrflow.review.domain.ItemDecisionDraft;
import org.imrflow.review.domain.RecordsReadiness;
import org.imrflow.review.domain.RuleViolation;
import org.imrflow.review.store.CaseFile;
import org.imrflow.review.store.ItemDecisionRow;
import org.imrflow.review.store.Review;
import org.imrflow.review.store.ReviewItemRow;
import org.imrflow.review.store.ReviewStatus;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reviewer's desk: opens reviews when reviewers are assigned and ends them when cases are withdrawn (in the
 * inbox's transaction), and records determinations (in a transaction of its own) once the records allow.
 * decision-recorded goes out through the outbox in the transaction that records the decision, and the review's version
 * makes sure only one determination of a case ever commits, and none after a withdrawal.
 */
@ApplicationScoped
public class ReviewDesk {
    private static final Logger LOG = Logger.getLogger(ReviewDesk.class);

    private final Outbox outbox;
    private final Clock clock;
    private final Tracer tracer;

    ReviewDesk(Outbox outbox, Clock clock, Tracer tracer) {
        this.outbox = outbox;
        this.clock = clock;
        this.tracer = tracer;
    }

    /**
     * A reviewer was assigned: open the review, or hand a pending one to the new reviewer. A case withdrawn before
     * its assignment came opens withdrawn.
     */
    public Uni<Review> open(ReviewerAssigned assigned) {
        String caseNumber = assigned.caseNumber();
        return CaseFile.held(caseNumber).chain(file -> Review.<Review>findById(caseNumber).chain(existing -> {
            if (existing != null && existing.status != ReviewStatus.PENDING) {
                LOG.warnf("Case %s is already %s; the new assignment is ignored", caseNumber, existing.status);
                return Uni.createFrom().item(existing);
            }
            Review review = existing != null ? existing : new Review();
            review.caseNumber = caseNumber;
            review.reviewerId = assigned.reviewerId();
            review.status = ReviewStatus.PENDING;
            review.reviewType = assigned.reviewType();
            review.reviewerSpecialty = assigned.qualifications().specialty();
            review.reviewerBoardCertification = assigned.qualifications().boardCertification();
            review.assignedAt = assigned.assignedAt();
            review.urGuidelineBasedOnMtus = assigned.claimsAdministratorGuideline().basedOnMtus();
            review.urGuidelineCitation = assigned.claimsAdministratorGuideline().citation();
            review.disputedItems.clear();
            assigned.disputedItems().stream().map(ReviewItemRow::of).forEach(review.disputedItems::add);
            review.caseTrace = TraceParent.current().orElse(null); // the inbox's span, in the case's trace
            if (file.withdrawnAt != null) {
                review.status = ReviewStatus.WITHDRAWN;
                review.withdrawnAt = file.withdrawnAt;
                LOG.infof("Case %s was withdrawn before its assignment came; it opens withdrawn", review.caseNumber);
            }
            return review.<Review>persist();
        }));
    }

    /**
     * The claims administrator authorized the treatment, in the inbox's transaction: the case file remembers it, and a
     * pending review ends without a determination. A decided one stays decided.
     */
    public Uni<Void> withdraw(CaseWithdrawn withdrawal) {
        return CaseFile.held(withdrawal.caseNumber()).chain(file -> {
            if (file.withdrawnAt == null) {
                file.withdrawnAt = withdrawal.withdrawnAt();
            }
            return Review.<Review>findById(withdrawal.caseNumber()).invoke(review -> {
                if (review != null && review.status == ReviewStatus.PENDING) {
                    review.status = ReviewStatus.WITHDRAWN;
                    review.withdrawnAt = file.withdrawnAt;
                    LOG.infof("Case %s withdrawn; off the reviewer's desk", review.caseNumber);
                }
            });
        }).replaceWithVoid();
    }

    /**
     * Records the determination on every disputed item, or refuses it whole. Null when the case has no review, or
     * its review is another reviewer's: only the assigned reviewer decides.
     *
     * @param reviewerId the reviewer deciding, as signed in
     * @param decisions  the reviewer's decisions, given the guideline UR cited (the default for each decision)
     */
    public Uni<Review> decide(String caseNumber, String reviewerId, String clinicalCaseSummary,
                              Function<ClaimsAdministratorGuideline, List<ItemDecisionDraft>> decisions) {
        return Panache.withTransaction(() -> Review.<Review>findById(caseNumber)
                .map(review -> review != null && review.reviewerId.equals(reviewerId) ? review : null)
                .onItem().ifNotNull()
                .transformToUni(review -> CaseFile.<CaseFile>findById(caseNumber).chain(file ->
                        Spans.within(recording(review),
                                () -> decide(review, file, clinicalCaseSummary, decisions.apply(review.urGuideline()))))));
    }

    /**
     * The span of recording a determination. The reviewer's request starts a trace of its own, but the decision, and
     * the letter it leads to, belong to the case: so this span continues the case's trace (the one the reviewer was
     * assigned in, kept with the review), and it and the request's span link to each other.
     */
    private Span recording(Review review) {
        Span request = Span.current();
        SpanBuilder recording = tracer.spanBuilder("record determination")
                .addLink(request.getSpanContext())
                .setAttribute("imrflow.case_number", review.caseNumber);
        if (review.caseTrace != null) {
            recording.setParent(review.caseTrace.context());
        }
        Span span = recording.startSpan();
        request.addLink(span.getSpanContext());
        return span;
    }

    /** @param file the case's file, null when no event of intake's reached review yet */
    private Uni<Review> decide(Review review, CaseFile file, String clinicalCaseSummary, List<ItemDecisionDraft> decisions) {
        if (review.status == ReviewStatus.DECIDED) {
            throw new AlreadyDecidedException(review.caseNumber);
        }
        RecordsReadiness records = CaseFile.readinessOf(file);
        records.requireDetermination(review.caseNumber, review.status == ReviewStatus.WITHDRAWN);
        List<DisputedItem> disputed = review.items();
        List<RuleViolation> violations = DeterminationRules.check(disputed, decisions);
        if (!violations.isEmpty()) {
            throw new DeterminationRejectedException(violations);
        }
        review.status = ReviewStatus.DECIDED;
        review.clinicalCaseSummary = clinicalCaseSummary;
        review.decidedAt = clock.instant();
        review.decidedWithoutCompleteRecords = records.withoutCompleteRecords(); // records coming later change nothing
        review.decisions.clear();
        decisions.stream()
                .sorted(Comparator.comparingInt(ItemDecisionDraft::itemNumber))
                .map(ItemDecisionRow::of)
                .forEach(review.decisions::add);
        LOG.infof("Case %s decided on %d item(s)", review.caseNumber, decisions.size());
        // The records are complete or past their deadline, so the clock has started and the file has the due date.
        return outbox.append(EventType.DECISION_RECORDED, review.caseNumber,
                        decisionRecorded(review, disputed, file.determinationDueDate))
                .replaceWith(review);
    }

    private static DecisionRecorded decisionRecorded(Review review, List<DisputedItem> disputed, LocalDate dueDate) {
        Map<Integer, DisputedItem> items = disputed.stream()
                .collect(Collectors.toMap(DisputedItem::itemNumber, Function.identity()));
        return new DecisionRecorded(review.caseNumber, review.reviewerId, review.qualifications(), review.decidedAt,
                dueDate, review.clinicalCaseSummary,
                review.decisions.stream().map(d -> new DecisionRecorded.ItemDecision(d.itemNumber,
                        items.get(d.itemNumber).description(), items.get(d.itemNumber).category(), d.outcome,
                        d.claimsAdministratorGuideline(), d.reviewerGuideline(), d.rationale)).toList());
    }
}
