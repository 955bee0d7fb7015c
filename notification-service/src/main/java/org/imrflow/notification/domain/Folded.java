package org.imrflow.notification.domain;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * A text reduced to what identifies a value in it, however it is written: lower-case letters and digits without
 * diacritics, every other character dropped ("O'Kafor-\nZoë" folds to "okaforzoe"). Each kept character remembers
 * where it stands in the original, so that a value found in the folded text can be replaced in the original.
 */
final class Folded {
    private final String original;
    private final String text;
    /** Where each folded character starts in the original, and where it ends there (its combining marks included). */
    private final int[] start;
    private final int[] end;

    private Folded(String original, String text, int[] start, int[] end) {
        this.original = original;
        this.text = text;
        this.start = start;
        this.end = end;
    }

    static Folded of(String original) {
        StringBuilder folded = new StringBuilder(original.length());
        int[] start = new int[original.length() + 8];
        int[] end = new int[original.length() + 8];
        int i = 0;
        while (i < original.length()) {
            int codePoint = original.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            int before = folded.length();
            if (codePoint < 0x80) {
                // ASCII, nearly all of a letter: nothing to decompose
                if (Character.isLetterOrDigit(codePoint)) {
                    folded.append((char) Character.toLowerCase(codePoint));
                }
            } else {
                // one character may decompose into several letters ("ﬁ", "Ⅻ"), or into a letter and its accents
                String decomposed = Normalizer.normalize(Normalizer.normalize(Character.toString(codePoint),
                        Normalizer.Form.NFKD).toLowerCase(Locale.ROOT), Normalizer.Form.NFKD);
                decomposed.codePoints().filter(Character::isLetterOrDigit).forEach(folded::appendCodePoint);
            }
            if (folded.length() > start.length) {
                start = Arrays.copyOf(start, folded.length() * 2 + 8);
                end = Arrays.copyOf(end, folded.length() * 2 + 8);
            }
            for (int k = before; k < folded.length(); k++) {
                start[k] = i;
                end[k] = next;
            }
            if (folded.length() == before && before > 0 && isMark(codePoint) && end[before - 1] == i) {
                // a combining accent written apart ("e" then U+0308) belongs to the letter before it
                end[before - 1] = next;
            }
            i = next;
        }
        return new Folded(original, folded.toString(), start, end);
    }

    /** The folded form of a value. */
    static String fold(String value) {
        return of(value).text;
    }

    String text() {
        return text;
    }

    String original() {
        return original;
    }

    /** Where the folded character at {@code index} starts in the original. */
    int start(int index) {
        return start[index];
    }

    /** Where the folded character at {@code index} ends in the original. */
    int end(int index) {
        return end[index];
    }

    /** Whether a letter or digit of the original stands right before {@code index}, joining a word there. */
    boolean wordGoesOnBefore(int index) {
        return index > 0 && Character.isLetterOrDigit(original.codePointBefore(index));
    }

    /** Whether a letter or digit of the original stands at {@code index}, continuing the word that ends there. */
    boolean wordGoesOnAt(int index) {
        return index < original.length() && Character.isLetterOrDigit(original.codePointAt(index));
    }

    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
