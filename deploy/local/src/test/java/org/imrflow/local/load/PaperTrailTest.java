package org.imrflow.local.load;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PaperTrailTest {
    private final CaseMix mix = new CaseMix(3, 0.10, 0.05);

    @Test
    void namesEachCompleteCaseWhoseDocumentIsMissingAndWhichKind() {
        LoadCase decided = complete("CM26-0000001", false);
        LoadCase decidedWithoutLetter = complete("CM26-0000002", false);
        LoadCase screenedOut = complete("CM26-0000003", true);
        LoadCase noticeMissing = complete("CM26-0000004", true);
        LoadCase stillRunning = new LoadCase(5, "CLM-5", mix.next());
        stillRunning.caseNumber = "CM26-0000005";

        Map<String, Set<String>> issued = Map.of(
                "CM26-0000001", Set.of(PaperTrail.NOTICE_OF_ASSIGNMENT, PaperTrail.FINAL_DETERMINATION),
                "CM26-0000002", Set.of(PaperTrail.NOTICE_OF_ASSIGNMENT),
                "CM26-0000003", Set.of(PaperTrail.INELIGIBILITY_NOTICE));

        assertEquals(List.of("CM26-0000002: no FINAL_DETERMINATION", "CM26-0000004: no INELIGIBILITY_NOTICE"),
                PaperTrail.missing(issued, List.of(decided, decidedWithoutLetter, screenedOut, noticeMissing, stillRunning)));
    }

    @Test
    void aCaseWithNoDocumentAtAllMissesBoth() {
        assertEquals(List.of("CM26-0000007: no FINAL_DETERMINATION, NOTICE_OF_ASSIGNMENT"),
                PaperTrail.missing(Map.of(), List.of(complete("CM26-0000007", false))));
    }

    private LoadCase complete(String caseNumber, boolean ineligible) {
        LoadCase loadCase = new LoadCase(1, "CLM-" + caseNumber, mix.next());
        loadCase.caseNumber = caseNumber;
        loadCase.ineligible = ineligible;
        loadCase.completedAt = 1;
        return loadCase;
    }
}
