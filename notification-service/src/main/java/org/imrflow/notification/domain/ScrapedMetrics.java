package org.imrflow.notification.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A service's metrics as Prometheus's text format gives them: each metric's value, summed over its labels. Enough to
 * read the spine's gauges (outbox backlog, dead letters) off another service's management interface.
 */
public final class ScrapedMetrics {
    private final Map<String, Double> sums;

    private ScrapedMetrics(Map<String, Double> sums) {
        this.sums = sums;
    }

    public static ScrapedMetrics parse(String text) {
        Map<String, Double> sums = new HashMap<>();
        for (String line : text.split("\n")) {
            String sample = line.strip();
            if (sample.isEmpty() || sample.startsWith("#")) {
                continue;
            }
            int nameEnd = endOfName(sample);
            int valueStart = sample.charAt(nameEnd) == '{' ? endOfLabels(sample, nameEnd) + 1 : nameEnd;
            if (valueStart <= 0) {
                continue;
            }
            String[] rest = sample.substring(valueStart).strip().split("\\s+");
            try {
                double value = Double.parseDouble(rest[0]);
                if (!Double.isNaN(value)) {
                    sums.merge(sample.substring(0, nameEnd), value, Double::sum);
                }
            } catch (NumberFormatException e) {
                // not a sample line this reader understands: skip it rather than fail the whole scrape
            }
        }
        return new ScrapedMetrics(sums);
    }

    private static int endOfName(String sample) {
        int i = 0;
        while (i < sample.length() && sample.charAt(i) != '{' && !Character.isWhitespace(sample.charAt(i))) {
            i++;
        }
        return Math.min(i, sample.length() - 1);
    }

    /** The index of the brace that closes the labels opened at {@code open}; a brace inside a quoted value does not. */
    private static int endOfLabels(String sample, int open) {
        boolean quoted = false;
        for (int i = open + 1; i < sample.length(); i++) {
            char c = sample.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '}' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    /** The metric's value summed over its labels; empty when the service does not export it (or only NaN). */
    public Optional<Double> sum(String metric) {
        return Optional.ofNullable(sums.get(metric));
    }
}
