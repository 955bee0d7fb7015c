package org.imrflow.review.application;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
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
import org.imrflow.review.domain.RuleViolation;
import org.imrflow.review.store.ItemDecisionRow;
import org.imrflow.review.store.Review;
import org.imrflow.review.store.ReviewItemRow;
import org.imrflow.review.store.ReviewStatus;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reviewer's desk: opens reviews when reviewers are assigned (in the inbox's transaction), and records
 * determinations (in a transaction of its own). decision-recorded goes out through the outbox in the transaction that
 * records the decision, and the review's version makes sure only one determination of a case ever commits.
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

    /** A reviewer was assigned: open the review, or hand a pending one to the new reviewer. */
    public Uni<Review> open(ReviewerAssigned assigned) {
        return Review.<Review>findById(assigned.caseNumber()).chain(existing -> {
            if (existing != null && existing.status == ReviewStatus.DECIDED) {
                LOG.warnf("Case %s is already decided; the new assignment is ignored", assigned.caseNumber());
                return Uni.createFrom().item(existing);
            }
            Review review = existing != null ? existing : new Review();
            review.caseNumber = assigned.caseNumber();
            review.reviewerId = assigned.reviewerId();
            review.status = ReviewStatus.PENDING;
            review.reviewType = assigned.reviewType();
            review.reviewerSpecialty = assigned.qualifications().specialty();
            review.reviewerBoardCertification = assigned.qualifications().boardCertification();
            review.assignedAt = assigned.assignedAt();
            review.determinationDueDate = assigned.determinationDueDate();
            review.urGuidelineBasedOnMtus = assigned.claimsAdministratorGuideline().basedOnMtus();
            review.urGuidelineCitation = assigned.claimsAdministratorGuideline().citation();
            review.disputedItems.clear();
            assigned.disputedItems().stream().map(ReviewItemRow::of).forEach(review.disputedItems::add);
            review.caseTrace = TraceParent.current().orElse(null); // the inbox's span, in the case's trace
            return review.<Review>persist();
        });
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
                .transformToUni(review -> Spans.within(recording(review),
                        () -> decide(review, clinicalCaseSummary, decisions.apply(review.urGuideline())))));
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

    private Uni<Review> decide(Review review, String clinicalCaseSummary, List<ItemDecisionDraft> decisions) {
        if (review.status == ReviewStatus.DECIDED) {
            throw new AlreadyDecidedException(review.caseNumber);
        }
        List<DisputedItem> disputed = review.items();
        List<RuleViolation> violations = DeterminationRules.check(disputed, decisions);
        if (!violations.isEmpty()) {
            throw new DeterminationRejectedException(violations);
        }
        review.status = ReviewStatus.DECIDED;
        review.clinicalCaseSummary = clinicalCaseSummary;
        review.decidedAt = clock.instant();
        review.decisions.clear();
        decisions.stream()
                .sorted(Comparator.comparingInt(ItemDecisionDraft::itemNumber))
                .map(ItemDecisionRow::of)
                .forEach(review.decisions::add);
        LOG.infof("Case %s decided on %d item(s)", review.caseNumber, decisions.size());
        return outbox.append(EventType.DECISION_RECORDED, review.caseNumber, decisionRecorded(review, disputed))
                .replaceWith(review);
    }

    private static DecisionRecorded decisionRecorded(Review review, List<DisputedItem> disputed) {
        Map<Integer, DisputedItem> items = disputed.stream()
                .collect(Collectors.toMap(DisputedItem::itemNumber, Function.identity()));
        return new DecisionRecorded(review.caseNumber, review.reviewerId, review.qualifications(), review.decidedAt,
                review.determinationDueDate, review.clinicalCaseSummary,
                review.decisions.stream().map(d -> new DecisionRecorded.ItemDecision(d.itemNumber,
                        items.get(d.itemNumber).description(), items.get(d.itemNumber).category(), d.outcome,
                        d.claimsAdministratorGuideline(), d.reviewerGuideline(), d.rationale)).toList());
    }
}
