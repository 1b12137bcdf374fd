package dev.practicetracker.query.cohort;

import dev.practicetracker.events.Theme;
import dev.practicetracker.query.cohort.CohortOverview.Member;
import dev.practicetracker.query.cohort.CohortOverview.ThemeLevel;
import dev.practicetracker.query.web.CsvWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The cohort roster as CSV (RFC 4180) for a spreadsheet: one row per enrolled candidate, named as their account names
 * them (empty before the account is known here) with their id beside it, one column per theme's level in level points,
 * then the themes whose level rests on the candidate's self-ratings alone (ids separated by semicolons: such a level
 * is not a coach's judgement and is left out of the cohort's means), how many of their answers wait for a coach,
 * whether the candidate is at risk and why.
 */
final class OverviewCsv {

    private OverviewCsv() {}

    static String render(List<Member> members) {
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out);
        List<String> header = new ArrayList<>();
        header.add("candidate_name");
        header.add("candidate_id");
        header.add("last_practised_at");
        for (Theme theme : Theme.values()) {
            header.add(theme.id());
        }
        header.add("self_rated_only");
        header.add("answers_waiting_for_coach");
        header.add("at_risk");
        header.add("reasons");
        try {
            csv.record(header);
            for (Member member : members) {
                List<String> fields = new ArrayList<>();
                fields.add(member.displayName() == null ? "" : member.displayName());
                fields.add(member.candidateId());
                // Instant.toString is ISO-8601 in UTC ("2026-11-28T13:55:37Z").
                fields.add(
                        member.lastPractisedAt() == null
                                ? ""
                                : member.lastPractisedAt().toString());
                for (ThemeLevel level : member.themes()) {
                    fields.add(level.level() == null ? "" : level.level().toString());
                }
                fields.add(String.join(
                        ";",
                        member.themes().stream()
                                .filter(ThemeLevel::selfRatedOnly)
                                .map(level -> level.theme().id())
                                .toList()));
                fields.add(Long.toString(member.waitingForCoach()));
                fields.add(Boolean.toString(member.atRisk()));
                fields.add(String.join("; ", member.reasons()));
                csv.record(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
