package org.imrflow.review.domain;

import org.imrflow.events.EvidenceLevel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The strength-of-evidence hierarchy of Labor Code 4610.5(c)(2): the reviewer goes down the list only when every
 * higher source does not apply. A decision citing a level below MTUS must say, for each higher level, why it does
 * not apply; a reason for a level that is not higher is a mistake too.
 */
public final class EvidenceHierarchy {
    private EvidenceHierarchy() {
    }

    /** The levels above {@code cited}, strongest first; none for MTUS. */
    public static List<EvidenceLevel> above(EvidenceLevel cited) {
        return Arrays.stream(EvidenceLevel.values()).filter(level -> level.ordinal() < cited.ordinal()).toList();
    }

    /**
     * @param index         the decision's place in the determination, for the field names
     * @param itemNumber    the disputed item it decides
     * @param cited         the level of the reviewer's own guideline
     * @param whyNotHigher  for each higher level, why it does not apply
     */
    public static List<RuleViolation> check(int index, int itemNumber, EvidenceLevel cited, Map<EvidenceLevel, String> whyNotHigher) {
        String field = "decisions[" + index + "].reviewerGuideline.whyNotHigher";
        List<RuleViolation> violations = new ArrayList<>();
        for (EvidenceLevel higher : above(cited)) {
            String reason = whyNotHigher.get(higher);
            if (reason == null || reason.isBlank()) {
                violations.add(new RuleViolation(field + "." + higher, "item " + itemNumber + " cites " + words(cited)
                        + ": say why " + words(higher) + " does not apply (Labor Code 4610.5(c)(2))"));
            }
        }
        whyNotHigher.keySet().stream()
                .filter(level -> level.ordinal() >= cited.ordinal())
                .sorted()
                .forEach(level -> violations.add(new RuleViolation(field + "." + level, "item " + itemNumber + " cites "
                        + words(cited) + ", and " + words(level) + " is not above it: leave it out")));
        return violations;
    }

    static String words(EvidenceLevel level) {
        return level == EvidenceLevel.MTUS ? "MTUS" : level.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
