package org.imrflow.letters;

import org.imrflow.events.ClaimsAdministratorGuideline;
import org.imrflow.events.DecisionRecorded;
import org.imrflow.events.EvidenceLevel;
import org.imrflow.events.ItemCategory;
import org.imrflow.events.Outcome;
import org.imrflow.events.ReviewerGuideline;
import org.imrflow.events.ReviewerQualifications;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeterminationLetterTest {
    private static final String NEUROTOMY = "Cervical medial branch neurotomy at bilateral C2 C3 C4";
    private final DeterminationLetter letter = new DeterminationLetter("MAXIMUS Federal Services");

    /** The published sample letter's determination. */
    static DecisionRecorded sample() {
        return new DecisionRecorded("CM14-0000001", "rev-occmed-01",
                new ReviewerQualifications("Occupational Medicine", "Occupational Medicine"),
                Instant.parse("2014-10-20T17:00:00Z"), LocalDate.of(2014, 11, 1),
                "The injured worker is a represented  employee who has filed a claim for chronic neck pain reportedly "
                        + "associated with an industrial injury of December 27, 2005.\n\nIn a Utilization Review Report dated "
                        + "August 29, 2014, the claims administrator denied a request for cervical medial branch blocks.",
                List.of(new DecisionRecorded.ItemDecision(1, NEUROTOMY, ItemCategory.INJECTIONS, Outcome.OVERTURNED,
                        new ClaimsAdministratorGuideline(false, "Non-MTUS Citation (ODG) Official Disability Guidelines ACOEM"),
                        new ReviewerGuideline(EvidenceLevel.MTUS, "MTUS ACOEM", "Chapter 8 Neck and Upper Back Complaints", "174"),
                        "The MTUS/ACOEM Guidelines in Chapter 8, page 174, there is limited evidence that radiofrequency "
                                + "neurotomy procedures may be effective. Accordingly, the request for cervical medial "
                                + "branch neurotomy at bilateral C2 C3 C4 is medically necessary and appropriate.")));
    }

    private String compose(DecisionRecorded decision) {
        return letter.compose(decision, LocalDate.of(2014, 10, 21));
    }

    @Test
    void hasTheThreeSectionsInTheSamplesOrder() {
        String text = compose(sample());
        int how = text.indexOf("\nHOW THE IMR FINAL DETERMINATION WAS MADE\n");
        int summary = text.indexOf("\nCLINICAL CASE SUMMARY\n");
        int issues = text.indexOf("\nIMR ISSUES, DECISIONS AND RATIONALES\n");
        assertTrue(how > 0 && how < summary && summary < issues, text);
    }

    @Test
    void describesTheReviewerByQualificationsInTheSamplesWords() {
        String text = compose(sample()).replaceAll("\\s+", " ");
        assertTrue(text.contains("MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no "
                + "affiliation with the employer, employee, providers or the claims administrator. The expert reviewer is "
                + "Board Certified in Occupational Medicine and is licensed to practice in California."), text);
        assertTrue(text.contains("in active clinical practice for more than five years and is currently working at least 24 "
                + "hours a week in active practice"), text);
        assertTrue(text.contains("strength of evidence hierarchy"), text);
    }

    @Test
    void neverNamesOrIdentifiesTheReviewer() {
        assertFalse(compose(sample()).contains("rev-occmed-01"));
    }

    @Test
    void givesEachItemItsOwnBlockWithBothGuidelinesAndTheRationale() {
        String text = compose(sample());
        assertTrue(text.contains("\n" + NEUROTOMY + ": Overturned\n"), text);
        String flat = text.replaceAll("\\s+", " ");
        assertTrue(flat.contains("Claims Administrator guideline: The Claims Administrator did not base their decision on "
                + "the MTUS. Decision based on Non-MTUS Citation (ODG) Official Disability Guidelines ACOEM"), flat);
        assertTrue(flat.contains("MAXIMUS Federal Services guideline: Decision based on MTUS ACOEM Chapter 8 Neck and Upper "
                + "Back Complaints Page(s): 174."), flat);
        assertTrue(flat.contains("Decision rationale: The MTUS/ACOEM Guidelines in Chapter 8, page 174"), flat);
    }

    @Test
    void anMtusBasedDenialIsCitedPlainlyAndAnUpheldItemSaysSo() {
        DecisionRecorded upheld = new DecisionRecorded("CM26-0000002", "rev-pain-01",
                new ReviewerQualifications("Pain Medicine", "Anesthesiology, Pain Medicine"), Instant.now(), LocalDate.now(),
                "Summary.", List.of(new DecisionRecorded.ItemDecision(1, "Exalgo 8mg #30", ItemCategory.PHARMACY,
                Outcome.UPHELD, new ClaimsAdministratorGuideline(true, "MTUS Chronic Pain Medical Treatment Guidelines"),
                new ReviewerGuideline(EvidenceLevel.MTUS, "MTUS Chronic Pain Medical Treatment Guidelines", null, "80"),
                "Not medically necessary.")));
        String text = compose(upheld);
        assertTrue(text.contains("\nExalgo 8mg #30: Upheld\n"), text);
        assertTrue(text.contains("Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines\n"), text);
        assertTrue(text.replaceAll("\\s+", " ").contains(
                "guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines Page(s): 80."), text);
        assertTrue(text.contains("Board Certified in Anesthesiology, Pain Medicine"), text.replaceAll("\\s+", " "));
    }

    @Test
    void keepsTheReviewersParagraphs() {
        String text = compose(sample());
        assertTrue(text.contains("December 27, 2005.\n\nIn a Utilization Review Report"), text);
    }

    @Test
    void wrapsProseToAReadableWidthButNeverTheItemLine() {
        String longItem = "A".repeat(40) + " " + "B".repeat(40) + " " + "C".repeat(40);
        DecisionRecorded sample = sample();
        DecisionRecorded decision = new DecisionRecorded(sample.caseNumber(), sample.reviewerId(), sample.qualifications(),
                sample.decidedAt(), sample.determinationDueDate(), sample.clinicalCaseSummary(),
                List.of(new DecisionRecorded.ItemDecision(1, longItem, ItemCategory.OTHER, Outcome.UPHELD,
                        sample.decisions().get(0).claimsAdministratorGuideline(),
                        sample.decisions().get(0).reviewerGuideline(), "Short.")));
        String text = compose(decision);
        for (String line : text.split("\n")) {
            if (!line.startsWith(longItem)) {
                assertTrue(line.length() <= DeterminationLetter.WIDTH, "too long: " + line);
            }
        }
        assertTrue(text.contains("\n" + longItem + ": Upheld\n"));
    }

    @Test
    void wrapKeepsWordsWhole() {
        assertEquals(List.of("one two", "three"), DeterminationLetter.wrap("one two three", 8));
        assertEquals(List.of("supercalifragilistic", "x"), DeterminationLetter.wrap("supercalifragilistic x", 5));
    }

    @Test
    void headsTheLetterWithTheCaseNumberAndDate() {
        String text = compose(sample());
        assertTrue(text.startsWith("INDEPENDENT MEDICAL REVIEW FINAL DETERMINATION\nIMR Case Number: CM14-0000001\n"
                + "Date of Determination: October 21, 2014\n"), text);
    }
}
