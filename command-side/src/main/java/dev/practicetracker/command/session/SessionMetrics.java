package dev.practicetracker.command.session;

import dev.practicetracker.events.CohortId;
import dev.practicetracker.events.RaterRole;
import dev.practicetracker.events.Theme;
import dev.practicetracker.events.session.AnswerRatedEvent;
import dev.practicetracker.events.session.AnswerRatingRevisedEvent;
import dev.practicetracker.events.session.QuestionAnsweredEvent;
import dev.practicetracker.events.session.SessionAbandonedEvent;
import dev.practicetracker.events.session.SessionCompletedEvent;
import dev.practicetracker.events.session.SessionExpiredEvent;
import dev.practicetracker.events.session.SessionStartedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Counts what candidates and raters do, once per event, on the side that decides it. A subscribing processor sees
 * each event once, when it is applied, and never on a replay, so a rebuilt read model does not count anything twice;
 * each count is taken after the transaction that stored the event has committed, so a rolled-back command counts
 * nothing.
 *
 * <p>Labels are bounded: theme, rater role, review mode, outcome, and the cohort (cohorts are few and live for
 * months; {@value #NO_COHORT} for practice outside a cohort). Candidate and session ids never become labels: each new
 * one would add series without end.
 */
@Component
@ProcessingGroup(SessionMetrics.GROUP)
class SessionMetrics {

    static final String GROUP = "session-metrics";
    static final String NO_COHORT = "none";

    /** A rating's score is the mean of five criteria scored 1 to 5, so it moves in steps of 0.2. */
    private static final double[] SCORE_BUCKETS = {1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5};

    private final MeterRegistry registry;

    SessionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @EventHandler
    void on(SessionStartedEvent event, UnitOfWork<?> unitOfWork) {
        Counter counter = Counter.builder("tracker.sessions.started")
                .description("Practice sessions started, by review mode and cohort")
                .tag("mode", event.mode().id())
                .tag("cohort", cohort(event.cohortId()))
                .register(registry);
        unitOfWork.afterCommit(committed -> counter.increment());
    }

    @EventHandler
    void on(SessionCompletedEvent event, UnitOfWork<?> unitOfWork) {
        ended("completed", event.cohortId(), unitOfWork);
    }

    @EventHandler
    void on(SessionAbandonedEvent event, UnitOfWork<?> unitOfWork) {
        ended("abandoned", event.cohortId(), unitOfWork);
    }

    @EventHandler
    void on(SessionExpiredEvent event, UnitOfWork<?> unitOfWork) {
        ended("expired", event.cohortId(), unitOfWork);
    }

    private void ended(String outcome, CohortId cohortId, UnitOfWork<?> unitOfWork) {
        Counter counter = Counter.builder("tracker.sessions.ended")
                .description("Practice sessions ended, by outcome (completed, abandoned, expired) and cohort")
                .tag("outcome", outcome)
                .tag("cohort", cohort(cohortId))
                .register(registry);
        unitOfWork.afterCommit(committed -> counter.increment());
    }

    @EventHandler
    void on(QuestionAnsweredEvent event, UnitOfWork<?> unitOfWork) {
        Counter counter = Counter.builder("tracker.answers")
                .description("Questions answered, by theme and cohort")
                .tag("theme", event.theme().id())
                .tag("cohort", cohort(event.cohortId()))
                .register(registry);
        unitOfWork.afterCommit(committed -> counter.increment());
    }

    @EventHandler
    void on(AnswerRatedEvent event, UnitOfWork<?> unitOfWork) {
        Counter counter = Counter.builder("tracker.ratings")
                .description("Answers rated (first ratings, not revisions), by theme, rater role and cohort")
                .tag("theme", event.theme().id())
                .tag("rater_role", event.raterRole().id())
                .tag("cohort", cohort(event.cohortId()))
                .register(registry);
        DistributionSummary scores = scores(event.theme(), event.raterRole());
        double score = event.scores().mean();
        unitOfWork.afterCommit(committed -> {
            counter.increment();
            scores.record(score);
        });
    }

    @EventHandler
    void on(AnswerRatingRevisedEvent event, UnitOfWork<?> unitOfWork) {
        Counter counter = Counter.builder("tracker.rating.revisions")
                .description("Ratings revised by their rater, by theme and rater role")
                .tag("theme", event.theme().id())
                .tag("rater_role", event.raterRole().id())
                .register(registry);
        unitOfWork.afterCommit(committed -> counter.increment());
    }

    private DistributionSummary scores(Theme theme, RaterRole role) {
        return DistributionSummary.builder("tracker.rating.score")
                .description("Scores of first ratings: the mean of the five rubric criteria, 1 to 5, by theme and"
                        + " rater role")
                .serviceLevelObjectives(SCORE_BUCKETS)
                .tag("theme", theme.id())
                .tag("rater_role", role.id())
                .register(registry);
    }

    private static String cohort(CohortId cohortId) {
        return cohortId == null ? NO_COHORT : cohortId.value();
    }
}
