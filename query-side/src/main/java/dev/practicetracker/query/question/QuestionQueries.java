package dev.practicetracker.query.question;

import dev.practicetracker.events.Difficulty;
import dev.practicetracker.events.Theme;
import dev.practicetracker.query.web.NotFound;
import dev.practicetracker.query.web.Page;
import dev.practicetracker.query.web.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The question bank and its themes, read from the question projection. */
@Component
class QuestionQueries {

    private static final String COLUMNS =
            "question_id, theme, difficulty, prompt, strong_answer, source, active, added_at, revised_at, retired_at";

    private static final String FILTER = """
             WHERE (CAST(:theme AS VARCHAR) IS NULL OR theme = :theme)
               AND (CAST(:active AS BOOLEAN) IS NULL OR active = :active)
            """;

    private final NamedParameterJdbcTemplate jdbc;

    QuestionQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Questions ordered by theme id, then prompt; {@code theme} and {@code active} narrow them when given. */
    Page<QuestionView> questions(Theme theme, Boolean active, PageRequest page) {
        MapSqlParameterSource params = new MapSqlParameterSource("theme", theme == null ? null : theme.id())
                .addValue("active", active)
                .addValue("limit", page.size())
                .addValue("offset", page.offset());
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM qs_question" + FILTER, params, Long.class);
        List<QuestionView> items = jdbc.query(
                "SELECT " + COLUMNS + " FROM qs_question" + FILTER
                        + " ORDER BY theme, prompt, question_id LIMIT :limit OFFSET :offset",
                params,
                QuestionQueries::question);
        return Page.of(items, page, total == null ? 0 : total);
    }

    QuestionView question(String questionId) {
        List<QuestionView> found = jdbc.query(
                "SELECT " + COLUMNS + " FROM qs_question WHERE question_id = :id",
                new MapSqlParameterSource("id", questionId),
                QuestionQueries::question);
        if (found.isEmpty()) {
            throw new NotFound("question", questionId);
        }
        return found.get(0);
    }

    /** Every theme, in the catalogue's order, including those with no active question yet. */
    List<ThemeView> themes() {
        Map<Theme, Integer> active = new EnumMap<>(Theme.class);
        jdbc.query("SELECT theme, COUNT(*) AS questions FROM qs_question WHERE active GROUP BY theme", rs -> {
            active.put(Theme.fromId(rs.getString("theme")), rs.getInt("questions"));
        });
        List<ThemeView> themes = new ArrayList<>();
        for (Theme theme : Theme.values()) {
            themes.add(new ThemeView(theme.id(), theme.title(), theme.covers(), active.getOrDefault(theme, 0)));
        }
        return themes;
    }

    private static QuestionView question(ResultSet rs, int row) throws SQLException {
        return new QuestionView(
                rs.getString("question_id"),
                Theme.fromId(rs.getString("theme")),
                Difficulty.fromId(rs.getString("difficulty")),
                rs.getString("prompt"),
                rs.getString("strong_answer"),
                rs.getString("source"),
                rs.getBoolean("active"),
                instant(rs, "added_at"),
                instant(rs, "revised_at"),
                instant(rs, "retired_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
