package org.imrflow.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schemas of the event payloads, loaded once from the classpath. Consumers reject what does not validate,
 * and tests check that everything a service produces does.
 */
public final class EventSchemas {
    private static final String BASE = "https://imrflow.org/schemas/";
    private static final Map<EventType, JsonSchema> SCHEMAS = load();

    private EventSchemas() {
    }

    /** Every violation, as "$.path: message"; empty when the payload is valid. */
    public static List<String> violations(EventType type, JsonNode payload) {
        return SCHEMAS.get(type).validate(payload).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }

    private static Map<EventType, JsonSchema> load() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE, "classpath:schemas/")));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            String file = type.schemaResource().substring("schemas/".length());
            JsonSchema schema = factory.getSchema(SchemaLocation.of(BASE + file), config);
            schema.initializeValidators();
            schemas.put(type, schema);
        }
        return schemas;
    }
}
