package org.imrflow.events.tracing;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OtlpEndpointConfigSourceTest {

    @Test
    void withoutAnEndpointTheSdkIsOffAndNothingIsExported() {
        Map<String, String> off = Map.of("quarkus.otel.sdk.disabled", "true");
        assertEquals(off, new OtlpEndpointConfigSource(null).getProperties());
        assertEquals(off, new OtlpEndpointConfigSource("  ").getProperties());
    }

    @Test
    void anEndpointTurnsTheSdkOnAndExportsThere() {
        assertEquals(Map.of("quarkus.otel.sdk.disabled", "false",
                        "quarkus.otel.exporter.otlp.traces.endpoint", "http://127.0.0.1:4318"),
                new OtlpEndpointConfigSource(" http://127.0.0.1:4318 ").getProperties());
    }

    @Test
    void everyOtherSourceWins() {
        assertEquals(50, new OtlpEndpointConfigSource(null).getOrdinal(),
                "below META-INF/microprofile-config.properties (100), application.properties and the environment");
    }
}
