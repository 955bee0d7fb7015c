package org.imrflow.review.domain;

import org.imrflow.events.ClaimsAdministratorGuideline;
import org.imrflow.events.DisputedItem;
import org.imrflow.events.EvidenceLevel;
import org.imrflow.events.ItemCategory;
import org.imrflow.events.Outcome;
import org.imrflow.events.ReviewerGuideline;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeterminationRulesTest {
    private static final List<DisputedItem> TWO_ITEMS = List.of(
            new DisputedItem(1, "Cervical medial branch neurotomy at bilateral C2 C3 C4", ItemCategory.INJECTIONS, null),
            new DisputedItem(2, "Exalgo 8mg #30", ItemCategory.PHARMACY, null));

    private static ItemDecisionDraft decide(int itemNumber) {
        return new ItemDecisionDraft(itemNumber, Outcome.UPHELD, new ClaimsAdministratorGuideline(true, "MTUS"),
                new ReviewerGuideline(EvidenceLevel.MTUS, "MTUS Chronic Pain Medical Treatment Guidelines", null, "80"),
                Map.of(), "Not indicated.");
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

    @Test
    void aDecisionBelowMtusWithoutItsReasonsIsRefusedNamingTheItemAndTheLevel() {
        ItemDecisionDraft expertOpinion = new ItemDecisionDraft(2, Outcome.OVERTURNED, new ClaimsAdministratorGuideline(false, "ODG"),
                new ReviewerGuideline(EvidenceLevel.EXPERT_OPINION, "Expert opinion", null, null),
                Map.of(EvidenceLevel.MTUS, "The MTUS does not address this treatment."), "Indicated.");
        List<RuleViolation> violations = DeterminationRules.check(TWO_ITEMS, List.of(decide(1), expertOpinion));
        assertEquals(List.of("decisions[1].reviewerGuideline.whyNotHigher.PEER_REVIEWED_EVIDENCE",
                        "decisions[1].reviewerGuideline.whyNotHigher.NATIONAL_PROFESSIONAL_STANDARDS"),
                violations.stream().map(RuleViolation::field).toList());
        assertTrue(violations.get(0).message().startsWith("item 2 cites expert opinion: say why peer reviewed evidence does not apply"),
                violations.get(0).message());
    }
}
