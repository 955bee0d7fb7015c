package org.imrflow.assignment.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpecialtyFamiliesTest {

    @Test
    void musculoskeletalAndPainCareAreSimilar() {
        assertTrue(SpecialtyFamilies.similar("Pain Medicine", "Occupational Medicine"));
        assertTrue(SpecialtyFamilies.similar("Orthopedic Surgery", "Physical Medicine and Rehabilitation"));
        assertTrue(SpecialtyFamilies.similar("Chiropractic", "PM&R"));
    }

    @Test
    void mentalHealthIsNotSimilarToOrthopedics() {
        assertFalse(SpecialtyFamilies.similar("Psychiatry", "Orthopedic Surgery"));
        assertFalse(SpecialtyFamilies.similar("Unknown", "Unknown"));
    }

    @Test
    void sameIgnoresCaseAndSpacing() {
        assertTrue(SpecialtyFamilies.same("Neurology", " neurology "));
        assertFalse(SpecialtyFamilies.same("Neurology", "Psychiatry"));
    }
}
