package dev.practicetracker.command.session;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.practicetracker.command.Forbidden;
import dev.practicetracker.command.Hidden;
import dev.practicetracker.command.RuleViolation;
import dev.practicetracker.command.Texts;
import dev.practicetracker.command.cohort.CohortRoster;
import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CohortId;
import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.QuestionId;
import dev.practicetracker.events.RaterRole;
import dev.practicetracker.events.ReviewMode;
import dev.practicetracker.events.Role;
import dev.practicetracker.events.SessionId;
import dev.practicetracker.events.Theme;
import dev.practicetracker.events.session.AnswerRatedEvent;
import dev.practicetracker.events.session.AnswerRatingRevisedEvent;
import dev.practicetracker.events.session.PlannedQuestion;
import dev.practicetracker.events.session.QuestionAnsweredEvent;
import dev.practicetracker.events.session.SessionAbandonedEvent;
import dev.practicetracker.events.session.SessionCompletedEvent;
import dev.practicetracker.events.session.SessionExpiredEvent;
import dev.practicetracker.events.session.SessionStartedEvent;
import dev.practicetracker.security.Actor;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One practice session of one candidate: the questions chosen at the start, the answers given, and the ratings of
 * those answers by the candidate, peers and coaches. Answers are taken while the session is in progress; ratings of
 * given answers are taken at any time, since a coach often reviews after the candidate has finished.
 */
@Aggregate(snapshotTriggerDefinition = "sessionSnapshotTrigger")
public class PracticeSession {

    static final String EXPIRY = "session-inactivity";
    static final int MAX_COMMENT_LENGTH = 4000;
    static final int MAX_TIME_SPENT_SECONDS = 86_400;

    enum Status {
        IN_PROGRESS,
        COMPLETED,
        ABANDONED,
        EXPIRED
    }

    @AggregateIdentifier
    private SessionId sessionId;

    private CandidateId candidateId;
    private CohortId cohortId;
    private ReviewMode mode;
    private Map<String, PlannedQuestion> questions;
    private Map<String, Map<String, RaterRole>> ratersByAnswer;
    private Status status;
    private Instant lastActivityAt;
    private long inactivityTimeoutSeconds;

    /**
     * Axon makes every instance with this constructor: a new session before its start is handled, an existing one
     * before it is rebuilt from its events (or a snapshot).
     */
    protected PracticeSession() {}

