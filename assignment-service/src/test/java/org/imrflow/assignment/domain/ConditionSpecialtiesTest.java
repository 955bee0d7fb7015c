package org.imrflow.assignment.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.imrflow.assignment.application.MatchingRulesFile;
import org.imrflow.events.ItemCategory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.imrflow.events.ItemCategory.DIAGNOSTICS_OR_IMAGING;
import static org.imrflow.events.ItemCategory.DME;
import static org.imrflow.events.ItemCategory.EVALUATION_AND_MANAGEMENT;
import static org.imrflow.events.ItemCategory.INJECTIONS;
import static org.imrflow.events.ItemCategory.OTHER;
import static org.imrflow.events.ItemCategory.PHARMACY;
import static org.imrflow.events.ItemCategory.PHYSICAL_THERAPY_OR_REHAB;
import static org.imrflow.events.ItemCategory.SURGERY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real matching table, matching/condition-specialties.json, read as the service reads it. */
class ConditionSpecialtiesTest {
    static final ConditionSpecialties TABLE = MatchingRulesFile.read(new ObjectMapper());

    static CaseToAssign.Item item(ItemCategory category, String icd10) {
        return new CaseToAssign.Item(1, category, icd10);
    }

    private static Set<String> specialtiesFor(ItemCategory category, String icd10) {
        return Set.copyOf(TABLE.ruleFor(item(category, icd10)).specialties());
    }

    @Test
    void spinalSurgeryGoesToASpineSurgeonNeverToAChiropractor() {
        for (String spine : List.of("M51.26", "M48.06", "M50.12", "M54.16", "S32.0", "M96.1")) {
            assertEquals(Set.of("Orthopedic Surgery", "Neurological Surgery"), specialtiesFor(SURGERY, spine), spine);
            assertTrue(TABLE.treats("Orthopedic Surgery", item(SURGERY, spine)), spine);
            assertTrue(TABLE.treats("Neurosurgery", item(SURGERY, spine)), spine);
            assertFalse(TABLE.treats("Chiropractic", item(SURGERY, spine)), spine);
            assertFalse(TABLE.treats("Occupational Medicine", item(SURGERY, spine)), spine);
        }
    }

    @Test
    void theSampleNeurotomyIsForInterventionalSpineAndPainCareIncludingOccupationalMedicine() {
        CaseToAssign.Item neurotomy = item(INJECTIONS, "M54.2");
        for (String specialty : List.of("Occupational Medicine", "Pain Medicine", "PM&R", "Anesthesiology")) {
            assertTrue(TABLE.treats(specialty, neurotomy), specialty);
        }
        assertFalse(TABLE.treats("Chiropractic", neurotomy));
        assertFalse(TABLE.treats("Psychiatry", neurotomy));
    }

    @Test
    void mentalHealthMedicationIsForAPsychiatristAndTherapyForAPsychiatristOrPsychologist() {
        assertEquals(Set.of("Psychiatry"), specialtiesFor(PHARMACY, "F32.1"));
        assertFalse(TABLE.treats("Psychology", item(PHARMACY, "F43.10")));
        for (ItemCategory therapy : List.of(OTHER, EVALUATION_AND_MANAGEMENT, PHYSICAL_THERAPY_OR_REHAB, DIAGNOSTICS_OR_IMAGING)) {
            assertEquals(Set.of("Psychiatry", "Psychology"), specialtiesFor(therapy, "F43.10"), therapy.name());
        }
    }

    @Test
    void nervousSystemConditionsGoToNeurologyAndItsSurgeryToNeurosurgery() {
        assertEquals(Set.of("Neurology", "Physical Medicine and Rehabilitation"), specialtiesFor(DIAGNOSTICS_OR_IMAGING, "G56.01"));
        assertEquals(Set.of("Neurological Surgery"), specialtiesFor(SURGERY, "S06.5X0A"));
        assertEquals(Set.of("Orthopedic Surgery", "Neurological Surgery"), specialtiesFor(SURGERY, "G56.01"),
                "carpal tunnel release");
        assertTrue(TABLE.treats("Neurology", item(PHARMACY, "G43.909")));
    }

    @Test
    void chronicPainComesBeforeTheOtherNervousSystemCodes() {
        assertEquals(Set.of("Pain Medicine", "Anesthesiology", "Physical Medicine and Rehabilitation", "Occupational Medicine"),
                specialtiesFor(PHARMACY, "G89.29"));
        assertFalse(TABLE.treats("Neurology", item(PHARMACY, "G89.4")));
    }

    @Test
    void conservativeMusculoskeletalCareIncludesChiropracticButMedicationDoesNot() {
        assertTrue(TABLE.treats("Chiropractic", item(PHYSICAL_THERAPY_OR_REHAB, "M54.5")));
        assertTrue(TABLE.treats("Chiropractic", item(OTHER, "S13.4XXA")));
        assertFalse(TABLE.treats("Chiropractic", item(PHARMACY, "M54.5")));
        assertFalse(TABLE.treats("Chiropractic", item(INJECTIONS, "M75.1")));
        assertTrue(TABLE.treats("Orthopedic Surgery", item(SURGERY, "M75.121")), "rotator cuff repair");
        assertTrue(TABLE.treats("Occupational Medicine", item(PHARMACY, "M54.5")));
    }

