package dev.practicetracker.query.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import dev.practicetracker.events.Theme;
import dev.practicetracker.query.cohort.CohortOverview.Member;
import dev.practicetracker.query.cohort.CohortOverview.ThemeLevel;
import dev.practicetracker.query.web.Csv;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverviewCsvTest {

    @Test
    void reasonsAreJoinedBySemicolonsInOneFieldThatParsesBack() {
        List<ThemeLevel> themes = Arrays.stream(Theme.values())
                .map(theme -> new ThemeLevel(
                        theme,
                        switch (theme) {
                            case GIT -> 42.5;
                            case SECURITY, DEBUGGING -> 71.0;
                            default -> null;
                        },
                        false,
                        null,
                        null,
                        switch (theme) {
                            case GIT -> "coach and peer ratings";
                            case SECURITY, DEBUGGING -> "self-ratings only";
                            default -> "no ratings yet";
                        }))
                .toList();
        Member member = new Member(
                "cand-1",
                "Ada",
                Instant.parse("2026-11-01T09:30:00Z"),
                Instant.parse("2026-11-18T10:15:30Z"),
                themes,
                true,
                List.of("no practice for 9 days", "git level fell 7.5 level points over 28 days"),
                2);

        String csv = OverviewCsv.render(List.of(member));
        List<List<String>> rows = Csv.parse(csv);

        assertThat(csv).endsWith("no practice for 9 days; git level fell 7.5 level points over 28 days\r\n");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get(0)).isEqualTo("Ada");
        assertThat(rows.get(1).get(1)).isEqualTo("cand-1");
        assertThat(rows.get(1).get(2)).isEqualTo("2026-11-18T10:15:30Z");
        assertThat(rows.get(1).get(3 + Theme.GIT.ordinal())).isEqualTo("42.5");
        int selfRatedOnly = rows.get(0).indexOf("self_rated_only");
        assertThat(rows.get(1).get(selfRatedOnly))
                .as("the themes whose level rests on self-ratings alone are named, the coach-rated one is not")
                .isEqualTo(Theme.SECURITY.id() + ";" + Theme.DEBUGGING.id());
        assertThat(rows.get(1).get(3 + Theme.SECURITY.ordinal())).isEqualTo("71.0");
        assertThat(rows.get(1).get(rows.get(0).indexOf("answers_waiting_for_coach")))
                .isEqualTo("2");
        assertThat(rows.get(1).get(rows.get(1).size() - 1))
                .isEqualTo("no practice for 9 days; git level fell 7.5 level points over 28 days");
    }
}
