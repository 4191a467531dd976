package org.tactgate.web;

import java.util.List;
import java.util.Locale;

/**
 * The dashboard's chart, drawn on the server as inline SVG (no scripts, no external files):
 * one stacked bar per day, passed / held / quarantined, scaled to the busiest day.
 *
 * <p>SECURITY: the output is inserted into the page unescaped, so it is built only from numbers
 * and the ISO dates of {@link DayCount#day()}, which are checked to be digits and dashes.
 */
final class SvgChart {
    private static final int WIDTH = 700;
    private static final int HEIGHT = 220;
    private static final int BOTTOM = 24;
    private static final int TOP = 16;
    private static final String[] COLOURS = {"#9bb7d4", "#e0a030", "#c0392b"};

    private SvgChart() {
    }

    static String stackedDays(List<DayCount> days) {
        long max = Math.max(1, days.stream().mapToLong(DayCount::in).max().orElse(1));
        double slot = (double) WIDTH / Math.max(1, days.size());
        double barWidth = slot * 0.7;
        double plot = HEIGHT - BOTTOM - TOP;
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"Messages per day: passed, held, quarantined\" class=\"chart\">");
        b.append("<text x=\"0\" y=\"12\" font-size=\"11\" fill=\"#555\">max ").append(max).append("/day</text>");
        for (int i = 0; i < days.size(); i++) {
            DayCount d = days.get(i);
            if (!d.day().matches("[0-9-]{10}")) {
                throw new IllegalArgumentException("not an ISO date: " + d.day());
            }
            long passed = Math.max(0, d.in() - d.held() - d.quarantined());
            long[] parts = {passed, d.held(), d.quarantined()};
            double x = i * slot + (slot - barWidth) / 2;
            double y = HEIGHT - BOTTOM;
            for (int p = 0; p < parts.length; p++) {
                double h = plot * parts[p] / max;
                y -= h;
                if (parts[p] > 0) {
                    b.append(String.format(Locale.ROOT,
                            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %d</title></rect>",
                            x, y, barWidth, h, COLOURS[p], d.day(), parts[p]));
                }
            }
            b.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\" fill=\"#333\">%s</text>",
                    x + barWidth / 2, HEIGHT - 8, d.day().substring(5)));
        }
        return b.append("</svg>").toString();
    }
}
