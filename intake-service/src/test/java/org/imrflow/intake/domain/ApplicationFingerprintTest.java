package org.imrflow.intake.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ApplicationFingerprintTest {
    private static final LocalDate UR = LocalDate.of(2026, 11, 1);

    @Test
    void theSameDisputeWrittenDifferentlyIsTheSame() {
        assertEquals(ApplicationFingerprint.of("acme-claims", "WC-1", UR, List.of("Cervical neurotomy C2", "Physical therapy x6")),
                ApplicationFingerprint.of("acme-claims", " wc-1 ", UR, List.of("physical  therapy X6", "CERVICAL neurotomy c2")));
    }

    @Test
    void anotherClaimDateOrTreatmentIsAnotherDispute() {
        String original = ApplicationFingerprint.of("acme-claims", "WC-1", UR, List.of("Cervical neurotomy C2"));
        assertNotEquals(original, ApplicationFingerprint.of("acme-claims", "WC-2", UR, List.of("Cervical neurotomy C2")));
        assertNotEquals(original, ApplicationFingerprint.of("acme-claims", "WC-1", UR.plusDays(1), List.of("Cervical neurotomy C2")));
        assertNotEquals(original, ApplicationFingerprint.of("acme-claims", "WC-1", UR, List.of("Cervical neurotomy C3")));
        assertNotEquals(original, ApplicationFingerprint.of("acme-claims", "WC-1", UR, List.of("Cervical neurotomy C2", "MRI")));
        assertNotEquals(original, ApplicationFingerprint.of("bay-claims", "WC-1", UR, List.of("Cervical neurotomy C2")),
                "another organization's claim of the same number");
    }

    @Test
    void itemBoundariesCount() {
        assertNotEquals(ApplicationFingerprint.of("acme-claims", "WC-1", UR, List.of("a b", "c")),
                ApplicationFingerprint.of("acme-claims", "WC-1", UR, List.of("a", "b c")));
    }
}
