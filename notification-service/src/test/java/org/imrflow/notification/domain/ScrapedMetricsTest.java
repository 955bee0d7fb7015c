package org.imrflow.notification.domain;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScrapedMetricsTest {
    private static final String TEXT = """
            # HELP imrflow_outbox_unsent Events written but not yet published
            # TYPE imrflow_outbox_unsent gauge
            imrflow_outbox_unsent 3.0
            imrflow_dead_letters{topic="imr.case-received"} 2.0
            imrflow_dead_letters{topic="imr.decision-recorded",note="a } in a label"} 1.0
            imrflow_outbox_oldest_unsent_age_seconds NaN
            imrflow_events_consumed_total{type="x"} 7 1700000000000
            broken_line_without_value
            """;

    @Test
    void aMetricIsSummedOverItsLabels() {
        ScrapedMetrics metrics = ScrapedMetrics.parse(TEXT);
        assertEquals(Optional.of(3.0), metrics.sum("imrflow_outbox_unsent"));
        assertEquals(Optional.of(7.0), metrics.sum("imrflow_events_consumed_total"), "a timestamp after the value is ignored");
    }

    @Test
    void anAbsentOrNaNMetricIsEmpty() {
        ScrapedMetrics metrics = ScrapedMetrics.parse(TEXT);
        assertEquals(Optional.empty(), metrics.sum("imrflow_outbox_oldest_unsent_age_seconds"));
        assertEquals(Optional.empty(), metrics.sum("imrflow_outbox_parked"));
        assertEquals(Optional.empty(), ScrapedMetrics.parse("").sum("imrflow_outbox_unsent"));
    }

    @Test
    void labelsAreSkippedEvenWithABraceInAValue() {
        assertEquals(Optional.of(3.0), ScrapedMetrics.parse(TEXT).sum("imrflow_dead_letters"));
    }
}
