package org.imrflow.notification.domain;

import org.imrflow.events.ClaimsAdministratorGuideline;
import org.imrflow.events.DecisionRecorded;
import org.imrflow.notification.domain.IdentifyingFields.Value;
import org.imrflow.notification.domain.IdentityMatcher.Occurrence;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes a case's identifying values from a letter's text before it is published, as DWC does: the employee's and
 * employer's details, and those of every other party. A value is replaced by a phrase that keeps the sentence readable
 * ("Mr. Okafor reported" becomes "the employee reported"), never blanked as in the published sample ("a mechanic at
 * the , the attending providers"). The date of injury keeps its year only. Values are found as {@link IdentityMatcher}
 * finds them, which is what the {@link IdentityLeakDetector} checks the result against.
 */
public final class Deidentifier {
    /** A title written before a person's name: it goes with the name. */
    private static final Pattern TITLE = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])(?:mr|mrs|ms|miss|mx|dr|prof)\\.?\\s+$");
    /** What may stand between two parts of one name: spaces, and the comma of "Okafor, Adaeze". */
    private static final Pattern NAME_PARTS_APART = Pattern.compile("[\\s,]*");
    /** A dot that ends no sentence. */
    private static final Pattern NOT_A_SENTENCE_END = Pattern.compile(
            "(?i)(?<![\\p{L}\\p{N}])(?:mr|mrs|ms|mx|dr|prof|e\\.g|i\\.e|vs)\\.$");
    /** How far back a title may start: "Prof. " and a few spaces. */
    private static final int TITLE_REACH = 12;

    private final IdentityMatcher matcher;

    public Deidentifier(IdentifyingFields fields) {
        this.matcher = new IdentityMatcher(fields);
    }

    /**
     * The text with every identifying value replaced; null stays null. A name written in parts ("Priya Raman" for
     * "Dr. Priya Raman, MD", "Okafor, Adaeze") reads as one phrase, not one for each part.
     */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder scrubbed = new StringBuilder(text.length());
        int copied = 0;
        Value last = null;
        for (Occurrence occurrence : matcher.replaceable(text)) {
            Value value = occurrence.value();
            if (last != null && partsOfOneName(last, value)
                    && NAME_PARTS_APART.matcher(text).region(copied, occurrence.start()).matches()) {
                copied = occurrence.end();
                continue;
            }
            String phrase = phrase(value);
            int start = value.kind().isPerson() ? withTitle(text, copied, occurrence.start())
                    : occurrence.start();
            scrubbed.append(text, copied, start);
            scrubbed.append(startsSentence(text, start) ? Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1)
                    : phrase);
            copied = occurrence.end();
            last = value;
        }
        return scrubbed.append(text, copied, text.length()).toString();
    }

    /** Two words of one person's name: "Okafor, Adaeze" is one person, "Okafor, Okafor" is written twice. */
    private static boolean partsOfOneName(Value one, Value other) {
        return one.kind().isPerson() && one.kind() == other.kind() && !one.text().equalsIgnoreCase(other.text());
    }

    /** Where a person's name starts with the title written before it, if any: "Mr. Okafor" goes as a whole. */
    private static int withTitle(String text, int copied, int start) {
        Matcher title = TITLE.matcher(text).region(Math.max(copied, start - TITLE_REACH), start)
                .useTransparentBounds(true);
        return title.find() ? title.start() : start;
    }

    /**
     * The determination with its free text scrubbed: the clinical case summary, and each item's description,
     * rationale and claims administrator's citation. The case number and the reviewer id are left as they are; they
     * are not free text, and the public renderer never prints the reviewer id.
     */
    public DecisionRecorded scrub(DecisionRecorded decision) {
        List<DecisionRecorded.ItemDecision> items = decision.decisions() == null ? null
                : decision.decisions().stream().map(this::scrub).toList();
        return new DecisionRecorded(decision.caseNumber(), decision.reviewerId(), decision.qualifications(),
                decision.decidedAt(), decision.determinationDueDate(), scrub(decision.clinicalCaseSummary()), items);
    }

    private DecisionRecorded.ItemDecision scrub(DecisionRecorded.ItemDecision item) {
        ClaimsAdministratorGuideline guideline = item.claimsAdministratorGuideline() == null ? null
                : new ClaimsAdministratorGuideline(item.claimsAdministratorGuideline().basedOnMtus(),
                scrub(item.claimsAdministratorGuideline().citation()));
        return new DecisionRecorded.ItemDecision(item.itemNumber(), scrub(item.description()), item.category(),
                item.outcome(), guideline, item.reviewerGuideline(), scrub(item.rationale()));
    }

    /**
     * Whether a sentence starts at {@code index}: the text does, or an end mark and a space stand before it (not the
     * dot of a title or of "e.g.").
     */
    private static boolean startsSentence(String text, int index) {
        int i = index;
        while (i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i == 0 || i < index && ".!?".indexOf(text.charAt(i - 1)) >= 0
                && !NOT_A_SENTENCE_END.matcher(text).region(Math.max(0, i - TITLE_REACH), i).useTransparentBounds(true)
                .find();
    }

    /** What a value of each kind reads as once removed. */
    static String phrase(Value value) {
        return switch (value.kind()) {
            case EMPLOYEE_NAME -> "the employee";
            case REPRESENTATIVE_NAME -> "the employee's representative";
            case REPRESENTATIVE_FIRM -> "the representative's firm";
            case EMPLOYER_NAME -> "the employer";
            case CLAIMS_ADMINISTRATOR_NAME -> "the claims administrator";
            case PHYSICIAN_NAME -> "the requesting physician";
            case PARTY_NAME -> "a party";
            case REPRESENTATIVE_FIRM_ID, EMPLOYER_ID, CLAIMS_ADMINISTRATOR_ID, PHYSICIAN_NPI, MEDICAL_GROUP_ID,
                 UR_ORGANIZATION_ID, CLAIM_NUMBER, CASE_NUMBER -> "[number removed]";
            case EMAIL -> "[email removed]";
            case MAILING_ADDRESS -> "[address removed]";
            case DATE_OF_INJURY -> String.valueOf(LocalDate.parse(value.text()).getYear());
        };
    }
}
