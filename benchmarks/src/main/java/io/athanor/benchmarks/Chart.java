package io.athanor.benchmarks;

import java.util.List;
import java.util.Locale;

/**
 * An SVG bar chart of the two ratios of every row, on a logarithmic axis from 0.1 to 100 with a
 * line at 1: blue bars are Athanor/JDBC (left of 1 is better), orange bars Hibernate/Athanor
 * (right of 1 is better).
 */
final class Chart {
    private static final int LABEL = 430;
    private static final int PLOT = 560;
    private static final int BAR = 11;
    private static final int ROW = 2 * BAR + 8;
    private static final double MIN = 0.1;
    private static final double MAX = 100;

    private Chart() {
    }

    static String svg(List<Report.Row> rows, String mode) {
        List<Report.Row> shown = rows.stream()
                .filter(r -> r.athanorOverJdbc() != null || r.hibernateOverAthanor() != null).toList();
        int height = 70 + shown.size() * ROW + 30;
        int width = LABEL + PLOT + 60;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">\n", width, height));
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append(text(10, 18, "Athanor benchmarks (" + mode + "): cost ratios, log scale", "font-size=\"14\""));
        s.append("<rect x=\"10\" y=\"28\" width=\"12\" height=\"10\" fill=\"#3b75af\"/>");
        s.append(text(26, 37, "Athanor / JDBC floor (lower is better)", ""));
        s.append("<rect x=\"290\" y=\"28\" width=\"12\" height=\"10\" fill=\"#ef8636\"/>");
        s.append(text(306, 37, "Hibernate / Athanor (higher is better)", ""));
        int top = 60;
        int bottom = top + shown.size() * ROW;
        for (double tick : new double[] {0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100}) {
            double x = x(tick);
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\"/>\n",
                    x, top - 4, x, bottom, tick == 1 ? "black" : "#dddddd"));
            s.append(text(x - 8, bottom + 14, trim(tick), ""));
        }
        int y = top;
        for (Report.Row r : shown) {
            s.append(text(10, y + BAR + 4, r.db() + " · " + r.id() + " " + r.label(), ""));
            bar(s, y, r.athanorOverJdbc(), "#3b75af");
            bar(s, y + BAR, r.hibernateOverAthanor(), "#ef8636");
            y += ROW;
        }
        return s.append("</svg>\n").toString();
    }

    private static void bar(StringBuilder s, int y, Double ratio, String color) {
        if (ratio == null) {
            return;
        }
        double one = x(1);
        double end = x(Math.max(MIN, Math.min(MAX, ratio)));
        s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
                Math.min(one, end), y, Math.max(1, Math.abs(end - one)), BAR - 1, color));
        s.append(text(Math.max(one, end) + 3, y + BAR - 2, String.format(Locale.ROOT, "%.2f", ratio), "")).append('\n');
    }

    private static double x(double ratio) {
        return LABEL + PLOT * (Math.log10(ratio) - Math.log10(MIN)) / (Math.log10(MAX) - Math.log10(MIN));
    }

    private static String trim(double v) {
        return v < 1 ? Double.toString(v) : Long.toString((long) v);
    }

    private static String text(double x, double y, String content, String attributes) {
        String escaped = content.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" %s>%s</text>", x, y, attributes, escaped);
    }
}
