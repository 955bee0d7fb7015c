package org.imrflow.local.load;

import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's latency histograms, in microseconds, built from the cases once the run is over: the HTTP accept of each
 * submission, each hop from one event committed to the next (Kafka record timestamps, so milliseconds), and each
 * case's submission to the moment the generator saw its last event.
 */
final class Latencies {
    static final String ACCEPT = "HTTP accept (POST /api/cases)";
    static final String TO_RECEIVED = "submission -> case-received (intake + relay)";
    static final String TO_ASSIGNED = "case-received -> reviewer-assigned (assignment)";
    static final String TO_ACCEPTED = "reviewer-assigned -> offer-accepted (review + reviewer's POST)";
    static final String TO_DECIDED = "offer-accepted -> decision-recorded (reviewer's POST + review)";
    static final String TO_LETTER = "decision-recorded -> letter-issued (notification)";
    static final String TO_INELIGIBLE = "submission -> case-ineligible (intake + relay)";
    static final String SUBMISSION_TO_LETTER = "submission -> letter-issued seen";
    /** The hops between two services' events, which the Kafka comparison is for. */
    static final List<String> HOPS = List.of(TO_RECEIVED, TO_ASSIGNED, TO_ACCEPTED, TO_DECIDED, TO_LETTER);
    private static final long HIGHEST_MICROS = 3_600_000_000L;

    private final Map<String, Histogram> histograms = new LinkedHashMap<>();

    Latencies() {
        for (String name : List.of(ACCEPT, TO_RECEIVED, TO_ASSIGNED, TO_ACCEPTED, TO_DECIDED, TO_LETTER, TO_INELIGIBLE,
                SUBMISSION_TO_LETTER)) {
            histograms.put(name, new Histogram(HIGHEST_MICROS, 3));
        }
    }

    static Latencies of(List<LoadCase> cases) {
        Latencies latencies = new Latencies();
        for (LoadCase c : cases) {
            if (c.acceptMicros > 0) {
                latencies.record(ACCEPT, c.acceptMicros);
            }
            if (!c.complete()) {
                continue;
            }
            if (c.ineligible) {
                latencies.hop(TO_INELIGIBLE, c.submittedAt, c.committedAt(WireStep.CASE_INELIGIBLE));
                continue;
            }
            latencies.hop(TO_RECEIVED, c.submittedAt, c.committedAt(WireStep.CASE_RECEIVED));
            latencies.hop(TO_ASSIGNED, c.committedAt(WireStep.CASE_RECEIVED), c.committedAt(WireStep.REVIEWER_ASSIGNED));
            latencies.hop(TO_ACCEPTED, c.committedAt(WireStep.REVIEWER_ASSIGNED), c.committedAt(WireStep.OFFER_ACCEPTED));
            latencies.hop(TO_DECIDED, c.committedAt(WireStep.OFFER_ACCEPTED), c.committedAt(WireStep.DECISION_RECORDED));
            latencies.hop(TO_LETTER, c.committedAt(WireStep.DECISION_RECORDED), c.committedAt(WireStep.LETTER_ISSUED));
            latencies.hop(SUBMISSION_TO_LETTER, c.submittedAt, c.completedAt);
        }
        return latencies;
    }

    /** A hop between two epoch-millisecond instants; skipped when either is unknown. Clocks are one machine's. */
    private void hop(String name, long fromMillis, long toMillis) {
        if (fromMillis > 0 && toMillis > 0) {
            record(name, Math.max(0, toMillis - fromMillis) * 1_000);
        }
    }

    private void record(String name, long micros) {
        histograms.get(name).recordValue(Math.min(micros, HIGHEST_MICROS));
    }

    Map<String, Histogram> all() {
        return histograms;
    }

    Histogram get(String name) {
        return histograms.get(name);
    }

    /** A percentile in milliseconds, or NaN when nothing was recorded. */
    static double millis(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1_000.0;
    }
}
