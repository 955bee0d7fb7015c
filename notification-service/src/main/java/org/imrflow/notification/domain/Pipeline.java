package org.imrflow.notification.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How many cases stand at each stage, and how fast they move into and out of it over a recent window. Cases reach a
 * stage on the main line only from the one before it, so the rate out of a stage is the rate into its
 * {@link CaseStage#next()}, plus the withdrawals that took cases out of it. Nothing leaves a stage a case ends in
 * (ineligible, deferred, letter issued, withdrawn): its rate out is null, not 0.
 *
 * @param received  every case seen, eligible or not, with the rate of new ones
 * @param stages    one row per stage, in pipeline order
 * @param window    the window the rates are counted over
 */
public record Pipeline(StageFigures received, List<StageFigures> stages, Duration window) {

    /** A stage's count now and its rates in cases per minute; {@code outPerMinute} is null for a final stage. */
    public record StageFigures(String stage, long count, double inPerMinute, Double outPerMinute) {
    }

    /**
     * @param counts       cases at each stage now
     * @param entries      how many cases reached each stage within the window
     * @param withdrawals  how many cases were withdrawn from each stage within the window
     */
    public static Pipeline of(Map<CaseStage, Long> counts, Map<CaseStage, Long> entries,
                              Map<CaseStage, Long> withdrawals, Duration window) {
        double minutes = window.toMillis() / 60_000.0;
        List<StageFigures> stages = new ArrayList<>();
        long all = 0;
        long allEntries = 0;
        for (CaseStage stage : CaseStage.values()) {
            long count = counts.getOrDefault(stage, 0L);
            long in = entries.getOrDefault(stage, 0L);
            all += count;
            if (stage.isFirst()) {
                allEntries += in;
            }
            Double out = stage.next()
                    .map(next -> (entries.getOrDefault(next, 0L) + withdrawals.getOrDefault(stage, 0L)) / minutes)
                    .orElse(null);
            stages.add(new StageFigures(stage.name(), count, in / minutes, out));
        }
        return new Pipeline(new StageFigures("ALL", all, allEntries / minutes, null), stages, window);
    }
}
