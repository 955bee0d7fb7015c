package org.imrflow.notification.domain;

import org.imrflow.events.PartyContact;
import org.imrflow.events.PartyRole;
import org.imrflow.notification.domain.IdentifyingFields.Kind;
import org.imrflow.notification.domain.IdentityLeakDetector.Leak;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentityLeakDetectorTest {

    private final IdentifyingFields fields = IdentifyingFields.of(IdentifyingFieldsTest.richCase());
    private final IdentityLeakDetector detector = new IdentityLeakDetector(fields);

    private static List<Leak> leaks(Kind... kinds) {
        return Arrays.stream(kinds).map(Leak::new).toList();
    }

    private static IdentityLeakDetector employee(String name) {
        return new IdentityLeakDetector(IdentifyingFields.of(null, null,
                List.of(new PartyContact(PartyRole.EMPLOYEE, name, null, null)), null));
    }

    @Test
    void aNameIsFoundInAnyCaseSpacingAndPlace() {
        for (String text : List.of("oKaFoR", "OKAFOR", "O k a f o r", "O-K-A-F-O-R", "Okafor\n", "Okafor",
                "Okafor reported pain.", "Pain was reported by Okafor", "Pain, said Okafor, was worse.",
                "(Okafor)", "\"Okafor\"", "[Okafor]", "Okafor's", "«Okafor»", "—Okafor—", "Mr.Okafor.",
                "Oka-\nfor", "Oka\nfor", "O'Kafor", "Adaeze\nOkafor", "ADAEZE  OKAFOR", "\tokafor\t")) {
            assertEquals(leaks(Kind.EMPLOYEE_NAME), detector.findLeaks(text), text);
        }
    }

    @Test
    void diacriticsAreIgnoredOnBothSides() {
        assertEquals(leaks(Kind.EMPLOYEE_NAME), employee("Zoë Marsh").findLeaks("Zoe came back."));
        assertEquals(leaks(Kind.EMPLOYEE_NAME), employee("Zoe Marsh").findLeaks("Zoë came back."));
        assertEquals(leaks(Kind.EMPLOYEE_NAME), employee("Zoe Marsh").findLeaks("ZOË came back."));
        assertEquals(leaks(Kind.EMPLOYEE_NAME), employee("José Núñez").findLeaks("jose nunez"));
        assertEquals(leaks(Kind.EMPLOYEE_NAME), employee("Jose Nunez").findLeaks("Nu\u0301n\u0303ez"));
        assertEquals(leaks(Kind.EMPLOYEE_NAME), employee("Ångström").findLeaks("angstrom"));
        assertEquals(leaks(Kind.EMPLOYEE_NAME), employee("Finley Moss").findLeaks("ﬁnley"), "a ligature");
    }

    @Test
    void aCleanTextHasNoLeak() {
        String clean = "The employee reported annual pain; an agreeable plan was planned in a timely way. "
                + "Cervical medial branch neurotomy at bilateral C2 C3 C4 is medically necessary.";
        assertEquals(List.of(), detector.findLeaks(clean));
        assertEquals(List.of(), employee("Ann Ina").findLeaks(clean), "names inside words or across them are not found");
        assertEquals(List.of(), detector.findLeaks(""));
        assertEquals(List.of(), detector.findLeaks(null));
        assertEquals(List.of(), new IdentityLeakDetector(IdentifyingFields.of(null, null, null, null))
                .findLeaks("Okafor on 3/15/2024"));
    }

    @Test
    void aShortWordIsFoundWholeOrSpelledOutNeverAcrossWords() {
        IdentityLeakDetector ina = employee("Ina");
        assertEquals(List.of(), ina.findLeaks("In a progress note"));
        assertEquals(List.of(), ina.findLeaks("in-a-word"), "parts joined by hyphens are not the word spelled out");
        assertEquals(leaks(Kind.EMPLOYEE_NAME), ina.findLeaks("I n a"));
        assertEquals(leaks(Kind.EMPLOYEE_NAME), ina.findLeaks("I-N-A"));
        assertEquals(leaks(Kind.EMPLOYEE_NAME), ina.findLeaks("INA."));
    }

    @Test
    void valuesTooShortToMeanAnythingAreNotLookedFor() {
        IdentityLeakDetector shortOnes = new IdentityLeakDetector(IdentifyingFields.of("42", "107", List.of(
                new PartyContact(PartyRole.EMPLOYEE, "Li", "a@b", null)), null));
        assertEquals(List.of(), shortOnes.findLeaks("Li, 42, 107 visits, a@b, L i"));
        assertEquals(leaks(Kind.EMPLOYEE_NAME), employee("Al Li").findLeaks("Seen: AL LI, al-li."),
                "a short name of two words is found written as two");
        IdentityLeakDetector threeLetters = new IdentityLeakDetector(IdentifyingFields.of("ABC", "1070", List.of(), null));
        assertEquals(leaks(Kind.CLAIM_NUMBER, Kind.CASE_NUMBER), threeLetters.findLeaks("case abc, claim 1070"),
                "three characters, or four digits, are enough");
    }

    @Test
    void eachIdentifierIsFoundWhateverItsSeparators() {
        Map<String, Kind> written = Map.ofEntries(
                Map.entry("CLM 2026 00017", Kind.CLAIM_NUMBER), Map.entry("clm202600017", Kind.CLAIM_NUMBER),
                Map.entry("CM26 0000417", Kind.CASE_NUMBER), Map.entry("FIRM 7781", Kind.REPRESENTATIVE_FIRM_ID),
                Map.entry("957654321", Kind.EMPLOYER_ID), Map.entry("GSCS/001", Kind.CLAIMS_ADMINISTRATOR_ID),
                Map.entry("145-738-9021", Kind.PHYSICIAN_NPI), Map.entry("mg4410", Kind.MEDICAL_GROUP_ID),
                Map.entry("UR ORG 93", Kind.UR_ORGANIZATION_ID), Map.entry("Adaeze.Okafor@Example.com", Kind.EMAIL),
                Map.entry("1200 Harbor Blvd.", Kind.MAILING_ADDRESS), Map.entry("Sousa and", Kind.REPRESENTATIVE_NAME),
                Map.entry("Sousa & Partners", Kind.REPRESENTATIVE_FIRM), Map.entry("harbor-freight lines", Kind.EMPLOYER_NAME),
                Map.entry("Golden State Claims Services", Kind.CLAIMS_ADMINISTRATOR_NAME),
                Map.entry("Dr Raman", Kind.PHYSICIAN_NAME));
        written.forEach((text, kind) -> assertTrue(detector.findLeaks("Seen: " + text + ".").contains(new Leak(kind)),
                text + " is " + kind));
    }

    @Test
    void theDateOfInjuryIsFoundInEveryFormButAnotherDateIsNot() {
        for (String written : List.of("2024-03-15", "3/15/2024", "03/15/2024", "03-15-2024", "3/15/24", "March 15, 2024",
                "Mar 15, 2024", "Mar. 15 2024", "15 March 2024", "15-mar-2024", "march 15th, 2024", "3 / 15 / 2024")) {
            assertEquals(leaks(Kind.DATE_OF_INJURY), detector.findLeaks("Injured " + written + "."), written);
        }
        for (String other : List.of("2024-03-16", "3/15/2023", "March 2024", "15 March", "2024", "13/15/2024",
                "March 155, 2024")) {
            assertEquals(List.of(), detector.findLeaks("Injured " + other + "."), other);
        }
    }

    @Test
    void aLeakNamesTheKindNeverTheValueAndEachKindOnce() {
        List<Leak> found = detector.findLeaks("Okafor, OKAFOR, Adaeze Okafor, claim CLM-2026-00017 and Dr. Raman");
        assertEquals(leaks(Kind.PHYSICIAN_NAME, Kind.CLAIM_NUMBER, Kind.EMPLOYEE_NAME).stream().sorted(
                Comparator.comparing(Leak::kind)).toList(), found, "in the order of the kinds");
        assertFalse(found.toString().contains("Okafor"));
        assertFalse(found.toString().contains("CLM"));
    }

    @Test
    void theSampleLetterWithNamesInjectedLeaksThemAndScrubbedLeaksNothing() throws IOException {
        IdentifyingFields sampleCase = IdentifyingFields.of(IdentifyingFieldsTest.richCase(LocalDate.of(2005, 12, 27)));
        String letter = withNamesInjected(sampleLetter());

        List<Kind> injected = new IdentityLeakDetector(sampleCase).findLeaks(letter).stream().map(Leak::kind).toList();
        assertEquals(List.of(Kind.EMPLOYEE_NAME, Kind.REPRESENTATIVE_NAME, Kind.REPRESENTATIVE_FIRM, Kind.EMPLOYER_NAME,
                Kind.CLAIMS_ADMINISTRATOR_NAME, Kind.PHYSICIAN_NAME, Kind.PHYSICIAN_NPI, Kind.CLAIM_NUMBER,
                Kind.CASE_NUMBER, Kind.EMAIL, Kind.MAILING_ADDRESS, Kind.DATE_OF_INJURY), injected);

        String scrubbed = new Deidentifier(sampleCase).scrub(letter);

        assertEquals(List.of(), new IdentityLeakDetector(sampleCase).findLeaks(scrubbed));
        assertEquals(leaks(Kind.DATE_OF_INJURY), new IdentityLeakDetector(sampleCase).findLeaks(sampleLetter()),
                "DWC's published letter keeps the exact date of injury; ours keeps its year");
        assertTrue(scrubbed.contains("The injured worker, the employee, is a represented employee of the employer"),
                scrubbed);
        assertTrue(scrubbed.contains("industrial injury of 2005."), "the year of the injury stays");
        assertTrue(scrubbed.contains("mechanic at the employer, the attending providers"));
        assertTrue(scrubbed.contains("In this case, the employee's representative of the representative's firm and "
                + "the requesting physician (NPI [number removed]) have posited"));
        assertTrue(scrubbed.contains("Report dated August 29, 2014, the claims administrator (claim [number removed]) "
                + "denied"), "other dates stay");
        assertTrue(scrubbed.contains("write to [email removed] or [address removed]."));
        assertTrue(scrubbed.contains("appeal letter, the requesting physician stated that medial"));
        assertTrue(scrubbed.contains("The employee's work status, again, was not provided."), "a title and spaced letters");
        assertTrue(scrubbed.replaceAll("\\s+", " ").contains("Accordingly, the request for cervical medial branch "
                + "neurotomy at bilateral C2 C3 C4 is medically necessary and appropriate."), "the clinical text stays");
    }

    static String sampleLetter() throws IOException {
        try (InputStream in = IdentityLeakDetectorTest.class.getResourceAsStream("/sample-final-determination.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The published letter as it would read before DWC removed the parties, written in several ways. */
    static String withNamesInjected(String letter) {
        String[][] injections = {
                {"The injured worker is a represented  employee who",
                        "The injured worker, Adaeze Okafor, is a represented employee of Harbor Freight Lines who"},
                {"the claims administrator denied a request",
                        "Golden State Claims Services (claim CLM 2026 00017) denied a request"},
                {"the attending provider stated that medial", "Dr. Raman stated that medial"},
                {"working full time as a mechanic.",
                        "working full time as a mechanic; write to ADAEZE.OKAFOR@EXAMPLE.COM or 1200 Harbor Blvd."},
                {"In this case, the attending providers have posited",
                        "In this case, Ms. Sousa of Sousa & Partners and Dr. Priya\nRaman (NPI 1457389021) have posited"},
                {"mechanic at the , the attending", "mechanic at Harbor Freight Lines, Inc., the attending"},
                {"The applicant's work status, again,", "Mr. O k a f o r's work status, again,"}};
        String injected = "Case CM26-0000417\n\n" + letter;
        for (String[] injection : injections) {
            if (!injected.contains(injection[0])) {
                throw new IllegalStateException("the sample letter changed: no \"" + injection[0] + "\"");
            }
            injected = injected.replace(injection[0], injection[1]);
        }
        return injected;
    }
}
