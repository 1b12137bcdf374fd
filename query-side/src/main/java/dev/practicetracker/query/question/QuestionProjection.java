package dev.practicetracker.query.question;

import dev.practicetracker.events.question.QuestionAddedEvent;
import dev.practicetracker.events.question.QuestionRetiredEvent;
import dev.practicetracker.events.question.QuestionRevisedEvent;
import dev.practicetracker.query.processing.ReadModels;
import dev.practicetracker.query.processing.SavepointPerEvent;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/** The question bank as readers see it, guidance included. */
@Component
@ProcessingGroup(ReadModels.PROCESSOR)
class QuestionProjection extends SavepointPerEvent {

    private final NamedParameterJdbcTemplate jdbc;

    QuestionProjection(PlatformTransactionManager transactions, NamedParameterJdbcTemplate jdbc) {
        super(transactions);
        this.jdbc = jdbc;
    }

    /** Empties what this projection writes before a rebuild replays the event store into it. */
    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().execute("TRUNCATE qs_question");
    }

    @EventHandler
    void on(QuestionAddedEvent event) {
        jdbc.update(
                """
                INSERT INTO qs_question (question_id, theme, difficulty, prompt, strong_answer, source, active, added_at)
                VALUES (:id, :theme, :difficulty, :prompt, :strongAnswer, :source, TRUE, :at)
                ON CONFLICT (question_id) DO NOTHING
                """,
                new MapSqlParameterSource()
                        .addValue("id", event.questionId().value())
                        .addValue("theme", event.theme().id())
                        .addValue("difficulty", event.difficulty().id())
                        .addValue("prompt", event.prompt())
                        .addValue("strongAnswer", event.strongAnswer())
                        .addValue("source", event.source())
                        .addValue("at", Timestamp.from(event.addedAt())));
    }

    @EventHandler
    void on(QuestionRevisedEvent event) {
        jdbc.update(
                """
                UPDATE qs_question SET difficulty = :difficulty, prompt = :prompt, strong_answer = :strongAnswer,
                       revised_at = :at
                 WHERE question_id = :id
                """,
                new MapSqlParameterSource()
                        .addValue("id", event.questionId().value())
                        .addValue("difficulty", event.difficulty().id())
                        .addValue("prompt", event.prompt())
                        .addValue("strongAnswer", event.strongAnswer())
                        .addValue("at", Timestamp.from(event.revisedAt())));
    }

    @EventHandler
    void on(QuestionRetiredEvent event) {
        jdbc.update(
                "UPDATE qs_question SET active = FALSE, retired_at = :at WHERE question_id = :id",
                new MapSqlParameterSource()
                        .addValue("id", event.questionId().value())
                        .addValue("at", Timestamp.from(event.retiredAt())));
    }
}
