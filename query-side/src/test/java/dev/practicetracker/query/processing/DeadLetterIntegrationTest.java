package dev.practicetracker.query.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CoachId;
import dev.practicetracker.events.CohortId;
import dev.practicetracker.events.Difficulty;
import dev.practicetracker.events.QuestionId;
import dev.practicetracker.events.ReviewMode;
import dev.practicetracker.events.SessionId;
import dev.practicetracker.events.Theme;
import dev.practicetracker.events.cohort.CohortCreatedEvent;
import dev.practicetracker.events.session.PlannedQuestion;
import dev.practicetracker.events.session.QuestionAnsweredEvent;
import dev.practicetracker.events.session.SessionStartedEvent;
import dev.practicetracker.query.ReadSideIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;

class DeadLetterIntegrationTest extends ReadSideIntegrationTest {

    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final Instant now = Instant.now();

    @AfterEach
    void restoreTable() {
        jdbc.execute("ALTER TABLE IF EXISTS qs_cohort_renamed RENAME TO qs_cohort");
    }

    @Test
    void aPoisonEventIsDeadLetteredAndTheProjectionGoesOnWithOtherCandidates() {
        long before = letters();
        SessionId poisoned = session("poisoned");
        SessionId healthy = session("healthy");
        appendAndWait(
                // PostgreSQL cannot store a NUL character in text: this answer fails its projection every time.
                answer(poisoned, "poisoned", "an answer with a \u0000 in it"),
                answer(healthy, "healthy", "a fine answer"));

        assertThat(answers("healthy")).isEqualTo(1);
        assertThat(answers("poisoned")).isZero();
        JsonNode summary = asAdmin().getForObject("/api/admin/dead-letters", JsonNode.class);
        assertThat(summary.get("letters").asLong()).isEqualTo(before + 1);
        assertThat(summary.get("details").toString()).contains("QuestionAnsweredEvent");
    }

    @Test
    void aDeadLetterIsRetriedOnRequestAndTheReadModelCatchesUp() {
        long before = letters();
        jdbc.execute("ALTER TABLE qs_cohort RENAME TO qs_cohort_renamed");
        CohortId cohort = CohortId.of("cohort-" + id);
        appendAndWait(new CohortCreatedEvent(cohort, "Autumn", CoachId.of("coach-" + id), now));
        assertThat(letters()).isEqualTo(before + 1);

        jdbc.execute("ALTER TABLE qs_cohort_renamed RENAME TO qs_cohort");
        JsonNode retried = asAdmin().postForObject("/api/admin/dead-letters/retry", null, JsonNode.class);

        assertThat(retried.get("sequencesSucceeded").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT name FROM qs_cohort WHERE cohort_id = ?", String.class, cohort.value()))
                .isEqualTo("Autumn");
        assertThat(letters()).isEqualTo(before);
    }

    @Test
    void aRebuildStartsFromAnEmptyDeadLetterQueueAndDeadLettersOnlyWhatStillFails() {
        SessionId poisoned = session("rebuilt");
        appendAndWait(answer(poisoned, "rebuilt", "another \u0000 answer"));
        long before = letters();

        TestRestTemplate admin = asAdmin();
        admin.postForEntity("/api/admin/rebuild", null, JsonNode.class);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> "done"
                        .equals(admin.getForObject("/api/admin/rebuild", JsonNode.class)
                                .path("state")
                                .asText()));
        awaitCaughtUp();

        // The same poison events fail again, each once; nothing held back behind a stale letter.
        assertThat(letters())
                .as(asAdmin().getForObject("/api/admin/dead-letters", String.class))
                .isEqualTo(before);
    }

    private long letters() {
        return asAdmin()
                .getForObject("/api/admin/dead-letters", JsonNode.class)
                .get("letters")
                .asLong();
    }

    private int answers(String who) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM qs_answer WHERE candidate_id = ?", Integer.class, who + "-" + id);
    }

    private SessionId session(String who) {
        SessionId session = SessionId.of("s-" + who + "-" + id);
        append(new SessionStartedEvent(
                session,
                CandidateId.of(who + "-" + id),
                null,
                ReviewMode.SELF,
                List.of(new PlannedQuestion(QuestionId.of("q-1"), Theme.GIT, Difficulty.FOUNDATION, "Why Git?")),
                7200,
                now));
        return session;
    }

    private QuestionAnsweredEvent answer(SessionId session, String who, String text) {
        return new QuestionAnsweredEvent(
                session, CandidateId.of(who + "-" + id), null, QuestionId.of("q-1"), Theme.GIT, text, 30, now);
    }
}
