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
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;

    QuestionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Questions ordered by theme id, then prompt; {@code theme} and {@code active} narrow them when given. */
    Page<QuestionView> questions(Theme theme, Boolean active, PageRequest page) {
        String themeId = theme == null ? null : theme.id();
        long total = jdbc.sql("SELECT COUNT(*) FROM qs_question" + FILTER)
                .param("theme", themeId)
                .param("active", active)
                .query(Long.class)
                .single();
        List<QuestionView> items = jdbc.sql("SELECT " + COLUMNS + " FROM qs_question" + FILTER
                        + " ORDER BY theme, prompt, question_id LIMIT :limit OFFSET :offset")
                .param("theme", themeId)
                .param("active", active)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(QuestionQueries::question)
                .list();
        return Page.of(items, page, total);
    }

    QuestionView question(String questionId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM qs_question WHERE question_id = :id")
                .param("id", questionId)
                .query(QuestionQueries::question)
                .optional()
                .orElseThrow(() -> new NotFound("question", questionId));
    }

    /** Every theme, in the catalogue's order, including those with no active question yet. */
    List<ThemeView> themes() {
        Map<Theme, Integer> active = new EnumMap<>(Theme.class);
        jdbc.sql("SELECT theme, COUNT(*) AS questions FROM qs_question WHERE active GROUP BY theme")
                .query(rs -> {
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
