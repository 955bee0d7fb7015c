package org.imrflow.events.tracing;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Which traces every service keeps (Quarkus uses a {@link Sampler} bean in place of {@code quarkus.otel.traces.sampler}).
 * Kept: every trace that a request, an event or the relay starts, and every span in it. Dropped: a database query or
 * outgoing call that would start a trace of its own, which only background work does (the outbox relay's poll every
 * 2 s, the sweeps, gauges and pruning, the fetch of the identity provider's keys). Those would otherwise bury the cases'
 * traces under thousands of one-span traces.
 */
@Singleton
public class TraceSampler implements Sampler {
    private static final Sampler ROOTS = new Sampler() {
        @Override
        public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
                                           Attributes attributes, List<LinkData> parentLinks) {
            return spanKind == SpanKind.CLIENT ? SamplingResult.drop() : SamplingResult.recordAndSample();
        }

        @Override
        public String getDescription() {
            return "NoClientRoots";
        }
    };

    private final Sampler sampler = Sampler.parentBased(ROOTS);

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
                                       Attributes attributes, List<LinkData> parentLinks) {
        return sampler.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    }

    @Override
    public String getDescription() {
        return sampler.getDescription();
    }
}
