package org.imrflow.intake.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a medical record upload must be: not empty, within the size limit, and of an accepted type whose content is
 * what its type says (a PDF starts with {@code %PDF-}, a PNG with its signature, and so on), so a mislabelled file
 * is refused rather than stored.
 */
public final class MedicalRecordCheck {
    /** The accepted media types and the bytes each one's content starts with (TIFF has two byte orders). */
    private static final Map<String, byte[][]> SIGNATURES = Map.of(
            "application/pdf", new byte[][]{{'%', 'P', 'D', 'F', '-'}},
            "image/png", new byte[][]{{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}},
            "image/jpeg", new byte[][]{{(byte) 0xff, (byte) 0xd8, (byte) 0xff}},
            "image/tiff", new byte[][]{{'I', 'I', 42, 0}, {'M', 'M', 0, 42}});

    /** Why an upload is refused. */
    public enum Refusal {
        EMPTY,
        TOO_LARGE,
        UNSUPPORTED_TYPE,
        CONTENT_NOT_OF_TYPE
    }

    private final long maxBytes;

    public MedicalRecordCheck(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("The size limit is at least one byte");
        }
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The media type without parameters, lower case: {@code Application/PDF; x=y} is {@code application/pdf}. */
    public static String essence(String mediaType) {
        return mediaType == null ? "" : mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    public static java.util.Set<String> acceptedTypes() {
        return new java.util.TreeSet<>(SIGNATURES.keySet());
    }

    public Optional<Refusal> check(String mediaType, long length, byte[] start) {
        if (length == 0) {
            return Optional.of(Refusal.EMPTY);
        }
        if (length > maxBytes) {
            return Optional.of(Refusal.TOO_LARGE);
        }
        byte[][] signatures = SIGNATURES.get(essence(mediaType));
        if (signatures == null) {
            return Optional.of(Refusal.UNSUPPORTED_TYPE);
        }
        boolean matches = Arrays.stream(signatures).anyMatch(signature -> start.length >= signature.length
                && Arrays.equals(Arrays.copyOf(start, signature.length), signature));
        return matches ? Optional.empty() : Optional.of(Refusal.CONTENT_NOT_OF_TYPE);
    }
}
