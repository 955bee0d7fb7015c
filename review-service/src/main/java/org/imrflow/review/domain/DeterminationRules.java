package org.imrflow.review.domain;

import org.imrflow.events.DisputedItem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a determination must satisfy before it can be recorded: every disputed item decided, each exactly once, no
 * decision on an item the case does not have, and each decision below MTUS saying why every higher level of
 * evidence does not apply ({@link EvidenceHierarchy}). Field names follow the determination's JSON, so each violation can
 * be shown next to the field a reviewer must fix.
 */
public final class DeterminationRules {
    private DeterminationRules() {
    }

    public static List<RuleViolation> check(List<DisputedItem> disputed, List<ItemDecisionDraft> decisions) {
        List<RuleViolation> violations = new ArrayList<>();
        Set<Integer> known = disputed.stream().map(DisputedItem::itemNumber).collect(Collectors.toSet());
        Set<Integer> decided = new HashSet<>();
        for (int i = 0; i < decisions.size(); i++) {
            ItemDecisionDraft decision = decisions.get(i);
            int itemNumber = decision.itemNumber();
            violations.addAll(EvidenceHierarchy.check(i, itemNumber, decision.reviewerGuideline().evidenceLevel(),
                    decision.whyNotHigher()));
            String field = "decisions[" + i + "].itemNumber";
            if (!known.contains(itemNumber)) {
                violations.add(new RuleViolation(field, "the case has no disputed item " + itemNumber));
            } else if (!decided.add(itemNumber)) {
                violations.add(new RuleViolation(field, "item " + itemNumber + " is decided more than once"));
            }
        }
        disputed.stream()
                .filter(item -> !decided.contains(item.itemNumber()))
                .forEach(item -> violations.add(new RuleViolation("decisions",
                        "item " + item.itemNumber() + " (" + item.description() + ") is not decided")));
        return violations;
    }
}
