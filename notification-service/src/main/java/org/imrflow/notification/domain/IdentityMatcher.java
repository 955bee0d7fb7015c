package org.imrflow.notification.domain;

import org.imrflow.notification.domain.IdentifyingFields.Kind;
import org.imrflow.notification.domain.IdentifyingFields.Value;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a case's identifying values stand in a text. The {@link Deidentifier} replaces what this finds and the
 * {@link IdentityLeakDetector} reports it, so that what one leaves is exactly what the other accepts.
 *
 * <p>A value is found in the {@link Folded folded} text: in any case, with or without diacritics, and with anything
 * but letters and digits between its characters ("CLM 2026 00017", "O k a f o r", "Oka-\nfor"). It must stand as a
 * whole word: "Ann" is not in "annual". A value of one short word (under five letters) must also be written whole or
 * spelled out letter by letter, so that "Ina" is not read into "in a". Values too short to mean anything (under three characters,
 * or under four digits) are not looked for: "42" would strike every age. The date of injury is looked for in the
 * ways a letter writes a date, not folded: folded, 1/12/2024 and 11/2/2024 are the same digits.
 */
final class IdentityMatcher {
    /** Where a value stands in the original text, from {@code start} to before {@code end}. */
    record Occurrence(int start, int end, Value value) {
        int length() {
            return end - start;
        }

        boolean overlaps(Occurrence other) {
            return start < other.end && other.start < end;
        }
    }

    /**
     * @param oneShortWord a single word under five letters, found only whole or spelled out
     * @param endsWithDot  ends with the dot of an abbreviation, as "Inc." does
     */
    private record Sought(Value value, String folded, boolean oneShortWord, boolean endsWithDot) {
    }

    private static final int SHORT_WORD = 5;

    private final List<Sought> sought = new ArrayList<>();
    private final Value dateOfInjury;
    private final Pattern datePattern;

    IdentityMatcher(IdentifyingFields fields) {
        Value date = null;
        for (Value value : fields.values()) {
            if (value.kind() == Kind.DATE_OF_INJURY) {
                date = value;
                continue;
            }
            Folded folded = Folded.of(value.text());
            String text = folded.text();
            boolean digits = text.chars().allMatch(Character::isDigit);
            if (text.length() >= 3 && !(digits && text.length() < 4)) {
                boolean oneShortWord = text.length() < SHORT_WORD && text.chars().allMatch(Character::isLetter)
                        && gaps(folded, 0, text.length() - 1) == 0;
                sought.add(new Sought(value, text, oneShortWord, value.text().endsWith(".")));
            }
        }
        this.dateOfInjury = date;
        this.datePattern = fields.dateOfInjury().map(IdentityMatcher::writtenForms).orElse(null);
    }

    /** Every occurrence of every value, overlapping ones included, in no particular order. */
    List<Occurrence> all(String text) {
        List<Occurrence> found = new ArrayList<>();
        Folded folded = Folded.of(text);
        for (Sought value : sought) {
            int from = 0;
            int at;
            while ((at = folded.text().indexOf(value.folded(), from)) >= 0) {
                int last = at + value.folded().length() - 1;
                if (standsAlone(folded, at, last) && (!value.oneShortWord() || wholeOrSpelledOut(folded, at, last))) {
                    int end = folded.end(last);
                    found.add(new Occurrence(folded.start(at), value.endsWithDot() && dotEndsNoSentence(text, end)
                            ? end + 1 : end, value.value()));
                }
                from = at + 1;
            }
        }
        if (datePattern != null) {
            Matcher date = datePattern.matcher(text);
            while (date.find()) {
                found.add(new Occurrence(date.start(), date.end(), dateOfInjury));
            }
        }
        return found;
    }

    /**
     * The occurrences to replace, in text order: the longest first, and none that overlaps one taken before, so that
     * "Adaeze Okafor" is replaced whole rather than word by word.
     */
    List<Occurrence> replaceable(String text) {
        List<Occurrence> candidates = all(text);
        candidates.sort(Comparator.comparingInt(Occurrence::length).reversed()
                .thenComparingInt(Occurrence::start)
                .thenComparing(occurrence -> occurrence.value().kind()));
        List<Occurrence> taken = new ArrayList<>();
        for (Occurrence candidate : candidates) {
            if (taken.stream().noneMatch(candidate::overlaps)) {
                taken.add(candidate);
            }
        }
        taken.sort(Comparator.comparingInt(Occurrence::start));
        return taken;
    }

    private static boolean standsAlone(Folded folded, int first, int last) {
        return !folded.wordGoesOnBefore(folded.start(first)) && !folded.wordGoesOnAt(folded.end(last));
    }

    /**
     * Whether a dot stands at {@code index} and the sentence goes on after it ("Inc., the", "Inc. and"), so that it
     * belongs to the abbreviation before it; a dot that may end the sentence stays.
     */
    private static boolean dotEndsNoSentence(String text, int index) {
        if (index >= text.length() || text.charAt(index) != '.') {
            return false;
        }
        int next = index + 1;
        while (next < text.length() && text.charAt(next) == ' ') {
            next++;
        }
        return next < text.length() && (Character.isLowerCase(text.charAt(next)) || ",;:)".indexOf(text.charAt(next)) >= 0);
    }

    /** Whether a word stands written whole, or spelled out with something between each two letters. */
    private static boolean wholeOrSpelledOut(Folded folded, int first, int last) {
        int gaps = gaps(folded, first, last);
        return gaps == 0 || gaps == last - first;
    }

    /** How many of the folded characters from {@code first} to {@code last} have something before the next one. */
    private static int gaps(Folded folded, int first, int last) {
        int gaps = 0;
        for (int i = first; i < last; i++) {
            if (folded.start(i + 1) > folded.end(i)) {
                gaps++;
            }
        }
        return gaps;
    }

    /**
     * The date in the ways letters and records write one: 2024-03-15; 3/15/2024, 03-15-2024, 3.15.24; March 15, 2024,
     * Mar. 15th 2024; 15 March 2024, 15-Mar-2024, 15th of March, 2024. Spaces may stand around each separator.
     */
    static Pattern writtenForms(LocalDate date) {
        String separator = "\\s*[-/.]\\s*";
        String month = number(date.getMonthValue());
        String day = number(date.getDayOfMonth());
        String dayInWords = day + "(?:st|nd|rd|th)?";
        String year = String.valueOf(date.getYear());
        String shortYear = "(?:" + year.substring(0, year.length() - 2) + ")?" + year.substring(year.length() - 2);
        String monthName = monthName(date.getMonth()) + "\\.?";
        String forms = String.join("|",
                year + separator + month + separator + day,
                month + separator + day + separator + shortYear,
                monthName + "\\s*" + dayInWords + "\\s*,?\\s*" + year,
                dayInWords + "[\\s-]*(?:of\\s+)?" + monthName + "[\\s,-]*" + year);
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + forms + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** 3 as "3" or "03"; 15 as "15". */
    private static String number(int value) {
        return value < 10 ? "0?" + value : String.valueOf(value);
    }

    /** "(?:march|mar)", and "sept" too for September. */
    private static String monthName(Month month) {
        String full = month.getDisplayName(TextStyle.FULL, Locale.US).toLowerCase(Locale.ROOT);
        String abbreviation = full.substring(0, 3);
        return "(?:" + full + "|" + (month == Month.SEPTEMBER ? "sept|" : "") + abbreviation + ")";
    }
}
