package org.imrflow.review.domain;

import org.imrflow.events.EvidenceLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Labor Code 4610.5(c)(2): below MTUS, a reason for every higher level, and none for a level that is not higher. */
class EvidenceHierarchyTest {

    private static Map<EvidenceLevel, String> reasonsFor(List<EvidenceLevel> levels) {
        Map<EvidenceLevel, String> reasons = new EnumMap<>(EvidenceLevel.class);
        levels.forEach(level -> reasons.put(level, "It does not address the treatment."));
        return reasons;
    }

    private static List<String> fields(List<RuleViolation> violations) {
        return violations.stream().map(RuleViolation::field).toList();
    }

    @Test
    void mtusNeedsNoReason() {
        assertEquals(List.of(), EvidenceHierarchy.above(EvidenceLevel.MTUS));
        assertEquals(List.of(), EvidenceHierarchy.check(0, 1, EvidenceLevel.MTUS, Map.of()));
    }

    @ParameterizedTest
    @EnumSource(EvidenceLevel.class)
    void everyLevelWithAReasonForEachHigherOneIsAccepted(EvidenceLevel cited) {
        List<EvidenceLevel> higher = Arrays.stream(EvidenceLevel.values()).filter(l -> l.ordinal() < cited.ordinal()).toList();
        assertEquals(higher, EvidenceHierarchy.above(cited));
        assertEquals(List.of(), EvidenceHierarchy.check(0, 1, cited, reasonsFor(higher)));
    }

    @ParameterizedTest
    @EnumSource(value = EvidenceLevel.class, names = "MTUS", mode = EnumSource.Mode.EXCLUDE)
    void everyLevelBelowMtusWithoutReasonsNamesEachHigherLevelMissing(EvidenceLevel cited) {
        List<RuleViolation> violations = EvidenceHierarchy.check(3, 4, cited, Map.of());
        assertEquals(EvidenceHierarchy.above(cited).stream()
                        .map(level -> "decisions[3].reviewerGuideline.whyNotHigher." + level).toList(),
                fields(violations));
        violations.forEach(v -> assertTrue(v.message().startsWith("item 4 cites "), v.message()));
    }

    @Test
    void theLowestLevelNeedsAReasonForAllFiveAbove() {
        Map<EvidenceLevel, String> four = reasonsFor(List.of(EvidenceLevel.MTUS, EvidenceLevel.PEER_REVIEWED_EVIDENCE,
                EvidenceLevel.NATIONAL_PROFESSIONAL_STANDARDS, EvidenceLevel.EXPERT_OPINION));
        assertEquals(List.of("decisions[0].reviewerGuideline.whyNotHigher.GENERALLY_ACCEPTED_STANDARDS"),
                fields(EvidenceHierarchy.check(0, 1, EvidenceLevel.LIKELY_BENEFICIAL_WHEN_OTHERS_INEFFECTIVE, four)));
    }

    @Test
    void aBlankReasonIsNoReason() {
        assertEquals(List.of("decisions[0].reviewerGuideline.whyNotHigher.MTUS"),
                fields(EvidenceHierarchy.check(0, 1, EvidenceLevel.PEER_REVIEWED_EVIDENCE, Map.of(EvidenceLevel.MTUS, "  "))));
    }

    @Test
    void aReasonForALevelThatIsNotHigherIsRefused() {
        Map<EvidenceLevel, String> reasons = reasonsFor(List.of(EvidenceLevel.MTUS, EvidenceLevel.PEER_REVIEWED_EVIDENCE,
                EvidenceLevel.EXPERT_OPINION));
        List<RuleViolation> violations = EvidenceHierarchy.check(0, 1, EvidenceLevel.PEER_REVIEWED_EVIDENCE, reasons);
        assertEquals(List.of("decisions[0].reviewerGuideline.whyNotHigher.PEER_REVIEWED_EVIDENCE",
                "decisions[0].reviewerGuideline.whyNotHigher.EXPERT_OPINION"), fields(violations));
        assertTrue(violations.get(0).message().contains("is not above it"), violations.get(0).message());
        assertEquals(List.of("decisions[0].reviewerGuideline.whyNotHigher.MTUS"),
                fields(EvidenceHierarchy.check(0, 1, EvidenceLevel.MTUS, reasonsFor(List.of(EvidenceLevel.MTUS)))));
    }
}
