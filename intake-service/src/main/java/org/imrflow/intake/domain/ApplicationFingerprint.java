package org.imrflow.intake.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * What makes two applications the same dispute: the claims administrator, its claim number, the date of the UR
 * decision and the disputed treatments, whatever their order, case and spacing. A second application for the same
 * dispute is refused. The claims administrator is part of it because claim numbers are theirs: another
 * organization's claim of the same number is another dispute, and must not be told this one exists.
 */
public final class ApplicationFingerprint {
    private ApplicationFingerprint() {
    }

    /** A SHA-256, hex: the same for the same dispute, different for a different one. */
    public static String of(String claimsAdministratorOrg, String claimNumber, LocalDate urDecisionDate,
                            List<String> disputedItems) {
        StringBuilder canonical = new StringBuilder()
                .append(normalize(claimsAdministratorOrg)).append('\n')
                .append(normalize(claimNumber)).append('\n')
                .append(urDecisionDate).append('\n');
        disputedItems.stream().map(ApplicationFingerprint::normalize).sorted()
                .forEach(item -> canonical.append(item).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    private static String normalize(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
