package org.imrflow.letters;

import org.imrflow.events.DecisionRecorded;
import org.imrflow.events.DecisionRecorded.ItemDecision;
import org.imrflow.events.ItemCategory;
import org.imrflow.events.Outcome;
import org.imrflow.events.ReviewerGuideline;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Final Determination letter's body as plain text, in the sections and wording of the letters DWC publishes: how
 * the determination was made (the reviewer's qualifications, never the name), the clinical case summary, and one block
 * per disputed item with both guidelines and the rationale. The reviewer's desk previews it, and notification keeps it
 * beside the issued letter.
 * <p>
 * The words are not here: this renders the templates {@code determination-heading} and {@code determination-body},
 * the ones the letter ({@link DocumentRenderer#finalDetermination}) and its public copy include, and reads the text
 * out of their XHTML with {@link PlainText}. So the preview is the letter.
 */
public final class DeterminationLetter {
    static final int WIDTH = PlainText.WIDTH;
    static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

    private final String imroName;

    /** @param imroName the Independent Medical Review Organization that signs the letter */
    public DeterminationLetter(String imroName) {
        this.imroName = imroName;
    }

    /**
     * Loads the letter's templates and the XML parser now. A service calls it at start-up, so that the first letter
     * composed on an event loop does not stop it for the second or two that loading takes.
     */
    public static void loadTemplates() {
        Templates.load("determination-heading", "determination-body");
    }

    public String compose(DecisionRecorded decision, LocalDate issuedOn) {
        Map<String, Object> data = body(imroName, decision);
        data.put("caseNumber", decision.caseNumber());
        data.put("determinationDate", LONG_DATE.format(issuedOn));
        String xhtml = "<div xmlns=\"http://www.w3.org/1999/xhtml\">" + Templates.render("determination-heading", data)
                + Templates.render("determination-body", data) + "</div>";
        return PlainText.of(Templates.parse(xhtml));
    }

    /**
     * What the body's template prints: the reviewer's qualifications (never the reviewer), the summary's paragraphs and
     * each item. Values are stripped as the letter has always printed them.
     */
    static Map<String, Object> body(String imroName, DecisionRecorded decision) {
        Map<String, Object> data = new HashMap<>();
        data.put("imroName", imroName);
        data.put("boardCertification", decision.qualifications().boardCertification());
        data.put("summaryParagraphs", Arrays.asList(decision.clinicalCaseSummary().strip().split("\\R\\s*\\R")));
        List<Map<String, Object>> items = new ArrayList<>();
        int overturned = 0;
        for (ItemDecision item : decision.decisions()) {
            ReviewerGuideline guideline = item.reviewerGuideline();
            Map<String, Object> row = new HashMap<>();
            row.put("number", item.itemNumber());
            row.put("description", item.description().strip());
            row.put("category", (item.category() == null ? ItemCategory.OTHER : item.category()).display());
            row.put("outcome", item.outcome().display());
            row.put("claimsAdministratorUsedMtus", item.claimsAdministratorGuideline().basedOnMtus());
            row.put("claimsAdministratorCitation", item.claimsAdministratorGuideline().citation().strip());
            row.put("reviewerSource", guideline.source().strip());
            row.put("reviewerChapter", stripped(guideline.chapter()));
            row.put("reviewerPages", stripped(guideline.pages()));
            row.put("rationale", item.rationale().strip());
            items.add(row);
            overturned += item.outcome() == Outcome.OVERTURNED ? 1 : 0;
        }
        data.put("items", items);
        data.put("anyOverturned", overturned > 0);
        data.put("overturnedCount", overturned);
        return data;
    }

    private static String stripped(String value) {
        return value == null ? "" : value.strip();
    }

    /** Greedy word wrap; a word longer than the width stands on its own line. */
    static List<String> wrap(String text, int width) {
        return PlainText.wrap(text, width);
    }
}
