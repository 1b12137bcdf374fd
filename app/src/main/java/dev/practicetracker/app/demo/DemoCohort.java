package dev.practicetracker.app.demo;

import dev.practicetracker.command.account.CreateAccountCommand;
import dev.practicetracker.command.account.Password;
import dev.practicetracker.command.cohort.CreateCohortCommand;
import dev.practicetracker.command.cohort.EnrolCandidateCommand;
import dev.practicetracker.command.question.BankQuestion;
import dev.practicetracker.command.session.AnswerQuestionCommand;
import dev.practicetracker.command.session.CompleteSessionCommand;
import dev.practicetracker.command.session.RateAnswerCommand;
import dev.practicetracker.command.session.StartSessionCommand;
import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CoachId;
import dev.practicetracker.events.CohortId;
import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.QuestionId;
import dev.practicetracker.events.RaterRole;
import dev.practicetracker.events.ReviewMode;
import dev.practicetracker.events.Role;
import dev.practicetracker.events.RubricScores;
import dev.practicetracker.events.SessionId;
import dev.practicetracker.events.Theme;
import dev.practicetracker.events.account.AccountCreatedEvent;
import dev.practicetracker.events.cohort.CandidateEnrolledEvent;
import dev.practicetracker.events.cohort.CohortCreatedEvent;
import dev.practicetracker.events.session.AnswerRatedEvent;
import dev.practicetracker.events.session.QuestionAnsweredEvent;
import dev.practicetracker.events.session.SessionCompletedEvent;
import dev.practicetracker.events.session.SessionStartedEvent;
import dev.practicetracker.security.Actor;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The demo cohort and its six weeks of history as a list of commands in the order they happened, each with the
 * moment it happened and a test of whether it already has. Everything is derived from fixed names, so a second run
 * plans the same ids and finds them done.
 */
final class DemoCohort {

    static final CoachId COACH = new CoachId("demo-coach");
    static final String COACH_NAME = "Dana Reyes";
    static final CohortId COHORT = new CohortId("demo-cohort");
    static final String COHORT_NAME = "Back-end interview prep (demo)";
    /** Every demo account's password, printed with the logins: the demo is for a laptop, never for real people. */
    static final String PASSWORD = "demo-password";

    /** How a candidate practises: level at the start (1..5), gain per week, rhythm, and how they rate themselves. */
    record Candidate(
            String id,
            String name,
            double startLevel,
            double weeklyGain,
            int sessionsPerWeek,
            int firstDayAgo,
            int lastDayAgo,
            double selfBias,
            Theme weakTheme,
            String story) {

        CandidateId candidateId() {
            return new CandidateId(id);
        }

        Actor actor() {
            return new Actor(new PersonId(id), Role.CANDIDATE);
        }
    }

    static final List<Candidate> CANDIDATES = List.of(
            new Candidate(
                    "demo-amara", "Amara Okafor", 2.2, 0.40, 2, 42, 1, -0.4, Theme.SYSTEM_DESIGN, "improving fast"),
            new Candidate(
                    "demo-bruno", "Bruno Silva", 2.6, 0.25, 2, 42, 2, 0.9, Theme.SECURITY, "improving, overconfident"),
            new Candidate(
                    "demo-chloe", "Chloe Martin", 3.3, 0.15, 3, 41, 1, 0.0, Theme.BUSINESS_IMPACT, "strong and steady"),
            new Candidate("demo-dmitri", "Dmitri Ivanov", 2.6, -0.02, 2, 42, 1, 0.5, Theme.DATABASES, "stalling"),
            new Candidate("demo-esra", "Esra Yilmaz", 2.4, 0.20, 2, 40, 24, 0.2, Theme.GIT, "inactive for weeks"),
            new Candidate(
                    "demo-femi",
                    "Femi Adeyemi",
                    1.9,
                    0.45,
                    2,
                    21,
                    1,
                    -0.2,
                    Theme.COMMUNICATION,
                    "joined three weeks ago"));

    private static final int QUESTIONS_PER_SESSION = 3;

    /** The history starts with the cohort this many days before the day it is seeded. */
    private static final int COHORT_CREATED_DAYS_AGO = 43;

