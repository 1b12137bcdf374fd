package dev.practicetracker.query.question;

import dev.practicetracker.events.question.QuestionAddedEvent;
import dev.practicetracker.events.question.QuestionRetiredEvent;
import dev.practicetracker.events.question.QuestionRevisedEvent;
import dev.practicetracker.query.processing.ReadModels;
import dev.practicetracker.query.processing.SavepointPerEvent;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/** The question bank as readers see it, guidance included. */
@Component
@ProcessingGroup(ReadModels.PROCESSOR)
class QuestionProjection extends SavepointPerEvent {

    private final JdbcClient jdbc;

    QuestionProjection(PlatformTransactionManager transactions, JdbcClient jdbc) {
        super(transactions);
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(QuestionAddedEvent event) {
        jdbc.sql("""
                INSERT INTO qs_question (question_id, theme, difficulty, prompt, strong_answer, source, active, added_at)
                VALUES (:id, :theme, :difficulty, :prompt, :strongAnswer, :source, TRUE, :at)
                ON CONFLICT (question_id) DO NOTHING
                """)
                .param("id", event.questionId().value())
                .param("theme", event.theme().id())
                .param("difficulty", event.difficulty().id())
                .param("prompt", event.prompt())
                .param("strongAnswer", event.strongAnswer())
                .param("source", event.source())
                .param("at", Timestamp.from(event.addedAt()))
                .update();
    }

    @EventHandler
    void on(QuestionRevisedEvent event) {
        jdbc.sql("""
                UPDATE qs_question SET difficulty = :difficulty, prompt = :prompt, strong_answer = :strongAnswer,
                       revised_at = :at
                 WHERE question_id = :id
                """)
                .param("id", event.questionId().value())
                .param("difficulty", event.difficulty().id())
                .param("prompt", event.prompt())
                .param("strongAnswer", event.strongAnswer())
                .param("at", Timestamp.from(event.revisedAt()))
                .update();
    }

    @EventHandler
    void on(QuestionRetiredEvent event) {
        jdbc.sql("UPDATE qs_question SET active = FALSE, retired_at = :at WHERE question_id = :id")
                .param("id", event.questionId().value())
                .param("at", Timestamp.from(event.retiredAt()))
                .update();
    }
}
