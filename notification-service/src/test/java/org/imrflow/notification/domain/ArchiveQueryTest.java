package org.imrflow.notification.domain;

import org.imrflow.events.EvidenceLevel;
import org.imrflow.events.ItemCategory;
import org.imrflow.events.Outcome;
import org.imrflow.notification.domain.InvalidArchiveQuery.FieldError;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.Year;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchiveQueryTest {

    private static final Clock IN_2026 = Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC);

    private static ArchiveQuery query(String text, String category, String outcome, Integer year, String specialty,
                                      String evidenceLevel) {
        return ArchiveQuery.of(text, category, outcome, year, specialty, evidenceLevel, IN_2026);
    }

    private static List<FieldError> errors(String text, String category, String outcome, Integer year, String specialty,
                                           String evidenceLevel) {
        return assertThrows(InvalidArchiveQuery.class,
                () -> query(text, category, outcome, year, specialty, evidenceLevel)).errors();
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void everyFilterIsReadAndTrimmed() {
        ArchiveQuery query = query("  radiofrequency neurotomy ", "INJECTIONS", "OVERTURNED", 2024,
                " Occupational Medicine ", "MTUS");
        assertEquals(Optional.of("radiofrequency neurotomy"), query.text());
        assertEquals(Optional.of(ItemCategory.INJECTIONS), query.category());
        assertEquals(Optional.of(Outcome.OVERTURNED), query.outcome());
        assertEquals(Optional.of(2024), query.year());
        assertEquals(Optional.of("Occupational Medicine"), query.specialty());
        assertEquals(Optional.of(EvidenceLevel.MTUS), query.evidenceLevel());
    }

    @Test
    void blankOrMissingMeansNoFilter() {
        for (String blank : new String[] {null, "", "   ", "\t"}) {
            ArchiveQuery query = query(blank, blank, blank, null, blank, blank);
            assertEquals(Optional.empty(), query.text());
            assertEquals(Optional.empty(), query.category());
            assertEquals(Optional.empty(), query.outcome());
            assertEquals(Optional.empty(), query.year());
            assertEquals(Optional.empty(), query.specialty());
            assertEquals(Optional.empty(), query.evidenceLevel());
        }
        assertEquals(query(null, null, null, null, null, null), query(" ", "", null, null, "\n", " "));
    }

    @Test
    void theEnumeratedFiltersTakeTheirNamesInAnyCaseWithHyphensOrSpaces() {
        assertEquals(Optional.of(ItemCategory.PHYSICAL_THERAPY_OR_REHAB),
                query(null, "physical-therapy-or-rehab", null, null, null, null).category());
        assertEquals(Optional.of(ItemCategory.DIAGNOSTICS_OR_IMAGING),
                query(null, "Diagnostics or Imaging", null, null, null, null).category());
        assertEquals(Optional.of(Outcome.UPHELD), query(null, null, "upheld", null, null, null).outcome());
        assertEquals(Optional.of(EvidenceLevel.LIKELY_BENEFICIAL_WHEN_OTHERS_INEFFECTIVE),
                query(null, null, null, null, null, "likely_beneficial_when_others_ineffective").evidenceLevel());
        for (ItemCategory category : ItemCategory.values()) {
            assertEquals(Optional.of(category), query(null, category.name(), null, null, null, null).category());
        }
        for (EvidenceLevel level : EvidenceLevel.values()) {
            assertEquals(Optional.of(level), query(null, null, null, null, null, level.name()).evidenceLevel());
        }
    }

    @Test
    void anUnknownValueIsRefusedWithTheKnownOnesNotTheValue() {
        List<FieldError> errors = errors(null, "acupuncture", null, null, null, null);
        assertEquals(List.of(new FieldError("category", "must be one of PHARMACY, PHYSICAL_THERAPY_OR_REHAB, "
                + "INJECTIONS, DME, DIAGNOSTICS_OR_IMAGING, SURGERY, EVALUATION_AND_MANAGEMENT, OTHER.")), errors);
        assertEquals(List.of(new FieldError("outcome", "must be one of UPHELD, OVERTURNED.")),
                errors(null, null, "<script>", null, null, null));
        assertEquals(List.of("evidenceLevel"), fields(errors(null, null, null, null, null, "ODG")));
        assertEquals(List.of("category"), fields(errors(null, "PHARMACY_", null, null, null, null)));
        assertEquals(List.of("category"), fields(errors(null, "pharmacy;drop", null, null, null, null)));
        assertEquals(Optional.of(Outcome.UPHELD), query(null, null, " Upheld ", null, null, null).outcome(), "trimmed");
    }

    @Test
    void theYearIsFrom2013ToNextYear() {
        assertEquals(Optional.of(2013), query(null, null, null, 2013, null, null).year(), "IMR began in 2013");
        assertEquals(Optional.of(2027), query(null, null, null, 2027, null, null).year(), "next year, in 2026");
        for (int year : new int[] {2012, 2028, 0, -1, 1999, 20240, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            assertEquals(List.of(new FieldError("year", "must be from 2013 to 2027.")),
                    errors(null, null, null, year, null, null), String.valueOf(year));
        }
        Clock newYearsEve = Clock.fixed(Instant.parse("2026-12-31T23:59:59Z"), ZoneOffset.UTC);
        assertThrows(InvalidArchiveQuery.class, () -> ArchiveQuery.of(null, null, null, 2028, null, null, newYearsEve));
        Clock newYear = Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC);
        assertEquals(Optional.of(2028), ArchiveQuery.of(null, null, null, 2028, null, null, newYear).year());
        int nextYear = Year.now(Clock.systemUTC()).getValue() + 1;
        assertEquals(Optional.of(nextYear), ArchiveQuery.of(null, null, null, nextYear, null, null).year(),
                "the system clock by default");
    }

    @Test
    void theTextIsAtMost200CharactersWithoutControlCharacters() {
        String longest = "a".repeat(200);
        assertEquals(Optional.of(longest), query(longest, null, null, null, null, null).text());
        assertEquals(Optional.of(longest), query("  " + longest + "\n", null, null, null, null, null).text(),
                "spaces and a final line break around it do not count");
        assertEquals(List.of(new FieldError("text", "must be at most 200 characters.")),
                errors(longest + "a", null, null, null, null, null));
        String emoji = "\uD83D\uDE00".repeat(200);
        assertEquals(Optional.of(emoji), query(emoji, null, null, null, null, null).text(), "characters, not UTF-16 units");
        for (String control : new String[] {"neck\npain", "neck\tpain", "neck\u0000pain", "neck\rpain", "a\u001bb",
                "a\u007fb", "a\u0085b"}) {
            assertEquals(List.of(new FieldError("text", "must not contain control characters, such as a line break "
                    + "or a tab.")), errors(control, null, null, null, null, null), control);
        }
        assertEquals(Optional.of("Zoë's neck — C2/C3 \"facet\" 5/10 pain; 50%"),
                query("Zoë's neck — C2/C3 \"facet\" 5/10 pain; 50%", null, null, null, null, null).text(),
                "punctuation and accents are search text");
        assertEquals(List.of("text", "text"), fields(errors(longest + "\n" + longest, null, null, null, null, null)),
                "both problems");
    }

    @Test
    void theSpecialtyIsAtMost100Characters() {
        assertEquals(Optional.of("x".repeat(100)), query(null, null, null, null, "x".repeat(100), null).specialty());
        assertEquals(List.of(new FieldError("specialty", "must be at most 100 characters.")),
                errors(null, null, null, null, "x".repeat(101), null));
        assertEquals(List.of("specialty"), fields(errors(null, null, null, null, "Pain\nMedicine", null)));
    }

    @Test
    void everyBadFieldIsToldAtOnce() {
        InvalidArchiveQuery invalid = assertThrows(InvalidArchiveQuery.class,
                () -> query("a".repeat(201), "X", "Y", 2000, "s".repeat(101), "Z"));
        assertEquals(List.of("text", "category", "outcome", "year", "specialty", "evidenceLevel"),
                fields(invalid.errors()));
        assertTrue(invalid.getMessage().startsWith("text: must be at most 200 characters.; category: must be one of"),
                invalid.getMessage());
        assertFalse(invalid.getMessage().contains("aaaa"), "the values are not repeated");
        assertThrows(UnsupportedOperationException.class, () -> invalid.errors().add(new FieldError("x", "y")));
    }
}
