package org.imrflow.letters;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One document in its three forms, all from the same XHTML: {@code html} (that XHTML, UTF-8, for a browser or an
 * email body), {@code text} (plain text wrapped at 96 columns) and {@code pdf} (the copy that is served and kept). The
 * array is not copied: do not change it.
 */
public record RenderedDocument(String html, String text, byte[] pdf) {
    public RenderedDocument {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(pdf, "pdf");
    }

    /** Hex SHA-256 of the PDF, lower case. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RenderedDocument that && html.equals(that.html) && text.equals(that.text)
                && Arrays.equals(pdf, that.pdf);
    }

    @Override
    public int hashCode() {
        return Objects.hash(html, text, Arrays.hashCode(pdf));
    }

    @Override
    public String toString() {
        return "RenderedDocument[html=" + html.length() + " chars, text=" + text.length() + " chars, pdf=" + pdf.length
                + " bytes, sha256=" + sha256() + "]";
    }
}