    /** Answers the start as recorded, so that the caller learns the questions drawn without reading them back. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public SessionStartedEvent handle(
            StartSessionCommand command,
            QuestionPicker picker,
            CohortRoster roster,
            SessionPolicy policy,
            DeadlineManager deadlineManager) {
        if (command.cohortId() != null && !roster.isEnrolled(command.cohortId(), command.candidateId())) {
            throw new RuleViolation(
                    "not-enrolled",
                    "candidate " + command.candidateId() + " is not enrolled in cohort " + command.cohortId());
        }
        List<PlannedQuestion> planned = plan(command, picker, policy);
        Instant now = GenericEventMessage.clock.instant();
        SessionStartedEvent started = new SessionStartedEvent(
                command.sessionId(),
                command.candidateId(),
                command.cohortId(),
                command.mode(),
                planned,
                policy.inactivityTimeout().toSeconds(),
                now);
        apply(started);
        deadlineManager.schedule(policy.inactivityTimeout(), EXPIRY, new InactivityDeadline(now));
        return started;
    }

    private static List<PlannedQuestion> plan(
            StartSessionCommand command, QuestionPicker picker, SessionPolicy policy) {
        boolean named = command.questionIds() != null && !command.questionIds().isEmpty();
        boolean drawn = command.themes() != null && !command.themes().isEmpty();
        if (named == drawn) {
            throw new RuleViolation(
                    "questions-or-themes", "name the questions, or choose themes and a number of questions, not both");
        }
        int wanted = named ? command.questionIds().size() : command.questionCount();
        if (wanted < 1 || wanted > policy.maxQuestions()) {
            throw new RuleViolation(
                    "question-count", "a session has from 1 to " + policy.maxQuestions() + " questions, not " + wanted);
        }
        return named
                ? picker.resolve(command.questionIds())
                : picker.draw(Set.copyOf(command.themes()), command.questionCount());
    }

    @CommandHandler
    public void handle(AnswerQuestionCommand command, SessionPolicy policy) {
        requireOwner(command.actor());
        requireInProgress("answer");
        String key = command.questionId().value();
        PlannedQuestion question = questions.get(key);
        if (question == null) {
            throw new RuleViolation(
                    "question-not-in-session", "question " + command.questionId() + " is not part of this session");
        }
        if (ratersByAnswer.containsKey(key)) {
            throw new RuleViolation(
                    "already-answered", "question " + command.questionId() + " has already been answered");
        }
        if (command.answer() == null || command.answer().isBlank()) {
            throw new RuleViolation("empty-answer", "an answer needs some text");
        }
        if (command.answer().length() > policy.maxAnswerLength()) {
            throw new RuleViolation(
                    "answer-too-long", "an answer has at most " + policy.maxAnswerLength() + " characters");
        }
        Texts.requireStorable("answer", command.answer());
        if (command.timeSpentSeconds() < 0) {
            throw new RuleViolation("negative-time-spent", "time spent cannot be negative");
        }
        if (command.timeSpentSeconds() > MAX_TIME_SPENT_SECONDS) {
            throw new RuleViolation(
                    "time-spent-too-long",
                    "time spent on one answer is at most " + MAX_TIME_SPENT_SECONDS + " seconds");
        }
        apply(new QuestionAnsweredEvent(
                sessionId,
                candidateId,
                cohortId,
                command.questionId(),
                question.theme(),
                command.answer(),
                command.timeSpentSeconds(),
                GenericEventMessage.clock.instant()));
    }

    @CommandHandler
    public void handle(RateAnswerCommand command, CohortRoster roster) {
        RaterRole role = raterRole(command.rater(), command.claimedRole(), roster);
        PersonId raterId = command.rater().accountId();
        Theme theme = checkRating(command.questionId());
        checkComment(command.comment());
        if (ratersByAnswer.get(command.questionId().value()).containsKey(raterId.value())) {
            throw new RuleViolation(
                    "already-rated", "rater " + raterId + " has already rated this answer; revise the rating instead");
        }
        apply(new AnswerRatedEvent(
                sessionId,
                candidateId,
                cohortId,
                command.questionId(),
                theme,
                raterId,
                role,
                command.scores(),
                command.comment(),
                GenericEventMessage.clock.instant()));
    }

    @CommandHandler
    public void handle(ReviseRatingCommand command, CohortRoster roster) {
        RaterRole role = raterRole(command.rater(), command.claimedRole(), roster);
        PersonId raterId = command.rater().accountId();
        Theme theme = checkRating(command.questionId());
        checkComment(command.comment());
        RaterRole earlierRole = ratersByAnswer.get(command.questionId().value()).get(raterId.value());
        if (earlierRole == null) {
            throw new RuleViolation(
                    "not-rated-yet", "rater " + raterId + " has not rated this answer yet; rate it first");
        }
        if (earlierRole != role) {
            throw new RuleViolation(
                    "role-changed",
                    "rater " + raterId + " rated this answer as " + earlierRole.id() + "; a revision keeps that role");
        }
        apply(new AnswerRatingRevisedEvent(
                sessionId,
                candidateId,
                cohortId,
                command.questionId(),
                theme,
                raterId,
                role,
                command.scores(),
                command.comment(),
                GenericEventMessage.clock.instant()));
    }

    /**
     * The rater's role follows from who they are: the session's candidate rates as self; a coach of a cohort the
     * candidate is enrolled in, as coach; a cohort-mate in a peer session, as peer. Anyone else is told there is no
     * such session. A client that claims another role is refused.
     */
    private RaterRole raterRole(Actor rater, RaterRole claimed, CohortRoster roster) {
        RaterRole derived;
        if (rater.isCandidate(candidateId)) {
            derived = RaterRole.SELF;
        } else if (rater.is(Role.COACH) && roster.coaches(rater.asCoach(), candidateId)) {
            derived = RaterRole.COACH;
        } else if (rater.is(Role.CANDIDATE)
                && mode == ReviewMode.PEER
                && cohortId != null
                && roster.isEnrolled(cohortId, rater.asCandidate())) {
            derived = RaterRole.PEER;
        } else {
            throw new Hidden(sessionId.value());
        }
        if (claimed != null && claimed != derived) {
            throw new Forbidden("this account rates this answer as " + derived.id() + ", not as " + claimed.id());
        }
        return derived;
    }