    /** The day (UTC) a demo history was seeded on, from when its cohort was created: its history ends the day before. */
    static Instant seededOn(Instant cohortCreated) {
        return cohortCreated.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(COHORT_CREATED_DAYS_AGO));
    }

    /** One command of the history: when it happened, which aggregate it goes to, and whether that already has it. */
    record Step(Instant at, String aggregateId, Object command, Predicate<List<Object>> done) {}

    private static final Actor COACH_ACTOR = new Actor(new PersonId(COACH.value()), Role.COACH);

    private final Instant today;
    private final Function<Theme, List<BankQuestion>> questionsOf;
    private final Actor admin;

    /**
     * @param now the real time of seeding: the history ends the day before
     * @param questionsOf the active questions of a theme, in a stable order
     * @param admin the admin who opens the demo accounts
     */
    DemoCohort(Instant now, Function<Theme, List<BankQuestion>> questionsOf, Actor admin) {
        this.today = now.truncatedTo(ChronoUnit.DAYS);
        this.questionsOf = questionsOf;
        this.admin = admin;
    }

    List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        Instant opened = day(44).plus(Duration.ofHours(9));
        steps.add(account(opened, COACH.value(), COACH_NAME, Role.COACH));
        for (int c = 0; c < CANDIDATES.size(); c++) {
            Candidate candidate = CANDIDATES.get(c);
            steps.add(
                    account(opened.plus(Duration.ofMinutes(c + 1)), candidate.id(), candidate.name(), Role.CANDIDATE));
        }
        Instant created = day(COHORT_CREATED_DAYS_AGO).plus(Duration.ofHours(9));
        steps.add(new Step(
                created,
                COHORT.value(),
                new CreateCohortCommand(COHORT, COHORT_NAME, COACH),
                events -> events.stream().anyMatch(CohortCreatedEvent.class::isInstance)));
        for (int c = 0; c < CANDIDATES.size(); c++) {
            Candidate candidate = CANDIDATES.get(c);
            steps.add(new Step(
                    day(candidate.firstDayAgo() + 1).plus(Duration.ofHours(10).plusMinutes(c)),
                    COHORT.value(),
                    new EnrolCandidateCommand(COHORT, candidate.candidateId()),
                    events -> events.stream()
                            .anyMatch(event -> event instanceof CandidateEnrolledEvent enrolled
                                    && enrolled.candidateId().equals(candidate.candidateId()))));
            sessionsOf(c, candidate, steps);
        }
        steps.sort(Comparator.comparing(Step::at));
        return steps;
    }

    /** An account whose id is the person's id everywhere, and whose username is the same, to log in with. */
    private Step account(Instant at, String id, String name, Role role) {
        return new Step(
                at,
                id,
                new CreateAccountCommand(new PersonId(id), id, name, role, Password.of(PASSWORD), admin),
                events -> events.stream().anyMatch(AccountCreatedEvent.class::isInstance));
    }

    /**
     * Sessions counted back from the candidate's last day, so the last one falls on it: counted forward from the first
     * day, the rhythm skipped the last days of most candidates, and the review queue held one candidate's answers.
     * Session 1 is the earliest.
     */
    private void sessionsOf(int c, Candidate candidate, List<Step> steps) {
        double spacing = 7.0 / candidate.sessionsPerWeek();
        // The earliest is at most (first - last) days before the last: rounding a value at most that integer keeps it.
        int count = (int) Math.floor((candidate.firstDayAgo() - candidate.lastDayAgo()) / spacing) + 1;
        for (int k = 0; k < count; k++) {
            int dayAgo = candidate.lastDayAgo() + (int) Math.round((count - 1 - k) * spacing);
            Instant start = day(dayAgo).plus(Duration.ofHours(18).plusMinutes(17L * c + (k % 4) * 11L));
            double weeks = (candidate.firstDayAgo() - dayAgo) / 7.0;
            session(c, k, candidate, start, weeks, dayAgo, steps);
        }
    }

    private void session(int c, int k, Candidate candidate, Instant start, double weeks, int dayAgo, List<Step> steps) {
        SessionId sessionId = new SessionId(candidate.id() + "-session-" + (k + 1));
        String aggregate = sessionId.value();
        List<BankQuestion> questions = questionsFor(c, k, candidate);
        steps.add(new Step(
                start,
                aggregate,
                new StartSessionCommand(
                        sessionId,
                        candidate.candidateId(),
                        COHORT,
                        ReviewMode.COACH,
                        null,
                        0,
                        questions.stream().map(BankQuestion::questionId).toList()),
                events -> events.stream().anyMatch(SessionStartedEvent.class::isInstance)));
        for (int i = 0; i < questions.size(); i++) {
            BankQuestion question = questions.get(i);
            QuestionId questionId = question.questionId();
            double level = candidate.startLevel()
                    + candidate.weeklyGain() * weeks
                    - (question.theme() == candidate.weakTheme() ? 0.9 : 0.0);
            Instant answered = start.plus(Duration.ofMinutes(6L * (i + 1)));
            steps.add(new Step(
                    answered,
                    aggregate,
                    new AnswerQuestionCommand(
                            sessionId,
                            questionId,
                            answerText(candidate, question, level),
                            240 + 37 * ((k + i) % 5),
                            candidate.actor()),
                    events -> events.stream()
                            .anyMatch(event -> event instanceof QuestionAnsweredEvent answer
                                    && answer.questionId().equals(questionId))));
            String seed = aggregate + "/" + questionId.value();
            steps.add(rating(
                    answered.plus(Duration.ofMinutes(1)),
                    sessionId,
                    questionId,
                    candidate.actor(),
                    RaterRole.SELF,
                    scores(level + candidate.selfBias(), seed + "/self"),
                    null));
            // The coach reviews a day or two later; the last few days are still waiting in the review queue.
            if (dayAgo >= 3) {
                steps.add(rating(
                        start.plus(Duration.ofDays(1 + (k % 2)))
                                .plus(Duration.ofHours(2).plusMinutes(i)),
                        sessionId,
                        questionId,
                        COACH_ACTOR,
                        RaterRole.COACH,
                        scores(level, seed + "/coach"),
                        coachComment(level, question.theme())));
            }
        }
        steps.add(new Step(
                start.plus(Duration.ofMinutes(6L * questions.size() + 3)),
                aggregate,
                new CompleteSessionCommand(sessionId, candidate.actor()),
                events -> events.stream().anyMatch(SessionCompletedEvent.class::isInstance)));
    }

    private static Step rating(
            Instant at,
            SessionId sessionId,
            QuestionId questionId,
            Actor rater,
            RaterRole role,
            RubricScores scores,
            String comment) {
        return new Step(
                at,
                sessionId.value(),
                new RateAnswerCommand(sessionId, questionId, rater, role, scores, comment),
                events -> events.stream()
                        .anyMatch(event -> event instanceof AnswerRatedEvent rated
                                && rated.questionId().equals(questionId)
                                && rated.raterId().equals(rater.accountId())));
    }

    /** Two questions of a rotating theme (every third session the candidate's weak one) and one of the next theme. */
    private List<BankQuestion> questionsFor(int c, int k, Candidate candidate) {
        Theme[] themes = Theme.values();
        Theme first = k % 3 == 0 ? candidate.weakTheme() : themes[(c * 3 + k * 2) % themes.length];
        Theme second = themes[(first.ordinal() + 1 + c) % themes.length];
        if (second == first) {
            second = themes[(first.ordinal() + 1) % themes.length];
        }
        List<BankQuestion> fromFirst = questionsOf.apply(first);
        List<BankQuestion> fromSecond = questionsOf.apply(second);
        List<BankQuestion> chosen = new ArrayList<>();
        chosen.add(fromFirst.get((k + c) % fromFirst.size()));
        chosen.add(fromFirst.get((k + c + 1) % fromFirst.size()));
        chosen.add(fromSecond.get((k * 2 + c) % fromSecond.size()));
        return chosen.stream().distinct().limit(QUESTIONS_PER_SESSION).toList();
    }

    /** Scores around {@code level}, a little different per criterion; impact is the usual weak spot. */
    private static RubricScores scores(double level, String seed) {
        return new RubricScores(
                score(level + wobble(seed, 1)),
                score(level + wobble(seed, 2)),
                score(level + wobble(seed, 3)),
                score(level + 0.2 + wobble(seed, 4)),
                score(level - 0.4 + wobble(seed, 5)));
    }

    private static int score(double value) {
        return (int) Math.max(RubricScores.MIN, Math.min(RubricScores.MAX, Math.round(value)));
    }

    /** A fixed pseudo-random offset in [-0.5, 0.5) for a seed, the same on every run. */
    private static double wobble(String seed, int salt) {
        int hash = (seed + "#" + salt).hashCode();
        return (Math.floorMod(hash, 1000) / 1000.0) - 0.5;
    }

    private static String answerText(Candidate candidate, BankQuestion question, double level) {
        String opening = "I would start by clarifying what the listener needs and what \"done\" looks like. ";
        String body = level >= 3.5
                ? "Then I would compare two concrete options, say what each costs, pick one and explain why, and"
                        + " close with a number from a project where I did this: the change cut response times by"
                        + " about 40% and support tickets dropped with it."
                : level >= 2.5
                        ? "Then I would go through the main options and pick the one I have used before, explaining"
                                + " the parts I know well, though I would not always put numbers on the result."
                        : "Then I would describe what I remember of it; I am less sure about the trade-offs here"
                                + " and would need to look some of it up.";
        return opening + body + " (" + candidate.name() + ", "
                + question.theme().title() + ")";
    }

    private static String coachComment(double level, Theme theme) {
        if (level >= 3.8) {
            return "Clear and well argued; keep tying it to measured results.";
        }
        if (level >= 2.8) {
            return "Good structure. Name the trade-offs in " + theme.title() + " explicitly and quantify the impact.";
        }
        return "Start from the question, outline options before choosing, and practise " + theme.title() + " more.";
    }

    private Instant day(int daysAgo) {
        return today.minus(Duration.ofDays(daysAgo));
    }
}
