package dev.practicetracker.command.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;

import dev.practicetracker.database.FreshTestDatabase;
import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.QuestionId;
import dev.practicetracker.events.RaterRole;
import dev.practicetracker.events.ReviewMode;
import dev.practicetracker.events.Role;
import dev.practicetracker.events.RubricScores;
import dev.practicetracker.events.SessionId;
import dev.practicetracker.events.Theme;
import dev.practicetracker.events.session.SessionStartedEvent;
import dev.practicetracker.security.Actor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest(
        // A (mock) servlet context: the shared security module builds its filter chain only in a web application.
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"tracker.session.inactivity-timeout=PT1S", "db-scheduler.polling-interval=200ms"})
@ContextConfiguration(initializers = FreshTestDatabase.class)
class SessionMetricsIntegrationTest {

    @Autowired
    private CommandGateway commands;

    @Autowired
    private EventStore events;

    @Autowired
    private MeterRegistry registry;

    @Test
    void aSessionsStartAnswerRatingRevisionAndCompletionAreEachCountedOnceWithBoundedLabels() {
        SessionId session = SessionId.of("metrics-" + UUID.randomUUID());
        double started = count("tracker.sessions.started", "mode", "peer", "cohort", "none");
        double answers = count("tracker.answers", "theme", "databases", "cohort", "none");
        double ratings = count("tracker.ratings", "theme", "databases", "rater_role", "self", "cohort", "none");
        double revisions = count("tracker.rating.revisions", "theme", "databases", "rater_role", "self");
        double completed = count("tracker.sessions.ended", "outcome", "completed", "cohort", "none");
        double scoresBefore = scores().count();
        double scoreTotalBefore = scores().totalAmount();

        QuestionId question = start(session, "ada", ReviewMode.PEER);
        Actor ada = new Actor(PersonId.of("ada"), Role.CANDIDATE);
        commands.sendAndWait(new AnswerQuestionCommand(session, question, "An index on the foreign key.", 120, ada));
        commands.sendAndWait(
                new RateAnswerCommand(session, question, ada, RaterRole.SELF, new RubricScores(4, 4, 3, 4, 3), null));
        commands.sendAndWait(
                new ReviseRatingCommand(session, question, ada, RaterRole.SELF, new RubricScores(3, 3, 3, 3, 3), null));
        commands.sendAndWait(new CompleteSessionCommand(session, ada));

        assertThat(count("tracker.sessions.started", "mode", "peer", "cohort", "none") - started)
                .isEqualTo(1);
        assertThat(count("tracker.answers", "theme", "databases", "cohort", "none") - answers)
                .isEqualTo(1);
        assertThat(count("tracker.ratings", "theme", "databases", "rater_role", "self", "cohort", "none") - ratings)
                .isEqualTo(1);
        assertThat(count("tracker.rating.revisions", "theme", "databases", "rater_role", "self") - revisions)
                .isEqualTo(1);
        assertThat(count("tracker.sessions.ended", "outcome", "completed", "cohort", "none") - completed)
                .isEqualTo(1);
        assertThat(scores().count() - scoresBefore).isEqualTo(1);
        assertThat(scores().totalAmount() - scoreTotalBefore).isEqualTo(3.6, offset(1e-9));
        assertThat(registry.getMeters())
                .allSatisfy(meter -> assertThat(meter.getId().getTags())
                        .noneMatch(tag -> tag.getValue().equals(session.value())
                                || tag.getValue().equals("ada")));
    }

    @Test
    void aCommandThatIsRejectedOrRolledBackCountsNothing() {
        SessionId session = SessionId.of("metrics-" + UUID.randomUUID());
        start(session, "grace", ReviewMode.SELF);
        double startedBefore = count("tracker.sessions.started", "mode", "self", "cohort", "none");
        double endedBefore = count("tracker.sessions.ended", "outcome", "completed", "cohort", "none");

        assertThatThrownBy(() -> start(session, "grace", ReviewMode.SELF)).isNotNull();
        assertThatThrownBy(() -> commands.sendAndWait(
                        new CompleteSessionCommand(session, new Actor(PersonId.of("grace"), Role.CANDIDATE))))
                .isNotNull();

        assertThat(count("tracker.sessions.started", "mode", "self", "cohort", "none"))
                .isEqualTo(startedBefore);
        assertThat(count("tracker.sessions.ended", "outcome", "completed", "cohort", "none"))
                .isEqualTo(endedBefore);
    }

    @Test
    void aSessionLeftAloneIsCountedAsExpiredWhenItsDeadlineFires() {
        SessionId session = SessionId.of("metrics-" + UUID.randomUUID());
        start(session, "linus", ReviewMode.SELF);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(count("tracker.sessions.ended", "outcome", "expired", "cohort", "none"))
                        .isGreaterThanOrEqualTo(1));
    }

    private QuestionId start(SessionId session, String candidate, ReviewMode mode) {
        commands.sendAndWait(new StartSessionCommand(
                session, CandidateId.of(candidate), null, mode, List.of(Theme.DATABASES), 1, List.of()));
        SessionStartedEvent started =
                (SessionStartedEvent) events.readEvents(session.value()).next().getPayload();
        return started.questions().get(0).questionId();
    }

    /** Scores of self-ratings in databases; found, not registered, so the test never shapes the meter's buckets. */
    private Scores scores() {
        DistributionSummary summary = registry.find("tracker.rating.score")
                .tags("theme", "databases", "rater_role", "self")
                .summary();
        return summary == null ? new Scores(0, 0) : new Scores(summary.count(), summary.totalAmount());
    }

    private record Scores(long count, double totalAmount) {}

    private double count(String name, String... tags) {
        Counter counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }
}
