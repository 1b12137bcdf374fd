package dev.practicetracker.command.session;

import static dev.practicetracker.command.RuleViolations.violationOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.practicetracker.command.Forbidden;
import dev.practicetracker.command.Hidden;
import dev.practicetracker.command.RuleViolation;
import dev.practicetracker.command.question.BankQuestion;
import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CoachId;
import dev.practicetracker.events.CohortId;
import dev.practicetracker.events.Difficulty;
import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.QuestionId;
import dev.practicetracker.events.RaterRole;
import dev.practicetracker.events.ReviewMode;
import dev.practicetracker.events.Role;
import dev.practicetracker.events.RubricScores;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PracticeSessionTest {

    private static final Instant T0 = Instant.parse("2025-03-10T09:00:00Z");
    private static final Duration TIMEOUT = Duration.ofHours(2);
    private static final int MAX_COMMENT_LENGTH = 4000;
    private static final String INACTIVITY = "session-inactivity";
    private static final int MAX_QUESTIONS = 20;
    private static final int MAX_ANSWER_LENGTH = 20_000;

    private static final SessionId SESSION = SessionId.of("session-1");
    private static final CandidateId CANDIDATE = CandidateId.of("candidate-1");
    private static final PersonId CANDIDATE_AS_RATER = PersonId.of("candidate-1");
    private static final PersonId PEER = PersonId.of("peer-1");
    private static final PersonId COACH = PersonId.of("coach-1");
    private static final CohortId COHORT = CohortId.of("cohort-1");
    private static final CohortId OTHER_COHORT = CohortId.of("cohort-2");

    /** The accounts acting: the session's candidate, a cohort-mate, the cohort's coach, and outsiders. */
    private static final Actor OWNER = new Actor(CANDIDATE_AS_RATER, Role.CANDIDATE);

    private static final Actor OTHER_CANDIDATE = new Actor(PersonId.of("stranger-1"), Role.CANDIDATE);
    private static final Actor OTHER_COACH = new Actor(PersonId.of("coach-2"), Role.COACH);

    private static final BankQuestion DB_1 = question("db-1", Theme.DATABASES, true);
    private static final BankQuestion DB_2 = question("db-2", Theme.DATABASES, true);
    private static final BankQuestion DB_3 = question("db-3", Theme.DATABASES, true);
    private static final BankQuestion DB_4 = question("db-4", Theme.DATABASES, true);
    private static final BankQuestion DB_RETIRED = question("db-retired", Theme.DATABASES, false);
    private static final BankQuestion GIT_1 = question("git-1", Theme.GIT, true);
    private static final BankQuestion GIT_2 = question("git-2", Theme.GIT, true);
    private static final BankQuestion GIT_3 = question("git-3", Theme.GIT, true);
    private static final BankQuestion GIT_4 = question("git-4", Theme.GIT, true);
    private static final BankQuestion GIT_RETIRED = question("git-retired", Theme.GIT, false);
    private static final BankQuestion API_1 = question("api-1", Theme.API_DESIGN, true);
    private static final BankQuestion API_RETIRED_1 = question("api-retired-1", Theme.API_DESIGN, false);
    private static final BankQuestion API_RETIRED_2 = question("api-retired-2", Theme.API_DESIGN, false);
    private static final BankQuestion SEC_1 = question("sec-1", Theme.SECURITY, true);
    private static final BankQuestion SEC_2 = question("sec-2", Theme.SECURITY, true);

    /** The questions of the session the tests start from: one on databases, one on git. */
    private static final QuestionId Q1 = DB_1.questionId();

    private static final QuestionId Q2 = GIT_1.questionId();
    private static final QuestionId NOT_PLANNED = DB_2.questionId();

    private static final RubricScores SCORES = new RubricScores(4, 3, 5, 2, 4);
    private static final RubricScores REVISED_SCORES = new RubricScores(5, 4, 5, 3, 4);

    private AggregateTestFixture<PracticeSession> fixture;

    @BeforeEach
    void setUp() {
        InMemoryQuestionBank bank = new InMemoryQuestionBank()
                .add(DB_1, DB_2, DB_3, DB_4, DB_RETIRED)
                .add(GIT_1, GIT_2, GIT_3, GIT_4, GIT_RETIRED)
                .add(API_1, API_RETIRED_1, API_RETIRED_2)
                .add(SEC_1, SEC_2);
        InMemoryCohortRoster roster = new InMemoryCohortRoster()
                .enrol(COHORT, CANDIDATE)
                .enrol(COHORT, CandidateId.of(PEER.value()))
                .enrol(OTHER_COHORT, CandidateId.of(OTHER_CANDIDATE.accountId().value()))
                .coach(COHORT, CoachId.of(COACH.value()))
                .coach(OTHER_COHORT, OTHER_COACH.asCoach());
        fixture = new AggregateTestFixture<>(PracticeSession.class);
        fixture.registerInjectableResource(new QuestionPicker(bank, new Random(42)));
        fixture.registerInjectableResource(roster);
        fixture.registerInjectableResource(new SessionPolicy(TIMEOUT, MAX_QUESTIONS, MAX_ANSWER_LENGTH));
        fixture.givenCurrentTime(T0);
    }

    // ---- starting a session

    @Test
    void startsASessionWithTheNamedQuestionsInTheOrderGiven() {
        fixture.givenNoPriorActivity()
                .when(new StartSessionCommand(
                        SESSION, CANDIDATE, null, ReviewMode.SELF, null, 0, List.of(GIT_2.questionId(), Q1)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SessionStartedEvent(
                        SESSION,
                        CANDIDATE,
                        null,
                        ReviewMode.SELF,
                        List.of(planned(GIT_2), planned(DB_1)),
                        TIMEOUT.toSeconds(),
                        T0))
                .expectScheduledDeadlineWithName(TIMEOUT, INACTIVITY);
    }

    @Test
    void answersTheStartAsRecordedSoThatTheCallerNeedNotReadItBack() {
        SessionStartedEvent recorded = new SessionStartedEvent(
                SESSION,
                CANDIDATE,
                null,
                ReviewMode.SELF,
                List.of(planned(GIT_2), planned(DB_1)),
                TIMEOUT.toSeconds(),
                T0);
        fixture.givenNoPriorActivity()
                .when(new StartSessionCommand(
                        SESSION, CANDIDATE, null, ReviewMode.SELF, null, 0, List.of(GIT_2.questionId(), Q1)))
                .expectEvents(recorded)
                .expectResultMessagePayload(recorded);
    }

    @Test
    void startsASessionWithQuestionsDrawnFromTheChosenThemes() {
        fixture.givenNoPriorActivity()
                .when(new StartSessionCommand(
                        SESSION, CANDIDATE, null, ReviewMode.PEER, List.of(Theme.DATABASES, Theme.GIT), 6, null))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(onlyEvent(SessionStartedEvent.class, started -> {
                    assertThat(started.sessionId()).isEqualTo(SESSION);
                    assertThat(started.candidateId()).isEqualTo(CANDIDATE);
                    assertThat(started.cohortId()).isNull();
                    assertThat(started.mode()).isEqualTo(ReviewMode.PEER);
                    assertThat(started.inactivityTimeoutSeconds()).isEqualTo(TIMEOUT.toSeconds());
                    assertThat(started.startedAt()).isEqualTo(T0);
                    assertThat(started.questions())
                            .hasSize(6)
                            .doesNotHaveDuplicates()
                            .isSubsetOf(plannedAll(DB_1, DB_2, DB_3, DB_4, GIT_1, GIT_2, GIT_3, GIT_4));
                    assertThat(countByTheme(started.questions())).isEqualTo(Map.of(Theme.DATABASES, 3L, Theme.GIT, 3L));
                }))
                .expectScheduledDeadlineWithName(TIMEOUT, INACTIVITY);
    }

    @Test
    void fillsUpFromTheOtherChosenThemeWhenOneThemeRunsShort() {
        fixture.givenNoPriorActivity()
                .when(new StartSessionCommand(
                        SESSION, CANDIDATE, null, ReviewMode.SELF, List.of(Theme.API_DESIGN, Theme.DATABASES), 5, null))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(onlyEvent(
                        SessionStartedEvent.class,
                        started -> assertThat(started.questions())
                                .containsExactlyInAnyOrderElementsOf(plannedAll(API_1, DB_1, DB_2, DB_3, DB_4))));
    }

    @Test
    void drawsOnlyActiveQuestions() {
        fixture.givenNoPriorActivity()
                .when(new StartSessionCommand(
                        SESSION, CANDIDATE, null, ReviewMode.SELF, List.of(Theme.DATABASES), 4, null))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(onlyEvent(
                        SessionStartedEvent.class,
                        started -> assertThat(started.questions())
                                .containsExactlyInAnyOrderElementsOf(plannedAll(DB_1, DB_2, DB_3, DB_4))
                                .doesNotContain(planned(DB_RETIRED))));
    }

    @Test
    void rejectsANamedQuestionThatIsRetired() {
        fixture.givenNoPriorActivity()
                .when(new StartSessionCommand(
                        SESSION, CANDIDATE, null, ReviewMode.SELF, null, 0, List.of(Q1, DB_RETIRED.questionId())))
                .expectException(RuleViolation.class)
                .expectException(violationOf("retired-question"))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void rejectsANamedQuestionThatDoesNotExist() {
        fixture.givenNoPriorActivity()
                .when(new StartSessionCommand(
                        SESSION, CANDIDATE, null, ReviewMode.SELF, null, 0, List.of(Q1, QuestionId.of("no-such"))))
                .expectException(RuleViolation.class)
                .expectException(violationOf("unknown-question"))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void rejectsAQuestionNamedTwice() {
        fixture.givenNoPriorActivity()
                .when(new StartSessionCommand(SESSION, CANDIDATE, null, ReviewMode.SELF, null, 0, List.of(Q1, Q2, Q1)))
                .expectException(RuleViolation.class)
                .expectException(violationOf("duplicate-question"))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void rejectsNamingQuestionsAndChoosingThemesTogether() {
        fixture.givenNoPriorActivity()
                .when(new StartSessionCommand(
                        SESSION, CANDIDATE, null, ReviewMode.SELF, List.of(Theme.DATABASES), 1, List.of(Q1)))
                .expectException(RuleViolation.class)
                .expectException(violationOf("questions-or-themes"))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void rejectsAStartThatNeitherNamesQuestionsNorChoosesThemes() {
        fixture.givenNoPriorActivity()
                .when(new StartSessionCommand(SESSION, CANDIDATE, null, ReviewMode.SELF, List.of(), 3, List.of()))
                .expectException(RuleViolation.class)
                .expectException(violationOf("questions-or-themes"))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void rejectsDrawingNoQuestions() {
        fixture.givenNoPriorActivity()
                .when(new StartSessionCommand(
                        SESSION, CANDIDATE, null, ReviewMode.SELF, List.of(Theme.DATABASES), 0, null))
                .expectException(RuleViolation.class)
                .expectException(violationOf("question-count"))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void rejectsDrawingMoreQuestionsThanASessionHolds() {
        fixture.givenNoPriorActivity()
                .when(new StartSessionCommand(
                        SESSION, CANDIDATE, null, ReviewMode.SELF, List.of(Theme.DATABASES), MAX_QUESTIONS + 1, null))
                .expectException(RuleViolation.class)
                .expectException(violationOf("question-count"))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void rejectsDrawingMoreQuestionsThanTheChosenThemesHaveActive() {
        // API design has one active question and two retired ones.
        fixture.givenNoPriorActivity()
                .when(new StartSessionCommand(
                        SESSION, CANDIDATE, null, ReviewMode.SELF, List.of(Theme.API_DESIGN), 2, null))
                .expectException(RuleViolation.class)
                .expectException(violationOf("not-enough-questions"))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void rejectsACandidateNotEnrolledInTheGivenCohort() {
        fixture.givenNoPriorActivity()
                .when(new StartSessionCommand(SESSION, CANDIDATE, OTHER_COHORT, ReviewMode.COACH, null, 0, List.of(Q1)))
                .expectException(RuleViolation.class)
                .expectException(violationOf("not-enrolled"))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void startsASessionInACohortTheCandidateIsEnrolledIn() {
        fixture.givenNoPriorActivity()
                .when(startCommand())
                .expectSuccessfulHandlerExecution()
                .expectEvents(started());
    }

    // ---- answering

    @Test
    void recordsAnAnswerToAQuestionOfTheSession() {
        fixture.given(started())
                .when(new AnswerQuestionCommand(SESSION, Q1, "A B-tree index keeps keys sorted.", 90, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new QuestionAnsweredEvent(
                        SESSION, CANDIDATE, COHORT, Q1, Theme.DATABASES, "A B-tree index keeps keys sorted.", 90, T0));
    }

    @Test
    void rejectsAnAnswerToAQuestionNotInTheSession() {
        fixture.given(started())
                .when(new AnswerQuestionCommand(SESSION, NOT_PLANNED, "An answer", 30, OWNER))
                .expectException(RuleViolation.class)
                .expectException(violationOf("question-not-in-session"))
                .expectNoEvents();
    }

    @Test
    void rejectsASecondAnswerToTheSameQuestion() {
        fixture.given(started(), answered(Q1, T0))
                .when(new AnswerQuestionCommand(SESSION, Q1, "Another answer", 30, OWNER))
                .expectException(RuleViolation.class)
                .expectException(violationOf("already-answered"))
                .expectNoEvents();
    }

    @Test
    void rejectsAnAnswerAfterTheSessionCompleted() {
        fixture.given(started(), answered(Q1, T0), completed())
                .when(new AnswerQuestionCommand(SESSION, Q2, "Late answer", 30, OWNER))
                .expectException(RuleViolation.class)
                .expectException(violationOf("session-ended"))
                .expectExceptionMessage("cannot answer: the session is completed")
                .expectNoEvents();
    }

    @Test
    void rejectsAnAnswerAfterTheSessionWasAbandoned() {
        fixture.given(started(), abandoned())
                .when(new AnswerQuestionCommand(SESSION, Q1, "Late answer", 30, OWNER))
                .expectException(RuleViolation.class)
                .expectException(violationOf("session-ended"))
                .expectExceptionMessage("cannot answer: the session is abandoned")
                .expectNoEvents();
    }

    @Test
    void rejectsAnAnswerAfterTheSessionExpired() {
        fixture.given(started(), expired())
                .when(new AnswerQuestionCommand(SESSION, Q1, "Late answer", 30, OWNER))
                .expectException(RuleViolation.class)
                .expectException(violationOf("session-ended"))
                .expectExceptionMessage("cannot answer: the session is expired")
                .expectNoEvents();
    }

    @Test
    void rejectsAnEmptyAnswer() {
        fixture.given(started())
                .when(new AnswerQuestionCommand(SESSION, Q1, "  \n\t ", 30, OWNER))
                .expectException(RuleViolation.class)
                .expectException(violationOf("empty-answer"))
                .expectNoEvents();
    }

    @Test
    void rejectsAnAnswerWithAControlCharacterThatNoReadModelCouldStore() {
        fixture.given(started())
                .when(new AnswerQuestionCommand(SESSION, Q1, "an index\u0000 on the key", 30, OWNER))
                .expectException(RuleViolation.class)
                .expectException(violationOf("unprintable-text"))
                .expectNoEvents();
    }

    @Test
    void acceptsAnAnswerWithTabsAndLineBreaks() {
        fixture.given(started())
                .when(new AnswerQuestionCommand(SESSION, Q1, "first:\n\tthe index\r\nthen: the plan", 30, OWNER))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void rejectsAnAnswerLongerThanThePolicyAllows() {
        fixture.given(started())
                .when(new AnswerQuestionCommand(SESSION, Q1, "x".repeat(MAX_ANSWER_LENGTH + 1), 30, OWNER))
                .expectException(RuleViolation.class)
                .expectException(violationOf("answer-too-long"))
                .expectNoEvents();
    }

    @Test
    void acceptsAnAnswerOfExactlyTheMaximumLength() {
        String longest = "x".repeat(MAX_ANSWER_LENGTH);
        fixture.given(started())
                .when(new AnswerQuestionCommand(SESSION, Q1, longest, 30, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new QuestionAnsweredEvent(SESSION, CANDIDATE, COHORT, Q1, Theme.DATABASES, longest, 30, T0));
    }

    @Test
    void rejectsANegativeTimeSpent() {
        fixture.given(started())
                .when(new AnswerQuestionCommand(SESSION, Q1, "An answer", -1, OWNER))
                .expectException(RuleViolation.class)
                .expectException(violationOf("negative-time-spent"))
                .expectNoEvents();
    }

    @Test
    void rejectsATimeSpentOfMoreThanADay() {
        fixture.given(started())
                .when(new AnswerQuestionCommand(SESSION, Q1, "An answer", 86_401, OWNER))
                .expectException(violationOf("time-spent-too-long"))
                .expectNoEvents();
    }

    // ---- rating

    @Test
    void acceptsTheCandidatesSelfRatingOfTheirOwnAnswer() {
        fixture.given(started(), answered(Q1, T0))
                .when(rate(Q1, CANDIDATE_AS_RATER, RaterRole.SELF))
                .expectSuccessfulHandlerExecution()
                .expectEvents(rated(Q1, Theme.DATABASES, CANDIDATE_AS_RATER, RaterRole.SELF, T0));
    }

    @Test
    void acceptsAPeerRating() {
        fixture.given(started(ReviewMode.PEER), answered(Q2, T0))
                .when(rate(Q2, PEER, RaterRole.PEER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(rated(Q2, Theme.GIT, PEER, RaterRole.PEER, T0));
    }

    @Test
    void acceptsACoachRating() {
        fixture.given(started(), answered(Q1, T0))
                .when(rate(Q1, COACH, RaterRole.COACH))
                .expectSuccessfulHandlerExecution()
                .expectEvents(rated(Q1, Theme.DATABASES, COACH, RaterRole.COACH, T0));
    }

    @Test
    void acceptsRatingsOfTheSameAnswerByDifferentRaters() {
        fixture.given(started(), answered(Q1, T0), rated(Q1, Theme.DATABASES, PEER, RaterRole.PEER, T0))
                .when(rate(Q1, COACH, RaterRole.COACH))
                .expectSuccessfulHandlerExecution()
                .expectEvents(rated(Q1, Theme.DATABASES, COACH, RaterRole.COACH, T0));
    }

    @Test
    void rejectsRatingOfAnUnansweredQuestion() {
        fixture.given(started(), answered(Q1, T0))
                .when(rate(Q2, COACH, RaterRole.COACH))
                .expectException(RuleViolation.class)
                .expectException(violationOf("not-answered"))
                .expectNoEvents();
    }

    @Test
    void rejectsRatingOfAQuestionNotInTheSession() {
        fixture.given(started(), answered(Q1, T0))
                .when(rate(NOT_PLANNED, COACH, RaterRole.COACH))
                .expectException(RuleViolation.class)
                .expectException(violationOf("question-not-in-session"))
                .expectNoEvents();
    }

    @Test
    void refusesTheCandidateClaimingToRateTheirOwnAnswerAsCoach() {
        fixture.given(started(), answered(Q1, T0))
                .when(rate(Q1, CANDIDATE_AS_RATER, RaterRole.COACH))
                .expectException(Forbidden.class)
                .expectNoEvents();
    }

    @Test
    void refusesTheCandidateClaimingToRateTheirOwnAnswerAsPeer() {
        fixture.given(started(ReviewMode.PEER), answered(Q1, T0))
                .when(rate(Q1, CANDIDATE_AS_RATER, RaterRole.PEER))
                .expectException(Forbidden.class)
                .expectNoEvents();
    }

    @Test
    void refusesACohortMateClaimingASelfRating() {
        fixture.given(started(ReviewMode.PEER), answered(Q1, T0))
                .when(rate(Q1, PEER, RaterRole.SELF))
                .expectException(Forbidden.class)
                .expectNoEvents();
    }

    @Test
    void derivesTheRatersRoleWhenTheClientNamesNone() {
        fixture.given(started(), answered(Q1, T0))
                .when(rate(Q1, COACH, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(rated(Q1, Theme.DATABASES, COACH, RaterRole.COACH, T0));
    }

    @Test
    void hidesTheSessionFromACoachOfAnotherCohort() {
        fixture.given(started(), answered(Q1, T0))
                .when(new RateAnswerCommand(SESSION, Q1, OTHER_COACH, RaterRole.COACH, SCORES, null))
                .expectException(Hidden.class)
                .expectNoEvents();
    }

    @Test
    void hidesACoachReviewedSessionFromACohortMate() {
        fixture.given(started(), answered(Q1, T0))
                .when(rate(Q1, PEER, RaterRole.PEER))
                .expectException(Hidden.class)
                .expectNoEvents();
    }

    @Test
    void hidesAPeerSessionFromACandidateOfAnotherCohort() {
        fixture.given(started(ReviewMode.PEER), answered(Q1, T0))
                .when(new RateAnswerCommand(SESSION, Q1, OTHER_CANDIDATE, RaterRole.PEER, SCORES, null))
                .expectException(Hidden.class)
                .expectNoEvents();
    }

    @Test
    void hidesTheSessionFromAnAdmin() {
        fixture.given(started(), answered(Q1, T0))
                .when(new RateAnswerCommand(
                        SESSION, Q1, new Actor(PersonId.of("admin-1"), Role.ADMIN), null, SCORES, null))
                .expectException(Hidden.class)
                .expectNoEvents();
    }

    @Test
    void hidesTheSessionFromAnotherCandidateWhoTriesToAnswer() {
        fixture.given(started())
                .when(new AnswerQuestionCommand(SESSION, Q1, "An answer", 30, OTHER_CANDIDATE))
                .expectException(Hidden.class)
                .expectNoEvents();
    }

    @Test
    void hidesTheSessionFromAnotherCandidateWhoTriesToCompleteIt() {
        fixture.given(started(), answered(Q1, T0))
                .when(new CompleteSessionCommand(SESSION, OTHER_CANDIDATE))
                .expectException(Hidden.class)
                .expectNoEvents();
    }

    @Test
    void hidesTheSessionFromTheCoachWhoTriesToAbandonIt() {
        fixture.given(started())
                .when(new AbandonSessionCommand(SESSION, null, actor(COACH)))
                .expectException(Hidden.class)
                .expectNoEvents();
    }

    @Test
    void rejectsASecondRatingOfTheSameAnswerByTheSameRater() {
        fixture.given(started(), answered(Q1, T0), rated(Q1, Theme.DATABASES, COACH, RaterRole.COACH, T0))
                .when(rate(Q1, COACH, RaterRole.COACH))
                .expectException(RuleViolation.class)
                .expectException(violationOf("already-rated"))
                .expectNoEvents();
    }

    @Test
    void acceptsARatingAfterTheSessionCompleted() {
        fixture.given(started(), answered(Q1, T0), completed())
                .when(rate(Q1, COACH, RaterRole.COACH))
                .expectSuccessfulHandlerExecution()
                .expectEvents(rated(Q1, Theme.DATABASES, COACH, RaterRole.COACH, T0));
    }

    @Test
    void acceptsARatingAfterTheSessionExpired() {
        fixture.given(started(), answered(Q1, T0), expired())
                .when(rate(Q1, CANDIDATE_AS_RATER, RaterRole.SELF))
                .expectSuccessfulHandlerExecution()
                .expectEvents(rated(Q1, Theme.DATABASES, CANDIDATE_AS_RATER, RaterRole.SELF, T0));
    }

    @Test
    void rejectsARatingWhoseCommentIsLongerThanFourThousandCharacters() {
        fixture.given(started(), answered(Q1, T0))
                .when(new RateAnswerCommand(
                        SESSION, Q1, actor(COACH), RaterRole.COACH, SCORES, "x".repeat(MAX_COMMENT_LENGTH + 1)))
                .expectException(violationOf("comment-too-long"))
                .expectNoEvents();
    }

    @Test
    void acceptsARatingWhoseCommentHasExactlyTheMaximumLength() {
        fixture.given(started(), answered(Q1, T0))
                .when(new RateAnswerCommand(
                        SESSION, Q1, actor(COACH), RaterRole.COACH, SCORES, "x".repeat(MAX_COMMENT_LENGTH)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void rejectsARevisionWhoseCommentIsLongerThanFourThousandCharacters() {
        fixture.given(started(), answered(Q1, T0), rated(Q1, Theme.DATABASES, COACH, RaterRole.COACH, T0))
                .when(new ReviseRatingCommand(
                        SESSION, Q1, actor(COACH), RaterRole.COACH, REVISED_SCORES, "x".repeat(MAX_COMMENT_LENGTH + 1)))
                .expectException(violationOf("comment-too-long"))
                .expectNoEvents();
    }

    // ---- revising a rating

    @Test
    void revisesARatingTheRaterGaveEarlier() {
        fixture.given(started(), answered(Q1, T0), rated(Q1, Theme.DATABASES, COACH, RaterRole.COACH, T0))
                .when(new ReviseRatingCommand(
                        SESSION, Q1, actor(COACH), RaterRole.COACH, REVISED_SCORES, "better on reread"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AnswerRatingRevisedEvent(
                        SESSION,
                        CANDIDATE,
                        COHORT,
                        Q1,
                        Theme.DATABASES,
                        COACH,
                        RaterRole.COACH,
                        REVISED_SCORES,
                        "better on reread",
                        T0));
    }

    @Test
    void rejectsRevisingARatingTheRaterHasNotGivenYet() {
        fixture.given(started(), answered(Q1, T0), rated(Q1, Theme.DATABASES, PEER, RaterRole.PEER, T0))
                .when(new ReviseRatingCommand(SESSION, Q1, actor(COACH), RaterRole.COACH, REVISED_SCORES, null))
                .expectException(RuleViolation.class)
                .expectException(violationOf("not-rated-yet"))
                .expectNoEvents();
    }

    @Test
    void rejectsARevisionThatChangesTheRatersRole() {
        // rated as coach while the account was a coach; it is a cohort-mate in a peer session now
        fixture.given(started(ReviewMode.PEER), answered(Q1, T0), rated(Q1, Theme.DATABASES, PEER, RaterRole.COACH, T0))
                .when(new ReviseRatingCommand(SESSION, Q1, actor(PEER), null, REVISED_SCORES, null))
                .expectException(RuleViolation.class)
                .expectException(violationOf("role-changed"))
                .expectNoEvents();
    }

    @Test
    void refusesARevisionClaimingAnotherRole() {
        fixture.given(started(ReviewMode.PEER), answered(Q1, T0), rated(Q1, Theme.DATABASES, PEER, RaterRole.PEER, T0))
                .when(new ReviseRatingCommand(SESSION, Q1, actor(PEER), RaterRole.COACH, REVISED_SCORES, null))
                .expectException(Forbidden.class)
                .expectNoEvents();
    }

    // ---- completing and abandoning

    @Test
    void completesASessionWithAtLeastOneAnswer() {
        fixture.given(started(), answered(Q1, T0))
                .when(new CompleteSessionCommand(SESSION, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SessionCompletedEvent(SESSION, CANDIDATE, COHORT, 1, 2, T0));
    }

    @Test
    void rejectsCompletingASessionWithNothingAnswered() {
        fixture.given(started())
                .when(new CompleteSessionCommand(SESSION, OWNER))
                .expectException(RuleViolation.class)
                .expectException(violationOf("nothing-answered"))
                .expectNoEvents();
    }

    @Test
    void rejectsCompletingASessionTwice() {
        fixture.given(started(), answered(Q1, T0), completed())
                .when(new CompleteSessionCommand(SESSION, OWNER))
                .expectException(RuleViolation.class)
                .expectException(violationOf("session-ended"))
                .expectExceptionMessage("cannot complete: the session is completed")
                .expectNoEvents();
    }

    @Test
    void rejectsCompletingAnAbandonedSession() {
        fixture.given(started(), answered(Q1, T0), abandoned())
                .when(new CompleteSessionCommand(SESSION, OWNER))
                .expectException(RuleViolation.class)
                .expectException(violationOf("session-ended"))
                .expectExceptionMessage("cannot complete: the session is abandoned")
                .expectNoEvents();
    }

    @Test
    void abandonsASessionInProgress() {
        fixture.given(started(), answered(Q1, T0))
                .when(new AbandonSessionCommand(SESSION, "ran out of time", OWNER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SessionAbandonedEvent(SESSION, CANDIDATE, COHORT, 1, "ran out of time", T0));
    }

    @Test
    void rejectsAbandoningACompletedSession() {
        fixture.given(started(), answered(Q1, T0), completed())
                .when(new AbandonSessionCommand(SESSION, null, OWNER))
                .expectException(RuleViolation.class)
                .expectException(violationOf("session-ended"))
                .expectExceptionMessage("cannot abandon: the session is completed")
                .expectNoEvents();
    }

    @Test
    void rejectsAnAbandonReasonLongerThanAThousandCharacters() {
        fixture.given(started(), answered(Q1, T0))
                .when(new AbandonSessionCommand(SESSION, "x".repeat(1001), OWNER))
                .expectException(violationOf("reason-too-long"))
                .expectNoEvents();
    }

    // ---- expiry after inactivity

    @Test
    void schedulesTheInactivityDeadlineWhenASessionStarts() {
        fixture.givenNoPriorActivity()
                .when(startCommand())
                .expectScheduledDeadlineWithName(Duration.ofHours(2), INACTIVITY)
                .expectScheduledDeadline(Duration.ofHours(2), new InactivityDeadline(T0));
    }

    @Test
    void expiresASessionWithNoActivityForTheInactivityTimeout() {
        fixture.givenCommands(startCommand())
                .whenTimeElapses(Duration.ofHours(2))
                .expectTriggeredDeadlinesWithName(INACTIVITY)
                .expectEvents(new SessionExpiredEvent(SESSION, CANDIDATE, COHORT, 0, T0, T0.plus(TIMEOUT)))
                .expectNoScheduledDeadlines();
    }

    @Test
    void doesNotExpireASessionBeforeTheInactivityTimeout() {
        fixture.givenCommands(startCommand())
                .whenTimeElapses(Duration.ofHours(2).minusSeconds(1))
                .expectNoEvents()
                .expectScheduledDeadlineWithName(T0.plus(TIMEOUT), INACTIVITY);
    }

    @Test
    void movesTheDeadlineInsteadOfExpiringWhenTheSessionWasActiveSince() {
        Instant answeredAt = T0.plus(Duration.ofHours(1));
        fixture.givenCommands(startCommand())
                .andGiven(answered(Q1, answeredAt))
                .whenTimeElapses(Duration.ofHours(2))
                .expectTriggeredDeadlinesWithName(INACTIVITY)
                .expectNoEvents()
                .expectScheduledDeadlineWithName(answeredAt.plus(TIMEOUT), INACTIVITY)
                .expectScheduledDeadline(answeredAt.plus(TIMEOUT), new InactivityDeadline(answeredAt));
    }

    @Test
    void expiresWhenTheQuietPeriodAfterTheLastActivityHasPassed() {
        Instant answeredAt = T0.plus(Duration.ofHours(1));
        fixture.givenCommands(startCommand())
                .andGiven(answered(Q1, answeredAt))
                .whenTimeElapses(Duration.ofHours(3))
                .expectTriggeredDeadlinesWithName(INACTIVITY, INACTIVITY)
                .expectEvents(
                        new SessionExpiredEvent(SESSION, CANDIDATE, COHORT, 1, answeredAt, answeredAt.plus(TIMEOUT)))
                .expectNoScheduledDeadlines();
    }

    @Test
    void countsARatingDuringTheSessionAsActivity() {
        Instant answeredAt = T0.plus(Duration.ofMinutes(30));
        Instant ratedAt = T0.plus(Duration.ofMinutes(90));
        fixture.givenCommands(startCommand())
                .andGiven(
                        answered(Q1, answeredAt),
                        rated(Q1, Theme.DATABASES, CANDIDATE_AS_RATER, RaterRole.SELF, ratedAt))
                .whenTimeElapses(Duration.ofHours(2))
                .expectNoEvents()
                .expectScheduledDeadline(ratedAt.plus(TIMEOUT), new InactivityDeadline(ratedAt));
    }

    @Test
    void doesNotExpireACompletedSession() {
        fixture.givenCommands(
                        startCommand(), new AnswerQuestionCommand(SESSION, Q1, "An answer", 60, OWNER), complete())
                .whenTimeElapses(Duration.ofHours(2))
                .expectTriggeredDeadlinesWithName(INACTIVITY)
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void doesNotExpireAnAbandonedSession() {
        fixture.givenCommands(startCommand(), new AbandonSessionCommand(SESSION, null, OWNER))
                .whenTimeElapses(Duration.ofHours(2))
                .expectTriggeredDeadlinesWithName(INACTIVITY)
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    // ---- helpers

    private static BankQuestion question(String id, Theme theme, boolean active) {
        return new BankQuestion(
                QuestionId.of(id), theme, Difficulty.INTERMEDIATE, "Prompt of " + id, "Guidance for " + id, active);
    }

    private static PlannedQuestion planned(BankQuestion question) {
        return new PlannedQuestion(question.questionId(), question.theme(), question.difficulty(), question.prompt());
    }

    private static List<PlannedQuestion> plannedAll(BankQuestion... questions) {
        return java.util.Arrays.stream(questions)
                .map(PracticeSessionTest::planned)
                .toList();
    }

    private static Map<Theme, Long> countByTheme(List<PlannedQuestion> questions) {
        return questions.stream().collect(Collectors.groupingBy(PlannedQuestion::theme, Collectors.counting()));
    }

    private static StartSessionCommand startCommand() {
        return new StartSessionCommand(SESSION, CANDIDATE, COHORT, ReviewMode.COACH, null, 0, List.of(Q1, Q2));
    }

    private static CompleteSessionCommand complete() {
        return new CompleteSessionCommand(SESSION, OWNER);
    }

    private static SessionStartedEvent started() {
        return new SessionStartedEvent(
                SESSION,
                CANDIDATE,
                COHORT,
                ReviewMode.COACH,
                List.of(planned(DB_1), planned(GIT_1)),
                TIMEOUT.toSeconds(),
                T0);
    }

    private static QuestionAnsweredEvent answered(QuestionId questionId, Instant at) {
        Theme theme = questionId.equals(Q1) ? Theme.DATABASES : Theme.GIT;
        return new QuestionAnsweredEvent(SESSION, CANDIDATE, COHORT, questionId, theme, "An answer", 60, at);
    }

    private static RateAnswerCommand rate(QuestionId questionId, PersonId rater, RaterRole role) {
        return new RateAnswerCommand(SESSION, questionId, actor(rater), role, SCORES, "clear, but no numbers");
    }

    /** The test's people as accounts: the coach has the coach role, everyone else is a candidate. */
    private static Actor actor(PersonId person) {
        return new Actor(person, person.equals(COACH) ? Role.COACH : Role.CANDIDATE);
    }

    private static SessionStartedEvent started(ReviewMode mode) {
        return new SessionStartedEvent(
                SESSION, CANDIDATE, COHORT, mode, List.of(planned(DB_1), planned(GIT_1)), TIMEOUT.toSeconds(), T0);
    }

    private static AnswerRatedEvent rated(
            QuestionId questionId, Theme theme, PersonId rater, RaterRole role, Instant at) {
        return new AnswerRatedEvent(
                SESSION, CANDIDATE, COHORT, questionId, theme, rater, role, SCORES, "clear, but no numbers", at);
    }

    private static SessionCompletedEvent completed() {
        return new SessionCompletedEvent(SESSION, CANDIDATE, COHORT, 1, 2, T0);
    }

    private static SessionAbandonedEvent abandoned() {
        return new SessionAbandonedEvent(SESSION, CANDIDATE, COHORT, 0, null, T0);
    }

    private static SessionExpiredEvent expired() {
        return new SessionExpiredEvent(SESSION, CANDIDATE, COHORT, 0, T0, T0.plus(TIMEOUT));
    }

    /** Matches a list of exactly one event of the given type whose payload passes the given assertions. */
    private static <T> Matcher<List<EventMessage<?>>> onlyEvent(Class<T> type, Consumer<T> assertions) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                assertThat(events).hasSize(1);
                assertThat(events.get(0).getPayload()).isInstanceOf(type);
                assertions.accept(type.cast(events.get(0).getPayload()));
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("exactly one ").appendText(type.getSimpleName());
            }
        };
    }
}
