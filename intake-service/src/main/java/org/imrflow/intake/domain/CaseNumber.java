package org.imrflow.intake.domain;

/** IMR case numbers as DWC writes them: {@code CM26-0000001}, the year received and a running number. */
public final class CaseNumber {
    private static final long MAX_SEQUENCE = 9_999_999L;

    private CaseNumber() {
    }

    public static String of(int yearReceived, long sequence) {
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("Case sequence out of range: " + sequence);
        }
        return String.format("CM%02d-%07d", Math.floorMod(yearReceived, 100), sequence);
    }
}
