package org.imrflow.review.application;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imrflow.events.CaseWithdrawn;
import org.imrflow.events.ClaimsAdministratorGuideline;
import org.imrflow.events.DecisionRecorded;
import org.imrflow.events.DisputedItem;
import org.imrflow.events.EventType;
import org.imrflow.events.outbox.Outbox;
import org.imrflow.events.timer.DurableTimers;
import org.imrflow.events.tracing.Spans;
import org.imrflow.letters.DeterminationLetter;
import org.imrflow.review.domain.DeskNoticeKind;
import org.imrflow.review.domain.DeterminationRejectedException;
import org.imrflow.review.domain.DeterminationRules;
import org.imrflow.review.domain.ItemDecisionDraft;
import org.imrflow.review.domain.ReviewStatus;
import org.imrflow.review.domain.RuleViolation;
import org.imrflow.review.store.CaseFile;
import org.imrflow.review.store.DeskNotices;
import org.imrflow.review.store.ItemDecisionRow;
import org.imrflow.review.store.Review;
import org.imrflow.review.store.ReviewDraft;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reviewer's desk: ends reviews when cases are withdrawn (in the inbox's transaction), and records determinations
 * (in a transaction of its own) once the reviewer accepted the case and the records allow; and previews the letter a
 * determination would give. Both build the one decision-recorded from the request, so the preview is the letter.
 * decision-recorded goes out through the outbox in the transaction that records the decision, and the review's version
 * makes sure only one determination of a case ever commits, and none after a withdrawal.
 */
@ApplicationScoped
public class ReviewDesk {
    private static final Logger LOG = Logger.getLogger(ReviewDesk.class);

    private final Outbox outbox;
    private final DurableTimers timers;
    private final DeskNotices notices;
    private final Clock clock;
    private final Tracer tracer;
    private final DeterminationLetter letter;
    private final ZoneId zone;

    ReviewDesk(Outbox outbox, DurableTimers timers, DeskNotices notices, Clock clock, Tracer tracer,
               @ConfigProperty(name = "imrflow.imro-name") String imroName,
               @ConfigProperty(name = "imrflow.review.time-zone", defaultValue = "America/Los_Angeles") ZoneId zone) {
        this.outbox = outbox;
        this.timers = timers;
        this.notices = notices;
        this.clock = clock;
        this.tracer = tracer;
        this.letter = new DeterminationLetter(imroName);
        this.zone = zone;
    }

    /** The preview's templates load at start-up, on the main thread, not on the event loop that previews first. */
    void loadLetterTemplates(@Observes StartupEvent startup) {
        DeterminationLetter.loadTemplates();
    }

    /**
     * The claims administrator authorized the treatment, in the inbox's transaction: the case file remembers it, and a
     * review not yet decided ends without a determination; its open offer and its draft with it. A decided one stays
     * decided.
     */
    public Uni<Void> withdraw(CaseWithdrawn withdrawal) {
        String caseNumber = withdrawal.caseNumber();
        return CaseFile.held(caseNumber).chain(file -> {
            if (file.withdrawnAt == null) {
                file.withdrawnAt = withdrawal.withdrawnAt();
            }
            return Review.<Review>findById(caseNumber).chain(review -> {
                if (review == null || review.status.ended()) {
                    return Uni.createFrom().voidItem();
                }
                boolean onDesk = review.status.onDesk();
                review.status = ReviewStatus.WITHDRAWN;
                review.withdrawnAt = file.withdrawnAt;
                LOG.infof("Case %s withdrawn; off the reviewer's desk", caseNumber);
                return timers.cancel(caseNumber, List.of(Offers.EXPIRY))
                        .chain(() -> ReviewDraft.discard(caseNumber))
                        .chain(() -> onDesk ? notices.append(review.reviewerId, caseNumber, DeskNoticeKind.CASE_WITHDRAWN)
                                : Uni.createFrom().voidItem());
            });
        });
    }

