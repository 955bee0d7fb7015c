package org.imrflow.review.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;
import org.imrflow.events.DecisionRecorded;
import org.imrflow.events.DisputedItem;
import org.imrflow.events.EventType;
import org.imrflow.events.ReviewerAssigned;
import org.imrflow.events.outbox.Outbox;
import org.imrflow.http.FieldError;
import org.imrflow.http.InvalidRequestException;
import org.imrflow.review.domain.DeterminationRules;
import org.imrflow.review.domain.ItemDecisionDraft;
import org.imrflow.review.domain.RuleViolation;
import org.imrflow.review.store.ItemDecisionRow;
import org.imrflow.review.store.Review;
import org.imrflow.review.store.ReviewStatus;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Opens reviews when reviewers are assigned, and records determinations. Each call runs in the caller's transaction;
 * decision-recorded goes out through the outbox in that same transaction.
 */
@ApplicationScoped
public class ReviewDesk {
    private static final Logger LOG = Logger.getLogger(ReviewDesk.class);
    private static final TypeReference<List<DisputedItem>> ITEMS = new TypeReference<>() {
    };

    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;

    ReviewDesk(Outbox outbox, ObjectMapper json, Clock clock) {
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
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
            review.disputedItems = toJson(assigned.disputedItems());
            return review.<Review>persist();
        });
    }

    /** Records the determination on every disputed item, or refuses it whole. */
    public Uni<Review> decide(Review review, String clinicalCaseSummary, List<ItemDecisionDraft> decisions) {
        if (review.status == ReviewStatus.DECIDED) {
            throw new ClientErrorException("Case " + review.caseNumber + " is already decided", Response.Status.CONFLICT);
        }
        List<DisputedItem> disputed = disputedItems(review);
        List<RuleViolation> violations = DeterminationRules.check(disputed, decisions);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations.stream().map(v -> new FieldError(v.field(), v.message())).toList());
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

    public List<DisputedItem> disputedItems(Review review) {
        try {
            return json.readValue(review.disputedItems, ITEMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored disputed items of " + review.caseNumber + " are unreadable", e);
        }
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

    private String toJson(List<DisputedItem> items) {
        try {
            return json.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
