package org.imrflow.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * A collector in miniature: takes the spans the services export over OTLP/HTTP with protobuf ({@code POST /v1/traces},
 * as {@code IMRFLOW_OTLP_ENDPOINT} makes them), on loopback and a free port, and keeps them for the tests to read.
 */
final class OtlpReceiver implements AutoCloseable {
    private static final HexFormat HEX = HexFormat.of();

    /** One span as received, with its service (the {@code service.name} resource attribute). */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, String kind,
                        Map<String, String> attributes, List<String> linkedSpanIds) {
        boolean isRoot() {
            return parentSpanId.isEmpty();
        }

        @Override
        public String toString() {
            return service + " " + kind + " \"" + name + "\" " + traceId + "/" + spanId + " parent " + parentSpanId
                    + (linkedSpanIds.isEmpty() ? "" : " links " + linkedSpanIds) + " " + attributes;
        }
    }

    private final HttpServer server;
    private final Queue<ReceivedSpan> spans = new ConcurrentLinkedQueue<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    static OtlpReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            OtlpReceiver receiver = new OtlpReceiver(server);
            server.createContext("/v1/traces", receiver::export);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the OTLP receiver", e);
        }
    }

    /** What the services are given as {@code IMRFLOW_OTLP_ENDPOINT}. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ReceivedSpan> spans(Predicate<ReceivedSpan> which) {
        return spans.stream().filter(which).toList();
    }

    List<ReceivedSpan> trace(String traceId) {
        return spans(span -> span.traceId().equals(traceId));
    }

    private void export(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            for (ResourceSpans resourceSpans : ExportTraceServiceRequest.parseFrom(body).getResourceSpansList()) {
                String service = text(resourceSpans.getResource().getAttributesList()).getOrDefault("service.name", "");
                for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                    scopeSpans.getSpansList().forEach(span -> spans.add(new ReceivedSpan(service,
                            HEX.formatHex(span.getTraceId().toByteArray()), HEX.formatHex(span.getSpanId().toByteArray()),
                            HEX.formatHex(span.getParentSpanId().toByteArray()), span.getName(),
                            span.getKind().name().replace("SPAN_KIND_", ""), text(span.getAttributesList()),
                            span.getLinksList().stream().map(link -> HEX.formatHex(link.getSpanId().toByteArray())).toList())));
                }
            }
            byte[] response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, response.length == 0 ? -1 : response.length);
            if (response.length > 0) {
                exchange.getResponseBody().write(response);
            }
        }
    }

    private static Map<String, String> text(List<KeyValue> attributes) {
        return attributes.stream().collect(Collectors.toMap(KeyValue::getKey, attribute -> text(attribute.getValue()),
                (first, second) -> second));
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case INT_VALUE -> Long.toString(value.getIntValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            default -> value.toString().strip();
        };
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
