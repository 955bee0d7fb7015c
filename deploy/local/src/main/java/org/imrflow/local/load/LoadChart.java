package org.imrflow.local.load;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The load run as one self-contained HTML page (inline SVG, no script, nothing fetched): cases completed per second
 * over the run, and each latency's percentile curve on HdrHistogram's "nines" axis, with the summary beneath.
 */
final class LoadChart {
    private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
            "#7f7f7f"};
    private static final int WIDTH = 900;
    private static final int HEIGHT = 320;
    private static final int LEFT = 60;
    private static final int BOTTOM = 40;
    /** The percentile axis: 0, 90, 99, 99.9, 99.99 evenly spaced, as HdrHistogram's plotter draws it. */
    private static final double MAX_NINES = 4;

    private LoadChart() {
    }

    static String html(LoadReport report) {
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>IMR Flow load run</title>
                <style>body{font:14px system-ui,sans-serif;margin:24px;max-width:960px}pre{font-size:12px;background:#f6f6f6;
                padding:12px;overflow:auto}svg{background:#fff;border:1px solid #ddd}text{font-size:11px}</style></head><body>
                """);
        page.append("<h1>IMR Flow load run</h1>");
        page.append(String.format(Locale.ROOT, "<p>%d cases at concurrency %d: %.1f cases/s.</p>", report.options().cases(),
                report.options().concurrency(), report.casesPerSecond()));
        page.append("<h2>Cases completed per second</h2>").append(throughput(report.completionsPerSecond()));
        page.append("<h2>Latency by percentile (ms, log scale)</h2>").append(percentiles(report.latencies().all()));
        page.append("<h2>Summary</h2><pre>");
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
        report.print(new java.io.PrintStream(text, true, java.nio.charset.StandardCharsets.UTF_8));
        page.append(escape(text.toString(java.nio.charset.StandardCharsets.UTF_8))).append("</pre></body></html>\n");
        return page.toString();
    }

    /** Completions per second, averaged over 5 s: letters come in bursts (a relay's batch), which hide the trend. */
    private static String throughput(int[] completionsEachSecond) {
        int buckets = (completionsEachSecond.length + 4) / 5;
        int[] perSecond = new int[buckets];
        for (int second = 0; second < completionsEachSecond.length; second++) {
            perSecond[second / 5] += completionsEachSecond[second];
        }
        for (int bucket = 0; bucket < buckets; bucket++) {
            perSecond[bucket] = Math.round(perSecond[bucket] / 5f);
        }
        int max = 1;
        for (int value : perSecond) {
            max = Math.max(max, value);
        }
        StringBuilder svg = svgStart();
        int n = Math.max(1, perSecond.length);
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < perSecond.length; i++) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i, n), y((double) perSecond[i] / max)));
        }
        svg.append("<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"1.5\" points=\"").append(points).append("\"/>");
        axisLabel(svg, "seconds into the run (0 to " + completionsEachSecond.length + ")", "cases/s, 5-s averages (max " + max + ")");
        return svg.append("</svg>").toString();
    }

    private static String percentiles(Map<String, Histogram> histograms) {
        double maxMillis = 1;
        for (Histogram histogram : histograms.values()) {
            if (histogram.getTotalCount() > 0) {
                maxMillis = Math.max(maxMillis, histogram.getMaxValue() / 1000.0);
            }
        }
        double logMax = Math.log10(maxMillis * 1.2);
        double logMin = -1; // 0.1 ms
        StringBuilder svg = svgStart();
        List<String> legend = new ArrayList<>();
        int colour = 0;
        for (Map.Entry<String, Histogram> entry : histograms.entrySet()) {
            Histogram histogram = entry.getValue();
            if (histogram.getTotalCount() == 0) {
                continue;
            }
            String stroke = COLOURS[colour++ % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (int step = 0; step <= 200; step++) {
                double nines = MAX_NINES * step / 200;
                double percentile = 100 * (1 - Math.pow(10, -nines));
                double millis = Math.max(0.1, histogram.getValueAtPercentile(percentile) / 1000.0);
                double height = (Math.log10(millis) - logMin) / (logMax - logMin);
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(step, 201), y(height)));
            }
            svg.append("<polyline fill=\"none\" stroke=\"").append(stroke).append("\" stroke-width=\"1.5\" points=\"")
                    .append(points).append("\"/>");
            legend.add("<span style=\"color:" + stroke + "\">&#9632;</span> " + escape(entry.getKey()));
        }
        String[] ticks = {"0%", "90%", "99%", "99.9%", "99.99%"};
        for (int nines = 0; nines < ticks.length; nines++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>", x(nines, ticks.length) - 10,
                    HEIGHT - BOTTOM + 16, ticks[nines]));
        }
        for (double millis = 0.1; millis <= maxMillis * 1.2; millis *= 10) {
            double height = (Math.log10(millis) - logMin) / (logMax - logMin);
            svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%.1f\">%s</text>", y(height) + 4,
                    millis < 1 ? "0.1 ms" : String.format(Locale.ROOT, "%.0f ms", millis)));
        }
        axisLabel(svg, "percentile", "");
        return svg.append("</svg><p>").append(String.join("<br>", legend)).append("</p>").toString();
    }

    private static StringBuilder svgStart() {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">"
                        + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/><line x1=\"%d\" y1=\"10\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>",
                WIDTH, HEIGHT, WIDTH, HEIGHT, LEFT, HEIGHT - BOTTOM, WIDTH - 10, HEIGHT - BOTTOM, LEFT, LEFT, HEIGHT - BOTTOM));
    }

    private static void axisLabel(StringBuilder svg, String xLabel, String yLabel) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text><text x=\"%d\" y=\"12\">%s</text>",
                WIDTH / 2 - 60, HEIGHT - 6, escape(xLabel), LEFT + 4, escape(yLabel)));
    }

    private static double x(int index, int count) {
        return LEFT + (WIDTH - LEFT - 20) * (count <= 1 ? 0 : (double) index / (count - 1));
    }

    /** @param fraction 0 at the axis, 1 at the top */
    private static double y(double fraction) {
        return HEIGHT - BOTTOM - (HEIGHT - BOTTOM - 10) * Math.max(0, Math.min(1, fraction));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
