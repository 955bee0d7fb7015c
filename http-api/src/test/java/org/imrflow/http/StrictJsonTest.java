package org.imrflow.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StrictJsonTest {
    enum Level { MTUS, EXPERT_OPINION }

    record Item(String description, Level level, LocalDate date, List<String> tags) {
    }

    record Body(List<Item> items) {
    }

    /** Quarkus's own ObjectMapper, roughly: modules found, unknown properties ignored. */
    private final ObjectMapper json = new StrictJson(JsonMapper.builder().findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()).getContext(Object.class);

    private Item item(String fields) throws Exception {
        return json.readValue("{" + fields + "}", Item.class);
    }

    @Test
    void ordinaryValuesStillRead() throws Exception {
        Item item = item("\"description\": \"Neck pain,\\ttwo lines\\r\\nand ünïcödé 😀\", \"level\": \"EXPERT_OPINION\","
                + " \"date\": \"2024-02-29\", \"tags\": [\"a\", \"b\"]");
        assertEquals("Neck pain,\ttwo lines\r\nand ünïcödé 😀", item.description());
        assertEquals(Level.EXPERT_OPINION, item.level());
        assertEquals(LocalDate.of(2024, 2, 29), item.date());
        assertEquals(List.of("a", "b"), item.tags());
        assertEquals(new Item(null, null, null, null), item("\"description\": null, \"level\": null, \"date\": null"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "a\\u0000b", "\\u0001\\u0002", "\\u001f", "\\u007f", "\\u0085", "\\u009f", "\\ud800", "x\\udc00"})
    void controlCharactersAndBrokenSurrogatesAreRefusedNamingTheField(String text) {
        RejectedJsonValueException e = assertThrows(RejectedJsonValueException.class,
                () -> json.readValue("{\"items\": [{\"description\": \"" + text + "\"}]}", Body.class));
        assertEquals("items[0].description", path(e));
    }

    @Test
    void listElementsFollowTheSameRule() {
        RejectedJsonValueException e = assertThrows(RejectedJsonValueException.class,
                () -> json.readValue("{\"items\": [{\"tags\": [\"ok\", \"\\u0000\"]}]}", Body.class));
        assertEquals("items[0].tags[1]", path(e));
        assertEquals("must not contain control characters (found U+0000)", e.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"0\"", "0", "1", "\"1\"", "-1", "\"MTUS \"", "\" MTUS\"", "\"mtus\"", "\"\"", "true", "{}", "[]",
            "1.5", "\"UNKNOWN\""})
    void enumsTakeOnlyTheirExactNames(String value) {
        InvalidFormatException e = assertThrows(InvalidFormatException.class, () -> item("\"level\": " + value));
        assertEquals(Level.class, e.getTargetType());
        assertEquals("level", path(e));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2024-02-29T00:00:00Z\"", "\"2024-02-29T00:00:00\"", "19000", "-1", "0", "\"-0001-01-01\"",
            "\"+10000-01-01\"", "\"10000-01-01\"", "\"2023-02-29\"", "\"2024-13-01\"", "\"2024-1-1\"", "\"20240101\"", "\"\"",
            "\" 2024-01-01\"", "\"2024-01-01 \"", "[2024, 1, 1]", "{}", "true", "\"２０２４-01-01\""})
    void datesAreOnlyYyyyMmDdWithAFourDigitYear(String value) {
        RejectedJsonValueException e = assertThrows(RejectedJsonValueException.class, () -> item("\"date\": " + value));
        assertEquals("date", path(e));
    }

    @Test
    void wrongTypesForStringsAreStillJacksonsOwnErrors() {
        assertThrows(MismatchedInputException.class, () -> item("\"description\": {}"));
    }

    @Test
    void theProblemNamesTheFieldAndWhatIsAllowed() {
        assertEquals(List.of(new FieldError("level", "must be one of [MTUS, EXPERT_OPINION]")), errorsFor("\"level\": 0"));
        assertEquals(List.of(new FieldError("date", "must be a date as yyyy-MM-dd")), errorsFor("\"date\": \"2024-02-29T00:00:00Z\""));
        assertEquals(List.of(new FieldError("date", "must be a real date as yyyy-MM-dd")), errorsFor("\"date\": \"2023-02-29\""));
        assertEquals(List.of(new FieldError("description", "must not contain control characters (found U+0001)")),
                errorsFor("\"description\": \"\\u0001\\u0002\""));
    }

    private List<FieldError> errorsFor(String fields) {
        MismatchedInputException e = assertThrows(MismatchedInputException.class, () -> item(fields));
        Problem problem = new ProblemMappers().mismatchedInput(e, null).getEntity();
        assertEquals(400, problem.status());
        return problem.errors();
    }

    static String path(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
