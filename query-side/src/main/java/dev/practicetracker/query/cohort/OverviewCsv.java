package dev.practicetracker.query.cohort;

import dev.practicetracker.events.Theme;
import dev.practicetracker.query.cohort.CohortOverview.Member;
import dev.practicetracker.query.cohort.CohortOverview.ThemeLevel;
import java.util.ArrayList;
import java.util.List;

/**
 * The cohort roster as CSV (RFC 4180) for a spreadsheet: one row per enrolled candidate, one column per theme's level in
 * level points. Lines end in CRLF; a field is quoted when it holds a comma, a quote or a line break, with quotes
 * doubled, and the reasons are always quoted so a spreadsheet never splits them.
 */
final class OverviewCsv {

    private static final String CRLF = "\r\n";

    private OverviewCsv() {}

    static String render(List<Member> members) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>();
        header.add("candidate_id");
        header.add("last_practised_at");
        for (Theme theme : Theme.values()) {
            header.add(theme.id());
        }
        header.add("at_risk");
        header.add("reasons");
        line(csv, header, false);
        for (Member member : members) {
            List<String> fields = new ArrayList<>();
            fields.add(member.candidateId());
            // Instant.toString is ISO-8601 in UTC ("2026-11-28T13:55:37Z").
            fields.add(
                    member.lastPractisedAt() == null
                            ? ""
                            : member.lastPractisedAt().toString());
            for (ThemeLevel level : member.themes()) {
                fields.add(level.level() == null ? "" : level.level().toString());
            }
            fields.add(Boolean.toString(member.atRisk()));
            fields.add(String.join("; ", member.reasons()));
            line(csv, fields, true);
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<String> fields, boolean quoteLast) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            boolean last = i == fields.size() - 1;
            csv.append(field(fields.get(i), last && quoteLast));
        }
        csv.append(CRLF);
    }

    static String field(String value, boolean alwaysQuote) {
        boolean needsQuotes = value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        if (!needsQuotes && !alwaysQuote) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