    /**
     * Records the determination on every disputed item, or refuses it whole. Null when the case has no review; only
     * the reviewer who accepted it decides (anyone else: {@link org.imrflow.review.domain.NotAcceptedException}).
     *
     * @param reviewerId the reviewer deciding, as signed in
     * @param decisions  the reviewer's decisions, given the guideline UR cited (the default for each decision)
     */
    public Uni<Review> decide(String caseNumber, String reviewerId, String clinicalCaseSummary,
                              Function<ClaimsAdministratorGuideline, List<ItemDecisionDraft>> decisions) {
        return Panache.withTransaction(() -> Review.<Review>findById(caseNumber)
                .onItem().ifNotNull()
                .transformToUni(review -> CaseFile.<CaseFile>findById(caseNumber).chain(file ->
                        Spans.within(recording(review), () -> {
                            List<ItemDecisionDraft> drafts = decisions.apply(review.urGuideline());
                            return record(review, file, drafts, determination(review, reviewerId, file,
                                    clinicalCaseSummary, drafts, clock.instant()));
                        }))));
    }

    /**
     * The Final Determination letter the determination would give, dated today in California, exactly as notification
     * will issue it; refused as the determination would be, and nothing is written. Null when the case has no review.
     */
    public Uni<String> preview(String caseNumber, String reviewerId, String clinicalCaseSummary,
                               Function<ClaimsAdministratorGuideline, List<ItemDecisionDraft>> decisions) {
        return Review.<Review>findById(caseNumber)
                .onItem().ifNotNull()
                .transformToUni(review -> CaseFile.<CaseFile>findById(caseNumber).map(file -> {
                    Instant now = clock.instant();
                    DecisionRecorded decision = determination(review, reviewerId, file, clinicalCaseSummary,
                            decisions.apply(review.urGuideline()), now);
                    return letter.compose(decision, now.atZone(zone).toLocalDate());
                }));
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

    /**
     * The decision-recorded a determination makes, or the refusal of it: only from the reviewer who accepted the case,
     * not decided or withdrawn, its records complete or past their deadline, every item decided once and by the
     * evidence hierarchy.
     *
     * @param file the case's file, null when no event of intake's reached review yet
     */
    private static DecisionRecorded determination(Review review, String reviewerId, CaseFile file, String clinicalCaseSummary,
                                                  List<ItemDecisionDraft> decisions, Instant decidedAt) {
        review.position().requireWorksheetOf(reviewerId, review.caseNumber);
        CaseFile.readinessOf(file).requireDetermination(review.caseNumber, false);
        List<DisputedItem> disputed = review.items();
        List<RuleViolation> violations = DeterminationRules.check(disputed, decisions);
        if (!violations.isEmpty()) {
            throw new DeterminationRejectedException(violations);
        }
        Map<Integer, DisputedItem> items = disputed.stream()
                .collect(Collectors.toMap(DisputedItem::itemNumber, Function.identity()));
        // The records are complete or past their deadline, so the clock has started and the file has the due date.
        return new DecisionRecorded(review.caseNumber, review.reviewerId, review.qualifications(), decidedAt,
                file.determinationDueDate, clinicalCaseSummary,
                decisions.stream().sorted(Comparator.comparingInt(ItemDecisionDraft::itemNumber))
                        .map(d -> new DecisionRecorded.ItemDecision(d.itemNumber(), items.get(d.itemNumber()).description(),
                                items.get(d.itemNumber()).category(), d.outcome(), d.claimsAdministratorGuideline(),
                                d.reviewerGuideline(), d.rationale()))
                        .toList());
    }

    /** @param decisions the decisions {@code decision} was made of, with the reasons it does not carry */
    private Uni<Review> record(Review review, CaseFile file, List<ItemDecisionDraft> decisions, DecisionRecorded decision) {
        review.status = ReviewStatus.DECIDED;
        review.clinicalCaseSummary = decision.clinicalCaseSummary();
        review.decidedAt = decision.decidedAt();
        // records coming later change nothing
        review.decidedWithoutCompleteRecords = CaseFile.readinessOf(file).withoutCompleteRecords();
        review.decisions.clear();
        decisions.stream()
                .sorted(Comparator.comparingInt(ItemDecisionDraft::itemNumber))
                .map(ItemDecisionRow::of)
                .forEach(review.decisions::add);
        LOG.infof("Case %s decided on %d item(s)", review.caseNumber, decision.decisions().size());
        return outbox.append(EventType.DECISION_RECORDED, review.caseNumber, decision)
                .chain(() -> ReviewDraft.discard(review.caseNumber))
                .chain(() -> notices.append(review.reviewerId, review.caseNumber, DeskNoticeKind.DECIDED))
                .replaceWith(review);
    }
}
