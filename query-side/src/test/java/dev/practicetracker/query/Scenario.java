package dev.practicetracker.query;

import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CoachId;
import dev.practicetracker.events.CohortId;
import dev.practicetracker.events.Difficulty;
import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.QuestionId;
import dev.practicetracker.events.RaterRole;
import dev.practicetracker.events.ReviewMode;
import dev.practicetracker.events.RubricScores;
import dev.practicetracker.events.SessionId;
import dev.practicetracker.events.Theme;
import dev.practicetracker.events.cohort.CandidateEnrolledEvent;
import dev.practicetracker.events.cohort.CandidateWithdrawnEvent;
import dev.practicetracker.events.cohort.CohortCreatedEvent;
import dev.practicetracker.events.question.QuestionAddedEvent;
import dev.practicetracker.events.question.QuestionRetiredEvent;
import dev.practicetracker.events.session.AnswerRatedEvent;
import dev.practicetracker.events.session.AnswerRatingRevisedEvent;
import dev.practicetracker.events.session.PlannedQuestion;
import dev.practicetracker.events.session.QuestionAnsweredEvent;
import dev.practicetracker.events.session.SessionAbandonedEvent;
import dev.practicetracker.events.session.SessionCompletedEvent;
import dev.practicetracker.events.session.SessionStartedEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A realistic history for a cohort, as the command side would have written it: questions, a coach, candidates who
 * practise over weeks with self, peer and coach ratings, revisions, a withdrawal, a retired question and sessions
 * that end each way. Deterministic for a given seed; ids are unique per instance.
 */
public final class Scenario {

    public final String prefix = UUID.randomUUID().toString().substring(0, 8);
    public final CohortId cohort = CohortId.of("cohort-" + prefix);
    public final CoachId coach = CoachId.of("coach-" + prefix);
    public final List<CandidateId> candidates = new ArrayList<>();
    public final List<Object> events = new ArrayList<>();

    public Scenario(int candidateCount, int sessionsEach, long seed) {
        Random random = new Random(seed);
        Instant start = Instant.now().minus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        List<PlannedQuestion> bank = new ArrayList<>();
        for (Theme theme : Theme.values()) {
            for (int i = 1; i <= 2; i++) {
                QuestionId id = QuestionId.of("q-" + prefix + "-" + theme.id() + "-" + i);
                bank.add(new PlannedQuestion(
                        id, theme, Difficulty.INTERMEDIATE, "Question " + i + " on " + theme.title()));
                events.add(new QuestionAddedEvent(
                        id,
                        theme,
                        Difficulty.INTERMEDIATE,
                        "Question " + i + " on " + theme.title(),
                        "A strong answer says why.",
                        "test",
                        start));
            }
        }
        events.add(
                new QuestionRetiredEvent(bank.get(0).questionId(), bank.get(0).theme(), "replaced", start));
        events.add(new CohortCreatedEvent(cohort, "Cohort " + prefix, coach, start));
        for (int c = 0; c < candidateCount; c++) {
            CandidateId candidate = CandidateId.of("cand-" + prefix + "-" + c);
            candidates.add(candidate);
            events.add(new CandidateEnrolledEvent(cohort, candidate, start.plusSeconds(c)));
            double skill = 1.5 + random.nextDouble();
            for (int s = 0; s < sessionsEach; s++) {
                Instant at = start.plus(s * 3L + c, ChronoUnit.DAYS).plusSeconds(3600);
                SessionId session = SessionId.of("s-" + prefix + "-" + c + "-" + s);
                List<PlannedQuestion> planned = List.of(
                        bank.get(1 + random.nextInt(bank.size() - 1)), bank.get(1 + random.nextInt(bank.size() - 1)));
                if (planned.get(0).questionId().equals(planned.get(1).questionId())) {
                    planned = List.of(planned.get(0));
                }
                ReviewMode mode = s % 3 == 0 ? ReviewMode.SELF : ReviewMode.COACH;
                events.add(new SessionStartedEvent(session, candidate, cohort, mode, planned, 7200, at));
                int answered = 0;
                for (PlannedQuestion question : planned) {
                    Instant answeredAt = at.plusSeconds(300L * (answered + 1));
                    events.add(new QuestionAnsweredEvent(
                            session,
                            candidate,
                            cohort,
                            question.questionId(),
                            question.theme(),
                            "Answer, with \"quotes\", commas\nand lines",
                            120 + random.nextInt(400),
                            answeredAt));
                    answered++;
                    int self = score(skill + 0.8, random);
                    events.add(rated(
                            session,
                            candidate,
                            question,
                            PersonId.of(candidate.value()),
                            RaterRole.SELF,
                            self,
                            answeredAt.plusSeconds(30)));
                    if (mode == ReviewMode.COACH && random.nextInt(4) > 0) {
                        int coachScore = score(skill, random);
                        Instant ratedAt = answeredAt.plus(1, ChronoUnit.DAYS);
                        events.add(rated(
                                session,
                                candidate,
                                question,
                                PersonId.of(coach.value()),
                                RaterRole.COACH,
                                coachScore,
                                ratedAt));
                        if (random.nextInt(5) == 0) {
                            events.add(new AnswerRatingRevisedEvent(
                                    session,
                                    candidate,
                                    cohort,
                                    question.questionId(),
                                    question.theme(),
                                    PersonId.of(coach.value()),
                                    RaterRole.COACH,
                                    uniform(Math.min(5, coachScore + 1)),
                                    "on reflection",
                                    ratedAt.plusSeconds(600)));
                        }
                    }
                }
                if (s % 5 == 4) {
                    events.add(new SessionAbandonedEvent(
                            session, candidate, cohort, answered, "ran out of time", at.plusSeconds(1800)));
                } else {
                    events.add(new SessionCompletedEvent(
                            session, candidate, cohort, answered, planned.size(), at.plusSeconds(1800)));
                }
                skill = Math.min(4.5, skill + 0.08);
            }
        }
        if (candidateCount > 1) {
            events.add(new CandidateWithdrawnEvent(
                    cohort, candidates.get(candidateCount - 1), "found a job", start.plus(35, ChronoUnit.DAYS)));
        }
    }

    private AnswerRatedEvent rated(
            SessionId session,
            CandidateId candidate,
            PlannedQuestion question,
            PersonId rater,
            RaterRole role,
            int score,
            Instant at) {
        return new AnswerRatedEvent(
                session,
                candidate,
                cohort,
                question.questionId(),
                question.theme(),
                rater,
                role,
                uniform(score),
                role == RaterRole.COACH ? "Say why, then quantify." : null,
                at);
    }

    private static int score(double skill, Random random) {
        return (int) Math.max(1, Math.min(5, Math.round(skill + random.nextGaussian() * 0.6)));
    }

    private static RubricScores uniform(int score) {
        return new RubricScores(score, score, Math.max(1, score - 1), score, Math.max(1, score - 1));
    }
}
