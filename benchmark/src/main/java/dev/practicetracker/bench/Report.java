package dev.practicetracker.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The one table a run prints: each figure with its unit, its ratio to the raw insert rate, its latencies. */
final class Report {

    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void raw(String label, double perSecond) {
        row(label, perSecond, "tx/s", 1.0, Double.NaN, Double.NaN, 0);
    }

    void row(String label, double value, String unit, double ratio, double p50, double p99, long failures) {
        rows.add(new String[] {
            label,
            String.format(Locale.ROOT, "%,.0f %s", value, unit),
            Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2fx", ratio),
            Double.isNaN(p50) ? "-" : String.format(Locale.ROOT, "%.1f", p50),
            Double.isNaN(p99) ? "-" : String.format(Locale.ROOT, "%.1f", p99),
            String.valueOf(failures)
        });
    }

    void note(String note) {
        notes.add(note);
    }

    /** A Markdown table, so it can be pasted into docs/performance.md as printed. */
    String table() {
        String[] header = {"figure", "rate", "vs raw insert", "p50 ms", "p99 ms", "failed"};
        int[] widths = new int[header.length];
        List<String[]> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (String[] row : all) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (int r = 0; r < all.size(); r++) {
            String[] row = all.get(r);
            table.append('|');
            for (int i = 0; i < row.length; i++) {
                String cell = row[i];
                table.append(' ')
                        .append(i == 0 ? pad(cell, widths[i]) : padLeft(cell, widths[i]))
                        .append(" |");
            }
            table.append('\n');
            if (r == 0) {
                table.append('|');
                for (int i = 0; i < widths.length; i++) {
                    table.append(i == 0 ? "-".repeat(widths[i] + 2) : "-".repeat(widths[i] + 1) + ":")
                            .append('|');
                }
                table.append('\n');
            }
        }
        for (String note : notes) {
            table.append("\nNote: ").append(note);
        }
        return table.toString();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    private static String padLeft(String text, int width) {
        return " ".repeat(width - text.length()) + text;
    }
}
