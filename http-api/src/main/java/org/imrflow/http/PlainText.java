package org.imrflow.http;

/**
 * What text this API accepts in a body string, a path segment or a query value: any Unicode except control characters
 * (Unicode category Cc: U+0000 to U+001F and U+007F to U+009F) other than tab, line feed and carriage return, and
 * except unpaired surrogates. PostgreSQL refuses U+0000 outright, and the rest only ever reach a letter as garbage.
 */
public final class PlainText {
    private PlainText() {
    }

    /** Why the text is refused, as a field message ("must not contain ..."), or null when it is fine. */
    public static String violation(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return "must not contain control characters (found U+%04X)".formatted((int) c);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid Unicode text (found an unpaired surrogate)";
            }
        }
        return null;
    }
}
