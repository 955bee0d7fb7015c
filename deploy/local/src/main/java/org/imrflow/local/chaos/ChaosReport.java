package org.imrflow.local.chaos;

import org.imrflow.local.LocalSystem.Component;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What a chaos run did and found; {@link #clean()} is the verdict. */
public record ChaosReport(ChaosOptions options, long wallMillis, List<Kill> kills, int submitted, long letters,
                          List<Finding> findings, List<Long> latenciesMillis, List<String> problems, long clientRetries,
                          Verifier.Totals totals, List<WireLog.DeadLetter> deadLetters, long wireRecords,
                          List<String> strangers, List<String> replicaFindings, String aborted) {

    public long lost() {
        return findings.stream().filter(f -> f.kind() == Finding.Kind.LOST).map(Finding::claimNumber).distinct().count();
    }

    public long duplicated() {
        return findings.stream().filter(f -> f.kind() == Finding.Kind.DUPLICATED).map(Finding::claimNumber).distinct().count();
    }

    public Map<Component, Long> killsByTarget() {
        Map<Component, Long> counts = new EnumMap<>(Component.class);
        kills.forEach(kill -> counts.merge(kill.target(), 1L, Long::sum));
        return counts;
    }

    /**
     * Nothing lost, nothing duplicated, every kill restarted, the run not cut short; with replicas, every killed
     * replica's partitions taken over by the others and every replica holding partitions at the end.
     */
    public boolean clean() {
        return aborted == null && findings.isEmpty() && kills.stream().allMatch(Kill::restarted) && replicaFindings.isEmpty();
    }

    /** Replica kills whose partitions the other replicas took over, in milliseconds from the kill. */
    public List<Long> takeoversMillis() {
        return kills.stream().filter(kill -> kill.takeoverMillis() >= 0).map(Kill::takeoverMillis).toList();
    }

    public long percentile(int p) {
        if (latenciesMillis.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(latenciesMillis);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    /** The summary, then every finding. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        String kills = killsByTarget().entrySet().stream()
                .map(e -> e.getKey().label() + " " + e.getValue()).collect(Collectors.joining(", "));
        out.append(String.format("%n== Chaos run summary (seed %d) ==%n", options.seed()));
        if (aborted != null) {
            out.append("ABORTED:     ").append(aborted).append(System.lineSeparator());
        }
        out.append(String.format("cases:       %d (submitted %d, letters seen %d)%n", options.cases(), submitted, letters));
        out.append(String.format("kills:       %d (%s)%s%n", this.kills.size(), kills.isEmpty() ? "none" : kills,
                this.kills.stream().anyMatch(k -> !k.restarted()) ? ", SOME NEVER CAME BACK" : ""));
        if (options.replicas() > 1) {
            List<Long> takeovers = takeoversMillis();
            out.append(String.format("replicas:    %d of each service; partitions taken over after %d of %d replica kills, in %s%n",
                    options.replicas(), takeovers.size(), this.kills.stream().filter(k -> k.target().isService()).count(),
                    takeovers.stream().map(ms -> String.format("%.1f s", ms / 1000.0)).toList()));
        }
        out.append(String.format("wall time:   %.1f s%n", wallMillis / 1000.0));
        out.append(String.format("lost:        %d%n", lost()));
        out.append(String.format("duplicated:  %d%n", duplicated()));
        out.append(String.format("submission to letter: p50 %s, p99 %s, max %s (%d cases)%n", ms(percentile(50)), ms(percentile(99)),
                ms(percentile(100)), latenciesMillis.size()));
        out.append(String.format("client retries: %d; events on the wire: %d; dead letters: %d%n", clientRetries, wireRecords,
                deadLetters.size()));
        if (totals != null) {
            out.append(String.format("totals:      intake %d cases, %d assignments, %d reviews, %d letters (the workload submitted %d)%n",
                    totals.intakeCases(), totals.assignments(), totals.reviews(), totals.letters(), options.cases()));
        }
        if (!strangers.isEmpty()) {
            out.append("reviews for case numbers no POST was answered with (a dispute entered twice): ").append(strangers)
                    .append(System.lineSeparator());
        }
        if (!replicaFindings.isEmpty()) {
            out.append(System.lineSeparator()).append("Replicas:").append(System.lineSeparator());
            replicaFindings.forEach(f -> out.append("  ").append(f).append(System.lineSeparator()));
        }
        if (!findings.isEmpty()) {
            out.append(System.lineSeparator()).append("Findings:").append(System.lineSeparator());
            findings.forEach(f -> out.append(String.format("  %-10s %-22s %s; %s%n", f.kind(), f.claimNumber(), f.what(), f.nearKill())));
        }
        if (!deadLetters.isEmpty()) {
            out.append(System.lineSeparator()).append("Dead letters:").append(System.lineSeparator());
            deadLetters.forEach(d -> out.append(String.format("  %s %s: %s%n", d.topic(), d.caseNumber(), Workload.abbreviate(d.reason()))));
        }
        if (!problems.isEmpty()) {
            out.append(System.lineSeparator()).append("Client observations:").append(System.lineSeparator());
            problems.forEach(p -> out.append("  ").append(p).append(System.lineSeparator()));
        }
        out.append(System.lineSeparator()).append(clean() ? "RESULT: clean" : "RESULT: NOT CLEAN").append(System.lineSeparator());
        return out.toString();
    }

    public void print(PrintStream out) {
        out.print(summary());
    }

    private static String ms(long millis) {
        return millis < 0 ? "-" : millis + " ms";
    }
}