    private Theme checkRating(QuestionId questionId) {
        PlannedQuestion question = questions.get(questionId.value());
        if (question == null) {
            throw new RuleViolation(
                    "question-not-in-session", "question " + questionId + " is not part of this session");
        }
        if (!ratersByAnswer.containsKey(questionId.value())) {
            throw new RuleViolation("not-answered", "question " + questionId + " has not been answered yet");
        }
        return question.theme();
    }

    private static void checkComment(String comment) {
        if (comment != null && comment.length() > MAX_COMMENT_LENGTH) {
            throw new RuleViolation(
                    "comment-too-long", "a rating's comment has at most " + MAX_COMMENT_LENGTH + " characters");
        }
        Texts.requireStorable("comment", comment);
    }

    @CommandHandler
    public void handle(CompleteSessionCommand command) {
        requireOwner(command.actor());
        requireInProgress("complete");
        if (ratersByAnswer.isEmpty()) {
            throw new RuleViolation("nothing-answered", "answer at least one question before completing the session");
        }
        apply(new SessionCompletedEvent(
                sessionId,
                candidateId,
                cohortId,
                ratersByAnswer.size(),
                questions.size(),
                GenericEventMessage.clock.instant()));
    }

    @CommandHandler
    public void handle(AbandonSessionCommand command) {
        requireOwner(command.actor());
        requireInProgress("abandon");
        Texts.requireReason(command.reason());
        apply(new SessionAbandonedEvent(
                sessionId,
                candidateId,
                cohortId,
                ratersByAnswer.size(),
                command.reason(),
                GenericEventMessage.clock.instant()));
    }

    /**
     * One deadline is pending per session, never one per answer: when it fires after later activity, it is moved to
     * the end of the new quiet period instead of being cancelled and rescheduled on every answer.
     */
    @DeadlineHandler(deadlineName = EXPIRY)
    public void onInactivity(InactivityDeadline deadline, DeadlineManager deadlineManager) {
        if (status != Status.IN_PROGRESS) {
            return;
        }
        if (lastActivityAt.isAfter(deadline.activityAt())) {
            deadlineManager.schedule(
                    lastActivityAt.plusSeconds(inactivityTimeoutSeconds),
                    EXPIRY,
                    new InactivityDeadline(lastActivityAt));
            return;
        }
        apply(new SessionExpiredEvent(
                sessionId,
                candidateId,
                cohortId,
                ratersByAnswer.size(),
                lastActivityAt,
                lastActivityAt.plusSeconds(inactivityTimeoutSeconds)));
    }

    /** Only the session's candidate acts on it; to anyone else it does not exist. */
    private void requireOwner(Actor actor) {
        if (!actor.isCandidate(candidateId)) {
            throw new Hidden(sessionId.value());
        }
    }

    private void requireInProgress(String action) {
        if (status != Status.IN_PROGRESS) {
            throw new RuleViolation(
                    "session-ended",
                    "cannot " + action + ": the session is "
                            + status.name().toLowerCase().replace('_', ' '));
        }
    }

    @EventSourcingHandler
    void on(SessionStartedEvent event) {
        sessionId = event.sessionId();
        candidateId = event.candidateId();
        cohortId = event.cohortId();
        mode = event.mode();
        questions = new LinkedHashMap<>();
        event.questions().forEach(q -> questions.put(q.questionId().value(), q));
        ratersByAnswer = new HashMap<>();
        status = Status.IN_PROGRESS;
        lastActivityAt = event.startedAt();
        inactivityTimeoutSeconds = event.inactivityTimeoutSeconds();
    }

    @EventSourcingHandler
    void on(QuestionAnsweredEvent event) {
        ratersByAnswer.put(event.questionId().value(), new HashMap<>());
        lastActivityAt = event.answeredAt();
    }

    @EventSourcingHandler
    void on(AnswerRatedEvent event) {
        ratersByAnswer.get(event.questionId().value()).put(event.raterId().value(), event.raterRole());
        if (status == Status.IN_PROGRESS) {
            lastActivityAt = event.ratedAt();
        }
    }

    @EventSourcingHandler
    void on(AnswerRatingRevisedEvent event) {
        if (status == Status.IN_PROGRESS) {
            lastActivityAt = event.revisedAt();
        }
    }

    @EventSourcingHandler
    void on(SessionCompletedEvent event) {
        status = Status.COMPLETED;
    }

    @EventSourcingHandler
    void on(SessionAbandonedEvent event) {
        status = Status.ABANDONED;
    }

    @EventSourcingHandler
    void on(SessionExpiredEvent event) {
        status = Status.EXPIRED;
    }
}
