package org.imrflow.notification.domain;

import org.imrflow.notification.domain.IdentityMatcher.Occurrence;

import java.util.List;

/**
 * The last check before a letter is published: does any identifying value of its case still stand in the text, in
 * any case, spacing or accents? It finds what the {@link Deidentifier} replaces, so a scrubbed text passes and a text
 * that went round the scrubber (a hand edit, a new field) does not. A leak names the kind of value only, never the
 * value: leaks are logged, and the values are PHI.
 */
public final class IdentityLeakDetector {

    /** One kind of identifying value found in a text. */
    public record Leak(IdentifyingFields.Kind kind) {
    }

    private final IdentityMatcher matcher;

    public IdentityLeakDetector(IdentifyingFields fields) {
        this.matcher = new IdentityMatcher(fields);
    }

    /** Each kind of value found, once, in the order of the kinds; empty for a clean or null text. */
    public List<Leak> findLeaks(String publishedText) {
        if (publishedText == null) {
            return List.of();
        }
        return matcher.all(publishedText).stream()
                .map(Occurrence::value)
                .map(IdentifyingFields.Value::kind)
                .distinct()
                .sorted()
                .map(Leak::new)
                .toList();
    }
}
