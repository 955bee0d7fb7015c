package org.imrflow.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.imrflow.events.testing.LargestEvents;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** REST validation and the JSON Schemas use one set of limits, and the largest valid event fits Kafka. */
class EventLimitsTest {
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    /** Room for the key, the CloudEvents headers and Kafka's record and batch framing. */
    private static final int FRAMING = 4_096;

    private static JsonNode schema(String file) throws IOException {
        try (InputStream in = EventLimitsTest.class.getResourceAsStream("/schemas/" + file)) {
            return JSON.readTree(in);
        }
    }

    @Test
    void theSchemasBoundEveryTextAndListByTheSharedLimits() throws IOException {
        Map<String, Map<String, Integer>> expected = Map.of(
                "common.v1.json", Map.of(
                        "/$defs/disputedItem/properties/description/maxLength", EventLimits.ITEM_DESCRIPTION,
                        "/$defs/disputedItem/properties/icd10Code/maxLength", EventLimits.ICD10_CODE,
                        "/$defs/claimsAdministratorGuideline/properties/citation/maxLength", EventLimits.GUIDELINE_CITATION,
                        "/$defs/reviewerGuideline/properties/source/maxLength", EventLimits.GUIDELINE_SOURCE,
                        "/$defs/reviewerGuideline/properties/chapter/maxLength", EventLimits.GUIDELINE_CHAPTER,
                        "/$defs/reviewerGuideline/properties/pages/maxLength", EventLimits.GUIDELINE_PAGES,
                        "/$defs/reviewerQualifications/properties/specialty/maxLength", EventLimits.SPECIALTY,
                        "/$defs/reviewerQualifications/properties/boardCertification/maxLength", EventLimits.BOARD_CERTIFICATION),
                "case-received.v1.json", Map.of(
                        "/properties/claimsAdministratorOrg/maxLength", EventLimits.ORG_ID,
                        "/properties/parties/properties/employeeName/maxLength", EventLimits.NAME,
                        "/properties/parties/properties/representativeName/maxLength", EventLimits.NAME,
                        "/properties/parties/properties/representativeFirm/maxLength", EventLimits.NAME,
                        "/properties/parties/properties/employer/maxLength", EventLimits.NAME,
                        "/properties/parties/properties/claimsAdministrator/maxLength", EventLimits.NAME,
                        "/properties/parties/properties/requestingPhysician/maxLength", EventLimits.NAME,
                        "/properties/parties/properties/requestingPhysicianSpecialty/maxLength", EventLimits.SPECIALTY,
                        "/properties/claimNumber/maxLength", EventLimits.CLAIM_NUMBER,
                        "/properties/disputedItems/maxItems", EventLimits.DISPUTED_ITEMS),
                "reviewer-assigned.v1.json", Map.of(
                        "/properties/reviewerId/maxLength", EventLimits.REVIEWER_ID,
                        "/properties/disputedItems/maxItems", EventLimits.DISPUTED_ITEMS),
                "decision-recorded.v1.json", Map.of(
                        "/properties/reviewerId/maxLength", EventLimits.REVIEWER_ID,
                        "/properties/clinicalCaseSummary/maxLength", EventLimits.CLINICAL_CASE_SUMMARY,
                        "/properties/decisions/maxItems", EventLimits.DISPUTED_ITEMS,
                        "/properties/decisions/items/properties/description/maxLength", EventLimits.ITEM_DESCRIPTION,
                        "/properties/decisions/items/properties/rationale/maxLength", EventLimits.RATIONALE),
                "case-ineligible.v1.json", Map.of(
                        "/properties/reasons/maxItems", EventLimits.SCREENING_REASONS,
                        "/properties/reasons/items/maxLength", EventLimits.SCREENING_REASON),
                "letter-issued.v1.json", Map.of(
                        "/properties/outcomes/maxItems", EventLimits.DISPUTED_ITEMS),
                "event-dead-lettered.v1.json", Map.of(
                        "/properties/service/maxLength", EventLimits.SERVICE_NAME,
                        "/properties/eventType/maxLength", EventLimits.EVENT_TYPE,
                        "/properties/reason/maxLength", EventLimits.DEAD_LETTER_REASON),
                "dead-letter-replayed.v1.json", Map.of(
                        "/properties/service/maxLength", EventLimits.SERVICE_NAME));
        for (var file : expected.entrySet()) {
            JsonNode schema = schema(file.getKey());
            for (var limit : file.getValue().entrySet()) {
                assertEquals(limit.getValue().intValue(), schema.at(limit.getKey()).asInt(-1),
                        file.getKey() + "#" + limit.getKey());
            }
        }
    }

    @Test
    void everyStringInEverySchemaIsBounded() throws IOException {
        for (String file : List.of("common.v1.json", "case-received.v1.json", "case-ineligible.v1.json",
                "reviewer-assigned.v1.json", "decision-recorded.v1.json", "letter-issued.v1.json",
                "event-dead-lettered.v1.json", "dead-letter-replayed.v1.json")) {
            assertBounded(file, "", schema(file));
        }
    }

    private static void assertBounded(String file, String path, JsonNode node) {
        if (!node.isObject()) {
            return;
        }
        JsonNode type = node.get("type");
        boolean string = type != null && (type.asText().equals("string")
                || (type.isArray() && type.toString().contains("\"string\"")));
        if (string && !node.has("format") && !node.has("pattern")) {
            assertTrue(node.has("maxLength"), file + "#" + path + " is an unbounded string");
        }
        if (type != null && type.asText().equals("array")) {
            assertTrue(node.has("maxItems"), file + "#" + path + " is an unbounded list");
        }
        node.fields().forEachRemaining(field -> assertBounded(file, path + "/" + field.getKey(), field.getValue()));
    }

    @Test
    void theLargestValidDeterminationValidatesAndFitsInOneKafkaRequest() throws IOException {
        DecisionRecorded largest = LargestEvents.determination("CM26-0000001");
        assertEquals(List.of(), EventSchemas.violations(EventType.DECISION_RECORDED, JSON.valueToTree(largest)));
        int bytes = JSON.writeValueAsBytes(largest).length;
        assertTrue(bytes + FRAMING <= EventLimits.MAX_EVENT_BYTES,
                "the largest decision-recorded is " + bytes + " bytes; Kafka takes " + EventLimits.MAX_EVENT_BYTES);
    }
}
