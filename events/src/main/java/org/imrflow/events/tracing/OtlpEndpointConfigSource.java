package org.imrflow.events.tracing;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * Turns tracing on exactly when {@value #VARIABLE} names an OTLP collector: the OpenTelemetry SDK then exports every
 * service's spans there (OTLP/HTTP with protobuf, see the events module's microprofile-config.properties). Unset or
 * blank, the SDK is disabled: no exporter, no connection attempts, no trace context read from requests or records
 * (Quarkus keeps a tracer without exporter, so log lines still carry ids). Quarkus alone would export to
 * {@code localhost:4317} when no endpoint is set, and no setting can say "disabled unless a variable is set".
 *
 * <p>Its ordinal is below every other source's, so an explicit {@code quarkus.otel.sdk.disabled} or
 * {@code quarkus.otel.exporter.otlp.traces.endpoint} wins (the events module's tests turn the SDK on that way).
 */
public class OtlpEndpointConfigSource implements ConfigSource {
    public static final String VARIABLE = "IMRFLOW_OTLP_ENDPOINT";
    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    static final String TRACES_ENDPOINT = "quarkus.otel.exporter.otlp.traces.endpoint";

    private final Map<String, String> properties;

    public OtlpEndpointConfigSource() {
        this(System.getenv(VARIABLE));
    }

    OtlpEndpointConfigSource(String endpoint) {
        properties = endpoint == null || endpoint.isBlank()
                ? Map.of(SDK_DISABLED, "true")
                : Map.of(SDK_DISABLED, "false", TRACES_ENDPOINT, endpoint.strip());
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return VARIABLE;
    }

    /** Below META-INF/microprofile-config.properties (100), application.properties (250) and the environment (300). */
    @Override
    public int getOrdinal() {
        return 50;
    }
}