    @Test
    void equipmentDiagnosticsVisitsAndOtherSurgeryHaveTheirOwnRules() {
        assertTrue(TABLE.treats("PM&R", item(DME, "M17.11")));
        assertTrue(TABLE.treats("Neurological Surgery", item(DIAGNOSTICS_OR_IMAGING, "M51.26")));
        assertFalse(TABLE.treats("Neurological Surgery", item(DIAGNOSTICS_OR_IMAGING, "M23.2")), "a knee MRI");
        assertTrue(TABLE.treats("Internal Medicine", item(EVALUATION_AND_MANAGEMENT, "M54.5")));
        assertEquals(Set.of("General Surgery"), specialtiesFor(SURGERY, "K40.90"));
    }

    @Test
    void anythingElseAndAnItemWithoutACodeFallToTheLastRule() {
        assertEquals(Set.of("Occupational Medicine", "Internal Medicine", "Family Medicine"), specialtiesFor(DIAGNOSTICS_OR_IMAGING, "J45.909"));
        assertEquals(Set.of("Occupational Medicine", "Internal Medicine", "Family Medicine"), specialtiesFor(OTHER, null));
        assertEquals(Set.of("General Surgery"), specialtiesFor(SURGERY, null));
    }

    @Test
    void codesMatchWithOrWithoutTheDotAndInAnyCase() {
        assertEquals(specialtiesFor(SURGERY, "M51.26"), specialtiesFor(SURGERY, "m5126"));
        assertEquals(specialtiesFor(SURGERY, "M96.1"), specialtiesFor(SURGERY, " M961 "));
        assertFalse(TABLE.treats("Neurological Surgery", item(SURGERY, "M96.0")), "M96.1 is the spine, M96.0 is not");
    }

    @Test
    void specialtiesMatchByAliasCaseAndSpacing() {
        CaseToAssign.Item fusion = item(SURGERY, "M51.26");
        assertTrue(TABLE.treats("Orthopaedic Surgery", fusion));
        assertTrue(TABLE.treats("  orthopedic   SURGERY ", fusion));
        assertTrue(TABLE.treats("neurosurgery", fusion));
        assertTrue(TABLE.treats("Physiatry", item(DME, "M17.11")));
    }

    @Test
    void aReviewerMustTreatEveryItemOfTheCase() {
        CaseToAssign fusionAndAntidepressant = new CaseToAssign("CM26-0000001", List.of(
                new CaseToAssign.Item(2, PHARMACY, "F32.1"), new CaseToAssign.Item(1, SURGERY, "M51.26")), Set.of());
        assertEquals("SURGERY of M51.26", TABLE.firstNotTreated("Psychiatry", fusionAndAntidepressant).orElseThrow().toString());
        assertEquals("PHARMACY of F32.1", TABLE.firstNotTreated("Orthopedic Surgery", fusionAndAntidepressant).orElseThrow().toString());

        CaseToAssign therapyAndMedication = new CaseToAssign("CM26-0000002", List.of(
                new CaseToAssign.Item(1, PHYSICAL_THERAPY_OR_REHAB, "M54.5"), new CaseToAssign.Item(2, PHARMACY, "M54.5")), Set.of());
        assertTrue(TABLE.firstNotTreated("PM&R", therapyAndMedication).isEmpty());
        assertTrue(TABLE.firstNotTreated("Occupational Medicine", therapyAndMedication).isEmpty());
        assertEquals("PHARMACY of M54.5", TABLE.firstNotTreated("Chiropractic", therapyAndMedication).orElseThrow().toString());
    }

    @Test
    void aTableWhoseLastRuleDoesNotCatchEverythingIsRefused() {
        SpecialtyRule spineOnly = new SpecialtyRule(List.of(SURGERY), List.of("M51"), List.of("Orthopedic Surgery"), "spine");
        assertThrows(IllegalArgumentException.class, () -> new ConditionSpecialties(List.of(spineOnly), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new SpecialtyRule(List.of(), List.of(), List.of(), "nobody"));
    }

    @Test
    void everyRuleNamesOnlyKnownSpecialtiesAndTheDemoRosterCoversEveryRule() throws IOException {
        JsonNode roster;
        try (InputStream in = ConditionSpecialtiesTest.class.getResourceAsStream("/demo/reviewer-roster.json")) {
            roster = new ObjectMapper().readTree(in);
        }
        List<String> demoSpecialties = new ArrayList<>();
        roster.forEach(reviewer -> demoSpecialties.add(reviewer.get("specialty").asText()));
        for (SpecialtyRule rule : TABLE.rules()) {
            assertTrue(rule.specialties().stream().anyMatch(s -> demoSpecialties.stream().anyMatch(d -> TABLE.canonical(d).equals(TABLE.canonical(s)))),
                    "no demo reviewer for: " + rule.why());
            for (String specialty : rule.specialties()) {
                assertEquals(TABLE.canonical(specialty), TABLE.canonical(TABLE.canonical(specialty)), specialty);
            }
        }
        Set<String> aliasTargets = TABLE.specialtyAliases().values().stream().collect(Collectors.toSet());
        Set<String> named = TABLE.rules().stream().flatMap(r -> r.specialties().stream()).collect(Collectors.toSet());
        assertTrue(named.containsAll(aliasTargets), "every alias names a specialty the rules use");
    }
}
