package org.imrflow.notification.domain;

import org.imrflow.events.CaseReceived;
import org.imrflow.events.PartyContact;
import org.imrflow.events.PartyRole;
import org.imrflow.events.ReviewType;
import org.imrflow.notification.domain.IdentifyingFields.Kind;
import org.imrflow.notification.domain.IdentifyingFields.Value;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentifyingFieldsTest {

    static final LocalDate INJURED = LocalDate.of(2024, 3, 15);

    /** A case with every party, identifier and contact filled in: the fixture of the de-identification tests. */
    static CaseReceived richCase() {
        return richCase(INJURED);
    }

    static CaseReceived richCase(LocalDate injured) {
        return new CaseReceived("CM26-0000417", Instant.parse("2026-01-05T10:00:00Z"), ReviewType.STANDARD, "gscs-001",
                new CaseReceived.Parties("Adaeze Okafor", true, "Maria Sousa", "Sousa & Partners LLP", "FIRM-7781",
                        "Harbor Freight Lines, Inc.", "95-7654321", "Golden State Claims Services", "Dr. Priya Raman, MD",
                        "1457389021", "Occupational Medicine", "UR-ORG-93", "MG-4410"),
                "CLM-2026-00017", injured, LocalDate.of(2025, 12, 20), null, List.of(),
                List.of(new PartyContact(PartyRole.EMPLOYEE, "Adaeze Okafor", "adaeze.okafor@example.com",
                                "1200 Harbor Blvd, Apt 4, Oakland, CA 94607"),
                        new PartyContact(PartyRole.REPRESENTATIVE, "Maria Sousa", "msousa@sousalaw.example", null),
                        new PartyContact(PartyRole.EMPLOYER, "Harbor Freight Lines", "hr@harborfreight.example",
                                "PO Box 77, San Leandro, CA 94577"),
                        new PartyContact(PartyRole.REQUESTING_PHYSICIAN, "Priya Raman", null, null),
                        new PartyContact(PartyRole.CLAIMS_ADMINISTRATOR, "Golden State Claims Services",
                                "imr@gscs.example", null)));
    }

    static Set<String> texts(IdentifyingFields fields, Kind kind) {
        return fields.values().stream().filter(v -> v.kind() == kind).map(Value::text).collect(Collectors.toSet());
    }

    @Test
    void anAcceptedApplicationGivesEveryPartyIdentifierAndContactWithItsKind() {
        IdentifyingFields fields = IdentifyingFields.of(richCase());

        assertEquals(Set.of("Adaeze Okafor", "Adaeze", "Okafor"), texts(fields, Kind.EMPLOYEE_NAME));
        assertEquals(Set.of("Maria Sousa", "Maria", "Sousa"), texts(fields, Kind.REPRESENTATIVE_NAME));
        assertEquals(Set.of("Sousa & Partners LLP", "Sousa & Partners"), texts(fields, Kind.REPRESENTATIVE_FIRM));
        assertEquals(Set.of("FIRM-7781"), texts(fields, Kind.REPRESENTATIVE_FIRM_ID));
        assertEquals(Set.of("Harbor Freight Lines, Inc.", "Harbor Freight Lines"), texts(fields, Kind.EMPLOYER_NAME));
        assertEquals(Set.of("95-7654321"), texts(fields, Kind.EMPLOYER_ID));
        assertEquals(Set.of("Golden State Claims Services"), texts(fields, Kind.CLAIMS_ADMINISTRATOR_NAME));
        assertEquals(Set.of("gscs-001"), texts(fields, Kind.CLAIMS_ADMINISTRATOR_ID));
        assertEquals(Set.of("Dr. Priya Raman, MD", "Priya", "Raman", "Priya Raman"), texts(fields, Kind.PHYSICIAN_NAME));
        assertEquals(Set.of("1457389021"), texts(fields, Kind.PHYSICIAN_NPI));
        assertEquals(Set.of("MG-4410"), texts(fields, Kind.MEDICAL_GROUP_ID));
        assertEquals(Set.of("UR-ORG-93"), texts(fields, Kind.UR_ORGANIZATION_ID));
        assertEquals(Set.of("CLM-2026-00017"), texts(fields, Kind.CLAIM_NUMBER));
        assertEquals(Set.of("CM26-0000417"), texts(fields, Kind.CASE_NUMBER));
        assertEquals(Set.of("adaeze.okafor@example.com", "msousa@sousalaw.example", "hr@harborfreight.example",
                "imr@gscs.example"), texts(fields, Kind.EMAIL));
        assertEquals(Set.of("1200 Harbor Blvd, Apt 4, Oakland, CA 94607", "1200 Harbor Blvd",
                "PO Box 77, San Leandro, CA 94577", "PO Box 77"), texts(fields, Kind.MAILING_ADDRESS));
        assertEquals(Set.of("2024-03-15"), texts(fields, Kind.DATE_OF_INJURY));
        assertEquals(Optional.of(INJURED), fields.dateOfInjury());

        EnumSet<Kind> seen = EnumSet.noneOf(Kind.class);
        fields.values().forEach(v -> seen.add(v.kind()));
        assertEquals(EnumSet.complementOf(EnumSet.of(Kind.PARTY_NAME)), seen, "every kind but the unknown party's");
    }

    @Test
    void eachValueComesOnceThoughTheApplicationAndTheContactsBothTellIt() {
        List<Value> values = IdentifyingFields.of(richCase()).values();
        assertEquals(values.size(), Set.copyOf(values).size());
        assertEquals(1, values.stream().filter(v -> v.text().equals("Okafor")).count());
    }

    @Test
    void nullAndBlankValuesAreSkippedAndTheRestStripped() {
        CaseReceived sparse = new CaseReceived(" CM26-0000001 ", Instant.EPOCH, ReviewType.STANDARD, "  ",
                new CaseReceived.Parties("  Pat  Example ", false, null, "", null, "\t", null, null, null, null, null,
                        null, null),
                null, null, null, null, List.of(), null);
        IdentifyingFields fields = IdentifyingFields.of(sparse);

        assertEquals(List.of(new Value(Kind.CASE_NUMBER, "CM26-0000001"), new Value(Kind.EMPLOYEE_NAME, "Pat  Example"),
                new Value(Kind.EMPLOYEE_NAME, "Pat"), new Value(Kind.EMPLOYEE_NAME, "Example")), fields.values());
        assertEquals(Optional.empty(), fields.dateOfInjury());
    }

    @Test
    void anApplicationWithoutPartiesGivesItsClaimAndCase() {
        CaseReceived noParties = new CaseReceived("CM26-0000001", Instant.EPOCH, ReviewType.STANDARD, "acme", null,
                "WC-1", INJURED, null, null, List.of());
        assertEquals(List.of(new Value(Kind.CASE_NUMBER, "CM26-0000001"), new Value(Kind.CLAIM_NUMBER, "WC-1"),
                        new Value(Kind.CLAIMS_ADMINISTRATOR_ID, "acme"), new Value(Kind.DATE_OF_INJURY, "2024-03-15")),
                IdentifyingFields.of(noParties).values());
    }

    @Test
    void partialKnowledgeGivesWhatItHas() {
        IdentifyingFields fields = IdentifyingFields.of("CM26-0000002", null,
                List.of(new PartyContact(PartyRole.EMPLOYEE, "Zoë Lindqvist", "zoe@example.com", null)), null);
        assertEquals(List.of(new Value(Kind.CASE_NUMBER, "CM26-0000002"), new Value(Kind.EMPLOYEE_NAME, "Zoë Lindqvist"),
                new Value(Kind.EMPLOYEE_NAME, "Zoë"), new Value(Kind.EMPLOYEE_NAME, "Lindqvist"),
                new Value(Kind.EMAIL, "zoe@example.com")), fields.values());

        assertEquals(List.of(), IdentifyingFields.of(null, " ", null, null).values());
        List<PartyContact> withGaps = new ArrayList<>(Arrays.asList(null,
                new PartyContact(null, "Sam Quill", null, " "), new PartyContact(PartyRole.EMPLOYER, null, null, null)));
        assertEquals(List.of(new Value(Kind.PARTY_NAME, "Sam Quill"), new Value(Kind.PARTY_NAME, "Sam"),
                new Value(Kind.PARTY_NAME, "Quill"), new Value(Kind.DATE_OF_INJURY, "2024-03-15")),
                IdentifyingFields.of(null, null, withGaps, INJURED).values());
    }

    @Test
    void eachContactsNameCountsAsItsRolesPartyAndOnlyPeopleAreSplitIntoWords() {
        IdentifyingFields fields = IdentifyingFields.of(null, null, List.of(
                new PartyContact(PartyRole.EMPLOYEE, "Ngozi Eze", null, null),
                new PartyContact(PartyRole.REPRESENTATIVE, "Tomas Bell", null, null),
                new PartyContact(PartyRole.REQUESTING_PHYSICIAN, "Wen Huang", null, null),
                new PartyContact(PartyRole.EMPLOYER, "Home Depot Stores", null, null),
                new PartyContact(PartyRole.CLAIMS_ADMINISTRATOR, "Sedgwick Claims Management Services, Inc.", null,
                        null)), null);

        assertEquals(Set.of("Ngozi Eze", "Ngozi", "Eze"), texts(fields, Kind.EMPLOYEE_NAME));
        assertEquals(Set.of("Tomas Bell", "Tomas", "Bell"), texts(fields, Kind.REPRESENTATIVE_NAME));
        assertEquals(Set.of("Wen Huang", "Wen", "Huang"), texts(fields, Kind.PHYSICIAN_NAME));
        assertEquals(Set.of("Home Depot Stores"), texts(fields, Kind.EMPLOYER_NAME),
                "an organization's words are not values: \"home\" would strike the home exercise program");
        assertEquals(Set.of("Sedgwick Claims Management Services, Inc.", "Sedgwick Claims Management Services"),
                texts(fields, Kind.CLAIMS_ADMINISTRATOR_NAME));
    }

    @Test
    void aNameGivesItsWordsOfThreeLettersOrMoreButNoTitleDegreeOrCommonWord() {
        assertEquals(List.of("Priya", "Raman"), IdentifyingFields.nameTokens("Dr. Priya Raman, MD"));
        assertEquals(List.of("Okafor"), IdentifyingFields.nameTokens("Mrs. Jo Okafor III"));
        assertEquals(List.of("Maria", "Sousa"), IdentifyingFields.nameTokens("Maria Sousa, Esq."));
        assertEquals(List.of("Lee"), IdentifyingFields.nameTokens("Dr. Lee Treating"),
                "a clinical word is no value alone: the letter's \"treating provider\" must stay");
        assertEquals(List.of(), IdentifyingFields.nameTokens("The State of California"));
        assertEquals(List.of(), IdentifyingFields.nameTokens("Al Li"), "two-letter words strike too much");
        assertEquals(List.of("O'Brien"), IdentifyingFields.nameTokens("(O'Brien)"));
        assertEquals(List.of("Zoë"), IdentifyingFields.nameTokens("Zoë"));
        assertEquals(List.of("Anne-Marie", "Anne", "Marie", "Okafor-Lindqvist", "Okafor", "Lindqvist"),
                IdentifyingFields.nameTokens("Anne-Marie Okafor-Lindqvist"));
        assertEquals(List.of("Okafor", "Adaeze"), IdentifyingFields.nameTokens("Okafor, Adaeze"));
        assertEquals(List.of("Okafor"), IdentifyingFields.nameTokens("Okafor Okafor"));
        assertEquals(List.of(), IdentifyingFields.nameTokens("J. R. 3rd"), "no letters-only word of three");
        assertEquals(List.of(), IdentifyingFields.nameTokens("Employee Representative"),
                "the replacement phrases' words are never values, so a replacement is never replaced");
    }

    @Test
    void anOrganizationLosesItsLegalFormAndLeadingThe() {
        assertEquals("Harbor Freight Lines", IdentifyingFields.withoutLegalForm("Harbor Freight Lines, Inc."));
        assertEquals("Sousa & Partners", IdentifyingFields.withoutLegalForm("Sousa & Partners LLP"));
        assertEquals("Acme", IdentifyingFields.withoutLegalForm("The Acme Company, Inc."));
        assertEquals("ACME", IdentifyingFields.withoutLegalForm("ACME CORP."));
        assertEquals("Costco", IdentifyingFields.withoutLegalForm("Costco"));
        assertEquals("Incline Partners", IdentifyingFields.withoutLegalForm("Incline Partners"),
                "only a whole word at the end is a legal form");
        assertEquals("Theatre Co-op", IdentifyingFields.withoutLegalForm("Theatre Co-op"));
    }

    @Test
    void anAddressGivesItsStreetLineWhenItHasMoreLines() {
        IdentifyingFields fields = IdentifyingFields.of(null, null, List.of(
                new PartyContact(PartyRole.EMPLOYEE, null, null, "1200 Harbor Blvd\nOakland, CA 94607"),
                new PartyContact(PartyRole.EMPLOYER, null, null, "Oakland"),
                new PartyContact(PartyRole.REPRESENTATIVE, null, null, "Suite B, 9 Main St")), null);
        assertEquals(Set.of("1200 Harbor Blvd\nOakland, CA 94607", "1200 Harbor Blvd", "Oakland", "Suite B, 9 Main St"),
                texts(fields, Kind.MAILING_ADDRESS), "a line without a number is no street line");
    }

    @Test
    void theFieldsNeverPrintTheirValues() {
        IdentifyingFields fields = IdentifyingFields.of(richCase());
        assertFalse(fields.toString().contains("Okafor"));
        assertFalse(fields.values().toString().contains("Okafor"));
        assertEquals("Value[EMPLOYEE_NAME]", new Value(Kind.EMPLOYEE_NAME, "Okafor").toString());
        assertTrue(Kind.EMPLOYEE_NAME.isPerson() && Kind.PHYSICIAN_NAME.isPerson() && Kind.PARTY_NAME.isPerson()
                && Kind.REPRESENTATIVE_NAME.isPerson());
        assertFalse(Kind.EMPLOYER_NAME.isPerson() || Kind.REPRESENTATIVE_FIRM.isPerson()
                || Kind.CLAIMS_ADMINISTRATOR_NAME.isPerson());
    }
}
