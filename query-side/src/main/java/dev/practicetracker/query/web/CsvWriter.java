package dev.practicetracker.query.web;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes RFC 4180 CSV: CRLF after every record, and a field quoted, its quotes doubled, when it holds a comma, a quote
 * or a line break, which free-text answers and comments often do. A null field is written empty. A field that a
 * spreadsheet would take for a formula ({@code = + - @}, tab or carriage return first) gets a leading apostrophe, so
 * opening an export never runs what a candidate typed (OWASP's advice on CSV injection).
 */
public final class CsvWriter {

    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    public void record(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields.get(i)));
        }
        out.write("\r\n");
    }

    public void flush() throws IOException {
        out.flush();
    }

    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        if ("=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !isNumber(value)) {
            value = "'" + value;
        }
        boolean quote = value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** Negative numbers are data, not formulas: {@code -7.5} stays as it is. */
    private static boolean isNumber(String value) {
        return value.matches("-?\\d+(\\.\\d+)?");
    }
}
