package dev.practicetracker.command.question;

import dev.practicetracker.events.Difficulty;
import dev.practicetracker.events.QuestionId;
import dev.practicetracker.events.Theme;
import dev.practicetracker.events.question.QuestionAddedEvent;
import dev.practicetracker.events.question.QuestionRetiredEvent;
import dev.practicetracker.events.question.QuestionRevisedEvent;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The write side's own view of the question bank, updated by a subscribing processor in the same transaction as the
 * question's events, so a session never draws a question that a committed retirement has removed.
 */
@Component
@ProcessingGroup(QuestionBankProjection.GROUP)
class QuestionBankProjection implements QuestionBank {

    static final String GROUP = "question-bank";

    private static final RowMapper<BankQuestion> ROW = (rs, i) -> new BankQuestion(
            QuestionId.of(rs.getString("question_id")),
            Theme.fromId(rs.getString("theme")),
            Difficulty.fromId(rs.getString("difficulty")),
            rs.getString("prompt"),
            rs.getString("strong_answer"),
            rs.getBoolean("active"));

    private final JdbcClient jdbc;

    QuestionBankProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(QuestionAddedEvent event) {
        jdbc.sql("""
                INSERT INTO command_question_bank (question_id, theme, difficulty, prompt, strong_answer, active)
                VALUES (:id, :theme, :difficulty, :prompt, :strongAnswer, TRUE)
                ON CONFLICT (question_id) DO NOTHING
                """)
                .param("id", event.questionId().value())
                .param("theme", event.theme().id())
                .param("difficulty", event.difficulty().id())
                .param("prompt", event.prompt())
                .param("strongAnswer", event.strongAnswer())
                .update();
    }

    @EventHandler
    void on(QuestionRevisedEvent event) {
        jdbc.sql("""
                UPDATE command_question_bank
                   SET difficulty = :difficulty, prompt = :prompt, strong_answer = :strongAnswer
                 WHERE question_id = :id
                """)
                .param("id", event.questionId().value())
                .param("difficulty", event.difficulty().id())
                .param("prompt", event.prompt())
                .param("strongAnswer", event.strongAnswer())
                .update();
    }

    @EventHandler
    void on(QuestionRetiredEvent event) {
        jdbc.sql("UPDATE command_question_bank SET active = FALSE WHERE question_id = :id")
                .param("id", event.questionId().value())
                .update();
    }

    @Override
    public Optional<BankQuestion> find(QuestionId questionId) {
        return jdbc.sql("SELECT * FROM command_question_bank WHERE question_id = :id")
                .param("id", questionId.value())
                .query(ROW)
                .optional();
    }

    @Override
    public List<BankQuestion> activeIn(Collection<Theme> themes) {
        if (themes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM command_question_bank WHERE active AND theme IN (:themes) ORDER BY question_id")
                .param("themes", themes.stream().map(Theme::id).toList())
                .query(ROW)
                .list();
    }
}
