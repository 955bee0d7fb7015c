package org.imrflow.notification.domain;

import org.imrflow.events.ClaimsAdministratorGuideline;
import org.imrflow.events.DecisionRecorded;
import org.imrflow.events.EvidenceLevel;
import org.imrflow.events.ItemCategory;
import org.imrflow.events.Outcome;
import org.imrflow.events.PartyContact;
import org.imrflow.events.PartyRole;
import org.imrflow.events.ReviewerGuideline;
import org.imrflow.events.ReviewerQualifications;
import org.imrflow.notification.domain.IdentifyingFields.Kind;
import org.imrflow.notification.domain.IdentifyingFields.Value;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DeidentifierTest {

    private final Deidentifier rich = new Deidentifier(IdentifyingFields.of(IdentifyingFieldsTest.richCase()));

    private static Deidentifier employee(String name) {
        return new Deidentifier(IdentifyingFields.of(null, null,
                List.of(new PartyContact(PartyRole.EMPLOYEE, name, null, null)), null));
    }

    @Test
    void eachKindReadsAsItsPhrase() {
        assertEquals("The employee's representative of the representative's firm wrote to the claims administrator "
                        + "for the employee, who works for the employer; the requesting physician agreed.",
                rich.scrub("Maria Sousa of Sousa & Partners wrote to Golden State Claims Services for Adaeze Okafor, "
                        + "who works for Harbor Freight Lines; Priya Raman agreed."));
        assertEquals("Claim [number removed], case [number removed], firm [number removed], employer [number removed], "
                        + "administrator [number removed], NPI [number removed], group [number removed], "
                        + "UR [number removed].",
                rich.scrub("Claim CLM-2026-00017, case CM26-0000417, firm FIRM-7781, employer 95-7654321, "
                        + "administrator gscs-001, NPI 1457389021, group MG-4410, UR UR-ORG-93."));
        assertEquals("Write to [email removed] or [address removed], or [address removed].",
                rich.scrub("Write to adaeze.okafor@example.com or 1200 Harbor Blvd, Apt 4, Oakland, CA 94607, "
                        + "or 1200 Harbor Blvd."));
        assertEquals("A party said so.", new Deidentifier(IdentifyingFields.of(null, null,
                List.of(new PartyContact(null, "Sam Quill", null, null)), null)).scrub("Sam Quill said so."));
        for (Kind kind : Kind.values()) {
            String text = kind == Kind.DATE_OF_INJURY ? "2024-03-15" : "x";
            assertEquals(false, Deidentifier.phrase(new Value(kind, text)).isBlank(), kind + " is replaced, not blanked");
        }
    }

    @Test
    void valuesMatchInAnyCaseAndWithSpacesHyphensDotsOrSlashesBetweenTheirCharacters() {
        for (String written : List.of("CLM-2026-00017", "clm-2026-00017", "CLM 2026 00017", "CLM2026 00017",
                "CLM/2026/00017", "CLM.2026.00017", "CLM - 2026 - 00017", "CLM202600017", "C L M 2 0 2 6 0 0 0 1 7")) {
            assertEquals("Claim [number removed] is open.", rich.scrub("Claim " + written + " is open."), written);
        }
        for (String written : List.of("Okafor", "OKAFOR", "oKaFoR", "o k a f o r", "O-k-a-f-o-r", "Oka-\nfor",
                "O.K.A.F.O.R.")) {
            assertEquals("Seen: the employee", rich.scrub("Seen: " + written).replace("the employee.", "the employee"),
                    written);
        }
    }

    @Test
    void aWholeNameIsReplacedOnceAndBeforeItsWords() {
        assertEquals("The employee returned; the employee is better.",
                rich.scrub("Adaeze Okafor returned; Okafor is better."));
        assertEquals("Seen by the requesting physician today.", rich.scrub("Seen by Priya Raman today."));
        assertEquals("Patient: the employee.", rich.scrub("Patient: OKAFOR, ADAEZE."), "a name written surname first");
        assertEquals("The employee and the employee's representative.", rich.scrub("Adaeze and Maria."));
        assertEquals("The employee the employee.", rich.scrub("Okafor Okafor."), "written twice, replaced twice");
        assertEquals("The employee, the employee's representative.", rich.scrub("Okafor, Sousa."));
    }

    @Test
    void aTitleGoesWithTheNameAndASentenceStillStartsWithACapital() {
        assertEquals("The employee reported pain. The requesting physician agreed, and the employee's representative "
                        + "wrote.", rich.scrub("Mr. Okafor reported pain. Dr. Raman agreed, and Ms Sousa wrote."));
        assertEquals("Per the requesting physician.", rich.scrub("Per DR. PRIYA RAMAN."));
        assertEquals("as the employee said", rich.scrub("as mrs okafor said"));
        assertEquals("Is it the employee? The employee! The employee", rich.scrub("Is it Okafor? Okafor! Okafor"));
        assertEquals("Hmr the employee", rich.scrub("Hmr Okafor"), "a title is a word of its own");
        assertEquals("The employer hired the employee.", rich.scrub("Harbor Freight Lines hired Okafor."));
        assertEquals("Mr. the employer", rich.scrub("Mr. Harbor Freight Lines"), "only people have titles");
        assertEquals("Others, e.g. the employer, agree.", rich.scrub("Others, e.g. Harbor Freight Lines, agree."));
        assertEquals("Amended. The employer agrees.", rich.scrub("Amended. Harbor Freight Lines agrees."));
    }

    @Test
    void aNameIsAWholeWordNeverPartOfAnother() {
        Deidentifier ann = employee("Ann Lee");
        assertEquals("Her annual review, a planned visit, asleep at the wheel, Annex B.",
                ann.scrub("Her annual review, a planned visit, asleep at the wheel, Annex B."));
        assertEquals("The employee saw the employee's notes (the employee).",
                ann.scrub("Ann saw Lee's notes (ANN)."));
        assertEquals("A sub-the employee scan.", ann.scrub("A sub-Lee scan."), "a hyphen ends a word");

        Deidentifier ina = employee("Ina Ruiz");
        assertEquals("In a progress note, the employee was seen; so was the employee, spelled out.",
                ina.scrub("In a progress note, Ina was seen; so was I n a, spelled out."));
        assertEquals("In a note the employee said", ina.scrub("In a note I-N-A said"));
    }

    @Test
    void diacriticsAndTheirAbsenceMatchEachOther() {
        Deidentifier zoe = employee("Zoë Ångström");
        assertEquals("The employee, the employee and the employee.", zoe.scrub("Zoe, Zoë and ZOË."));
        assertEquals("The employee left.", zoe.scrub("Angstrom left."));
        assertEquals("The employee left.", zoe.scrub("Zoe\u0308 left."), "an accent written apart goes with its letter");
        assertEquals("The employee left.", employee("Zoe Marsh").scrub("Zoë left."));
    }

    @Test
    void theDateOfInjuryKeepsItsYearOnlyInEveryWayItIsWritten() {
        for (String written : List.of("2024-03-15", "2024/3/15", "3/15/2024", "03/15/2024", "03-15-2024", "3.15.2024",
                "3/15/24", "03 / 15 / 2024", "March 15, 2024", "March 15 2024", "MARCH 15, 2024", "Mar 15, 2024",
                "Mar. 15, 2024", "March 15th, 2024", "15 March 2024", "15 Mar 2024", "15-Mar-2024",
                "15th of March, 2024", "March 15,\n2024")) {
            assertEquals("Injured on 2024 at work.", rich.scrub("Injured on " + written + " at work."), written);
        }
    }

    @Test
    void otherDatesAndNumbersAreLeftAlone() {
        String text = "Seen 2024-03-16, 3/15/2023, 13/15/2024, March 1, 2024, 15 May 2024, 315/2024 and 2024.";
        assertEquals(text, rich.scrub(text));
        Deidentifier january = new Deidentifier(IdentifyingFields.of(null, null, List.of(), LocalDate.of(2024, 1, 12)));
        assertEquals("Injured 2024; seen 11/2/2024 and March 31 2024.",
                january.scrub("Injured 1/12/2024; seen 11/2/2024 and March 31 2024."),
                "the same digits in another date are another date");
        Deidentifier september = new Deidentifier(IdentifyingFields.of(null, null, List.of(), LocalDate.of(2023, 9, 5)));
        assertEquals("2023, 2023, 2023, 2023", september.scrub("Sept. 5, 2023, Sep 05, 2023, 09/05/2023, 5th September 2023"));
    }

    @Test
    void shortValuesAreLeftAloneTheyWouldStrikeEveryAgeAndWord() {
        Deidentifier shortOnes = new Deidentifier(IdentifyingFields.of("42", "107", List.of(
                new PartyContact(PartyRole.EMPLOYEE, "Li", "a@b", null)), null));
        assertEquals("Li, 42, had 107 visits; a@b.", shortOnes.scrub("Li, 42, had 107 visits; a@b."));
        assertEquals("The employee came; the employee too.", employee("Al Li").scrub("Al Li came; AL-LI too."),
                "a short name of two words is found written as two");
        Deidentifier fourDigits = new Deidentifier(IdentifyingFields.of("1070", null, List.of(), null));
        assertEquals("Case [number removed]; 10700 and 21070 are other numbers.",
                fourDigits.scrub("Case 1070; 10700 and 21070 are other numbers."));
    }

    @Test
    void theDotOfAnAbbreviatedLegalFormGoesWithTheNameUnlessItEndsTheSentence() {
        assertEquals("At the employer, the attending providers; the employer and others; the employer: yes; "
                        + "(the employer) too. Then the employer. The end at the employer.",
                rich.scrub("At Harbor Freight Lines, Inc., the attending providers; Harbor Freight Lines, Inc. and "
                        + "others; Harbor Freight Lines, Inc.: yes; (Harbor Freight Lines, Inc.) too. Then Harbor "
                        + "Freight Lines, Inc. The end at Harbor Freight Lines, Inc."));
    }

    @Test
    void aPossessiveAndPunctuationAroundANameStay() {
        assertEquals("The employee's job (the employee) \"the employee\" [the employee], the employee's—",
                rich.scrub("Okafor's job (Okafor) \"Okafor\" [Okafor], OKAFOR's—"));
    }

    @Test
    void theScrubberLeavesCleanTextNullAndEmptyAlone() {
        String clean = "Cervical medial branch neurotomy at bilateral C2 C3 C4 is medically necessary.";
        assertEquals(clean, rich.scrub(clean));
        assertEquals("", rich.scrub(""));
        assertNull(rich.scrub((String) null));
        Deidentifier nothingKnown = new Deidentifier(IdentifyingFields.of(null, null, null, null));
        assertEquals("Okafor on 3/15/2024", nothingKnown.scrub("Okafor on 3/15/2024"));
    }

    @Test
    void aDeterminationLosesTheIdentifiersInItsFreeTextAndKeepsTheRest() {
        ReviewerGuideline basis = new ReviewerGuideline(EvidenceLevel.MTUS, "MTUS ACOEM",
                "Chapter 8 Neck and Upper Back Complaints", "174");
        DecisionRecorded decided = new DecisionRecorded("CM26-0000417", "reviewer-7",
                new ReviewerQualifications("Occupational Medicine", "ABPM"), Instant.parse("2026-02-01T12:00:00Z"),
                LocalDate.of(2026, 2, 20), "Mr. Okafor, a mechanic at Harbor Freight Lines, was injured 3/15/2024.",
                List.of(new DecisionRecorded.ItemDecision(1, "Neurotomy for Adaeze Okafor", ItemCategory.INJECTIONS,
                        Outcome.OVERTURNED, new ClaimsAdministratorGuideline(false, "ODG, per Golden State Claims Services"),
                        basis, "Dr. Raman posits lasting relief for Okafor."),
                        new DecisionRecorded.ItemDecision(2, "Exalgo", ItemCategory.PHARMACY, Outcome.UPHELD, null, null,
                                null)));

        DecisionRecorded scrubbed = rich.scrub(decided);

        assertEquals("The employee, a mechanic at the employer, was injured 2024.", scrubbed.clinicalCaseSummary());
        DecisionRecorded.ItemDecision first = scrubbed.decisions().get(0);
        assertEquals("Neurotomy for the employee", first.description());
        assertEquals("The requesting physician posits lasting relief for the employee.", first.rationale());
        assertEquals("ODG, per the claims administrator", first.claimsAdministratorGuideline().citation());
        assertEquals(false, first.claimsAdministratorGuideline().basedOnMtus());
        assertEquals(basis, first.reviewerGuideline());
        assertEquals(Outcome.OVERTURNED, first.outcome());
        assertEquals(ItemCategory.INJECTIONS, first.category());
        assertEquals(1, first.itemNumber());
        assertEquals(decided.decisions().get(1), scrubbed.decisions().get(1), "nothing to scrub, nulls kept");
        assertEquals("CM26-0000417", scrubbed.caseNumber());
        assertEquals("reviewer-7", scrubbed.reviewerId(), "kept: the public renderer never prints it");
        assertEquals(decided.qualifications(), scrubbed.qualifications());
        assertEquals(decided.decidedAt(), scrubbed.decidedAt());
        assertEquals(decided.determinationDueDate(), scrubbed.determinationDueDate());

        DecisionRecorded bare = new DecisionRecorded("CM26-1", null, null, null, null, null, null);
        assertEquals(bare, rich.scrub(bare));
    }
}
