package org.imrflow.review.domain;

import org.imrflow.events.ClaimsAdministratorGuideline;
import org.imrflow.events.DisputedItem;
import org.imrflow.events.EvidenceLevel;
import org.imrflow.events.ItemCategory;
import org.imrflow.events.Outcome;
import org.imrflow.events.ReviewerGuideline;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeterminationRulesTest {
    private static final List<DisputedItem> TWO_ITEMS = List.of(
            new DisputedItem(1, "Cervical medial branch neurotomy at bilateral C2 C3 C4", ItemCategory.INJECTIONS, null),
            new DisputedItem(2, "Exalgo 8mg #30", ItemCategory.PHARMACY, null));

    private static ItemDecisionDraft decide(int itemNumber) {
        return new ItemDecisionDraft(itemNumber, Outcome.UPHELD, new ClaimsAdministratorGuideline(true, "MTUS"),
                new ReviewerGuideline(EvidenceLevel.MTUS, "MTUS Chronic Pain Medical Treatment Guidelines", null, "80"),
                "Not indicated.");
    }

    @Test
    void aDecisionOnEveryItemPasses() {
        assertTrue(DeterminationRules.check(TWO_ITEMS, List.of(decide(2), decide(1))).isEmpty());
    }

    @Test
    void anUndecidedItemIsNamedWithItsDescription() {
        List<RuleViolation> violations = DeterminationRules.check(TWO_ITEMS, List.of(decide(1)));
        assertEquals(List.of(new RuleViolation("decisions", "item 2 (Exalgo 8mg #30) is not decided")), violations);
    }

    @Test
    void anItemTheCaseDoesNotHaveIsRefused() {
        List<RuleViolation> violations = DeterminationRules.check(TWO_ITEMS, List.of(decide(1), decide(2), decide(3)));
        assertEquals(List.of(new RuleViolation("decisions[2].itemNumber", "the case has no disputed item 3")), violations);
    }

    @Test
    void anItemDecidedTwiceIsRefused() {
        List<RuleViolation> violations = DeterminationRules.check(TWO_ITEMS, List.of(decide(1), decide(2), decide(1)));
        assertEquals(List.of(new RuleViolation("decisions[2].itemNumber", "item 1 is decided more than once")), violations);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<RuleViolation> violations = DeterminationRules.check(TWO_ITEMS, List.of(decide(7), decide(7)));
        assertEquals(List.of("decisions[0].itemNumber", "decisions[1].itemNumber", "decisions", "decisions"),
                violations.stream().map(RuleViolation::field).toList());
    }
}
