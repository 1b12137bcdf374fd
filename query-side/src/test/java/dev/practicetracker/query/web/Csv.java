package dev.practicetracker.query.web;

import java.util.ArrayList;
import java.util.List;

/** Test helper: reads exported CSV back the way a strict RFC 4180 reader would. */
public final class Csv {

    private Csv() {}

    /** Reads RFC 4180 CSV back: records end with CRLF, quoted fields may hold commas, doubled quotes and newlines. */
    public static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i += 2;
                continue;
            } else {
                field.append(c);
            }
            i++;
        }
        if (!record.isEmpty() || field.length() > 0) {
            throw new AssertionError("the last record does not end with CRLF");
        }
        return records;
    }
}
