package org.imrflow.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The AsyncAPI document is valid YAML, names every event type's topic and message, and every reference in it resolves. */
class AsyncApiDocumentTest {

    private static JsonNode document() throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @Test
    void everyEventTypeHasItsChannelAndMessage() throws IOException {
        JsonNode document = document();
        List<String> missing = new ArrayList<>();
        for (EventType type : EventType.values()) {
            boolean channel = false;
            for (JsonNode candidate : document.path("channels")) {
                channel |= candidate.path("address").asText().equals(type.topic());
            }
            boolean message = false;
            for (JsonNode candidate : document.path("components").path("messages")) {
                message |= candidate.path("payload").path("schema").path("$ref").asText().equals("./" + type.schemaResource());
            }
            if (!channel || !message) {
                missing.add(type.topic() + (channel ? "" : " (no channel)") + (message ? "" : " (no message)"));
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyReferenceResolves() throws IOException {
        JsonNode document = document();
        List<String> unresolved = new ArrayList<>();
        collectUnresolved(document, document, unresolved);
        assertEquals(List.of(), unresolved);
    }

    private static void collectUnresolved(JsonNode root, JsonNode node, List<String> unresolved) {
        if (node.isObject()) {
            String ref = node.path("$ref").asText("");
            if (ref.startsWith("#/") && root.at(ref.substring(1).replace("~", "~0")).isMissingNode()) {
                unresolved.add(ref);
            }
            node.forEach(child -> collectUnresolved(root, child, unresolved));
        } else if (node.isArray()) {
            node.forEach(child -> collectUnresolved(root, child, unresolved));
        }
    }
}
