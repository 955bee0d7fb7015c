package org.imrflow.letters;

import org.imrflow.events.ClaimsAdministratorGuideline;
import org.imrflow.events.DecisionRecorded;
import org.imrflow.events.DecisionRecorded.ItemDecision;
import org.imrflow.events.ReviewerGuideline;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Final Determination letter, in the sections and wording of the letters DWC publishes: how the determination
 * was made (the reviewer's qualifications, never the name), the clinical case summary, and one block per disputed
 * item with both guidelines and the rationale. Notification issues it; the reviewer's desk previews it with this same
 * code, so the preview is the letter.
 */
public final class DeterminationLetter {
    static final int WIDTH = 96;
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

    private final String imroName;

    /** @param imroName the Independent Medical Review Organization that signs the letter */
    public DeterminationLetter(String imroName) {
        this.imroName = imroName;
    }

    public String compose(DecisionRecorded decision, LocalDate issuedOn) {
        List<String> lines = new ArrayList<>();
        lines.add("INDEPENDENT MEDICAL REVIEW FINAL DETERMINATION");
        lines.add("IMR Case Number: " + decision.caseNumber());
        lines.add("Date of Determination: " + LONG_DATE.format(issuedOn));
        lines.add("");

        section(lines, "HOW THE IMR FINAL DETERMINATION WAS MADE");
        paragraph(lines, imroName + " sent the complete case file to an expert reviewer. He/she has no affiliation with "
                + "the employer, employee, providers or the claims administrator. The expert reviewer is Board Certified "
                + "in " + decision.qualifications().boardCertification() + " and is licensed to practice in California. "
                + "He/she has been in active clinical practice for more than five years and is currently working at "
                + "least 24 hours a week in active practice. The expert reviewer was selected based on his/her "
                + "clinical experience, education, background, and expertise in the same or similar specialties that "
                + "evaluate and/or treat the medical condition and disputed items/services. He/she is familiar with "
                + "governing laws and regulations, including the strength of evidence hierarchy that applies to "
                + "Independent Medical Review determinations.");

        section(lines, "CLINICAL CASE SUMMARY");
        paragraph(lines, "The expert reviewer developed the following clinical case summary based on a review of the "
                + "case file, including all medical records:");
        for (String summaryParagraph : decision.clinicalCaseSummary().strip().split("\\R\\s*\\R")) {
            paragraph(lines, summaryParagraph);
        }

        section(lines, "IMR ISSUES, DECISIONS AND RATIONALES");
        paragraph(lines, "The Final Determination was based on decisions for the disputed items/services set forth below:");
        for (ItemDecision item : decision.decisions()) {
            // The item line is never wrapped: it is what parties and DWC search letters for.
            lines.add(item.description().strip() + ": " + item.outcome().display());
            lines.add("");
            paragraph(lines, "Claims Administrator guideline: " + claimsAdministratorBasis(item.claimsAdministratorGuideline()));
            paragraph(lines, imroName + " guideline: Decision based on " + reviewerBasis(item.reviewerGuideline()));
            paragraph(lines, "Decision rationale: " + item.rationale().strip());
        }
        return String.join("\n", lines).stripTrailing() + "\n";
    }

    static String claimsAdministratorBasis(ClaimsAdministratorGuideline guideline) {
        String citation = guideline.citation().strip();
        return guideline.basedOnMtus()
                ? "Decision based on " + citation
                : "The Claims Administrator did not base their decision on the MTUS.  Decision based on " + citation;
    }

    /** {@code MTUS ACOEM Chapter 8 Neck and Upper Back Complaints Page(s): 174.} */
    static String reviewerBasis(ReviewerGuideline guideline) {
        StringBuilder basis = new StringBuilder(guideline.source().strip());
        if (guideline.chapter() != null && !guideline.chapter().isBlank()) {
            basis.append(' ').append(guideline.chapter().strip());
        }
        if (guideline.pages() != null && !guideline.pages().isBlank()) {
            basis.append(" Page(s): ").append(guideline.pages().strip());
        }
        return basis.append('.').toString();
    }

    private static void section(List<String> lines, String heading) {
        lines.add(heading);
        lines.add("");
    }

    private static void paragraph(List<String> lines, String text) {
        lines.addAll(wrap(text.strip().replaceAll("[ \\t]*\\R[ \\t]*", " "), WIDTH));
        lines.add("");
    }

    /** Greedy word wrap; a word longer than the width stands on its own line. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                if (line.length() > 0) {
                    line.append(' ');  // keep the sample's double spaces between sentences
                }
                continue;
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
