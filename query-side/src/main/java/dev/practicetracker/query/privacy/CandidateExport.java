package dev.practicetracker.query.privacy;

import dev.practicetracker.events.CandidateEvent;
import dev.practicetracker.events.account.AccountCreatedEvent;
import dev.practicetracker.events.account.AccountEvent;
import dev.practicetracker.events.account.AccountRoleChangedEvent;
import dev.practicetracker.events.session.AnswerRatedEvent;
import dev.practicetracker.events.session.AnswerRatingRevisedEvent;
import dev.practicetracker.events.session.QuestionAnsweredEvent;
import dev.practicetracker.events.session.SessionAbandonedEvent;
import dev.practicetracker.events.session.SessionCompletedEvent;
import dev.practicetracker.events.session.SessionExpiredEvent;
import dev.practicetracker.events.session.SessionStartedEvent;
import dev.practicetracker.query.profile.ProfileQueries;
import dev.practicetracker.query.web.NotFound;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Everything the tracker holds about one candidate, built from the event store: their account's events, and every
 * event of their sessions and cohorts that names them, read back through the event serializer (so an erased person's
 * fields come out as placeholders, as everywhere). The read models only say which streams to read; the profile, its
 * history and the calibration are added as the candidate's pages show them. Format: docs/api.md#export.
 */
@Component
class CandidateExport {

    static final String FORMAT = "practice-tracker-candidate-export/1";

    private final EventStore events;
    private final JdbcClient jdbc;
    private final ProfileQueries profiles;

    CandidateExport(EventStore events, JdbcClient jdbc, ProfileQueries profiles) {
        this.events = events;
        this.jdbc = jdbc;
        this.profiles = profiles;
    }

    /** One recorded fact: the event's type without "Event", when it happened, the stream and place it has there. */
    record Fact(String type, Instant at, String stream, long sequence, Object event) {}

    Map<String, Object> of(String candidateId) {
        List<Fact> facts = facts(candidateId);
        if (facts.isEmpty()) {
            throw new NotFound("candidate", candidateId);
        }
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("format", FORMAT);
        export.put("exportedAt", Instant.now());
        export.put("candidateId", candidateId);
        export.put("account", account(facts));
        export.put("sessions", sessions(facts));
        LocalDate first = LocalDate.ofInstant(facts.get(0).at(), ZoneOffset.UTC);
        export.put("profile", profiles.profile(candidateId, Instant.now()));
        export.put("profileHistory", profiles.progress(candidateId, null, first, LocalDate.now(ZoneOffset.UTC)));
        export.put("calibration", profiles.calibration(candidateId));
        export.put("events", facts);
        return export;
    }

    private List<Fact> facts(String candidateId) {
        Set<String> streams = new LinkedHashSet<>();
        streams.add(candidateId);
        streams.addAll(jdbc.sql("SELECT DISTINCT cohort_id FROM qs_cohort_member WHERE candidate_id = :id")
                .param("id", candidateId)
                .query(String.class)
                .list());
        streams.addAll(jdbc.sql("SELECT session_id FROM qs_session WHERE candidate_id = :id")
                .param("id", candidateId)
                .query(String.class)
                .list());
        List<Fact> facts = new ArrayList<>();
        for (String stream : streams) {
            events.readEvents(stream).asStream().forEach(message -> {
                if (names(message.getPayload(), candidateId)) {
                    facts.add(fact(message));
                }
            });
        }
        facts.sort(Comparator.comparing(Fact::at).thenComparing(Fact::stream).thenComparingLong(Fact::sequence));
        return facts;
    }

    private static boolean names(Object payload, String candidateId) {
        if (payload instanceof CandidateEvent event) {
            return event.candidateId().value().equals(candidateId);
        }
        return payload instanceof AccountEvent event
                && event.accountId().value().equals(candidateId);
    }

    private static Fact fact(DomainEventMessage<?> message) {
        String type = message.getPayloadType().getSimpleName().replaceFirst("Event$", "");
        return new Fact(
                type,
                message.getTimestamp(),
                message.getAggregateIdentifier(),
                message.getSequenceNumber(),
                message.getPayload());
    }

    private static Map<String, Object> account(List<Fact> facts) {
        Map<String, Object> account = new LinkedHashMap<>();
        for (Fact fact : facts) {
            if (fact.event() instanceof AccountCreatedEvent created) {
                account.put("accountId", created.accountId());
                account.put("username", created.username());
                account.put("displayName", created.displayName());
                account.put("role", created.role());
                account.put("createdAt", created.createdAt());
                account.put("status", "active");
            } else if (fact.event() instanceof AccountRoleChangedEvent changed) {
                account.put("role", changed.role());
            } else if (fact.event() instanceof AccountEvent) {
                String status = switch (fact.type()) {
                    case "AccountLocked" -> "locked";
                    case "AccountUnlocked" -> "active";
                    case "AccountWithdrawn" -> "withdrawn";
                    case "PersonErased" -> "erased";
                    default -> null;
                };
                if (status != null) {
                    account.put("status", status);
                }
            }
        }
        return account;
    }

    /** Each session with its questions as asked, the answer to each, and every rating of it. */
    private static List<Map<String, Object>> sessions(List<Fact> facts) {
        Map<String, Map<String, Object>> sessions = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, Object>>> questions = new LinkedHashMap<>();
        for (Fact fact : facts) {
            Object event = fact.event();
            if (event instanceof SessionStartedEvent started) {
                Map<String, Object> session = new LinkedHashMap<>();
                session.put("sessionId", started.sessionId());
                session.put("cohortId", started.cohortId());
                session.put("mode", started.mode());
                session.put("startedAt", started.startedAt());
                session.put("status", "in progress");
                Map<String, Map<String, Object>> asked = new LinkedHashMap<>();
                started.questions().forEach(planned -> {
                    Map<String, Object> question = new LinkedHashMap<>();
                    question.put("questionId", planned.questionId());
                    question.put("theme", planned.theme());
                    question.put("difficulty", planned.difficulty());
                    question.put("prompt", planned.prompt());
                    question.put("ratings", new ArrayList<Map<String, Object>>());
                    asked.put(planned.questionId().value(), question);
                });
                session.put("questions", asked.values());
                sessions.put(started.sessionId().value(), session);
                questions.put(started.sessionId().value(), asked);
            } else if (event instanceof QuestionAnsweredEvent answered) {
                Map<String, Object> question = question(
                        questions,
                        answered.sessionId().value(),
                        answered.questionId().value());
                question.put("answer", answered.answer());
                question.put("timeSpentSeconds", answered.timeSpentSeconds());
                question.put("answeredAt", answered.answeredAt());
            } else if (event instanceof AnswerRatedEvent rated) {
                ratings(questions, rated.sessionId().value(), rated.questionId().value())
                        .add(rating(
                                rated.raterId().value(),
                                rated.raterRole(),
                                rated.scores(),
                                rated.comment(),
                                rated.ratedAt(),
                                false));
            } else if (event instanceof AnswerRatingRevisedEvent revised) {
                ratings(
                                questions,
                                revised.sessionId().value(),
                                revised.questionId().value())
                        .add(rating(
                                revised.raterId().value(),
                                revised.raterRole(),
                                revised.scores(),
                                revised.comment(),
                                revised.revisedAt(),
                                true));
            } else if (event instanceof SessionCompletedEvent completed) {
                end(sessions, completed.sessionId().value(), "completed", completed.completedAt(), null);
            } else if (event instanceof SessionAbandonedEvent abandoned) {
                end(sessions, abandoned.sessionId().value(), "abandoned", abandoned.abandonedAt(), abandoned.reason());
            } else if (event instanceof SessionExpiredEvent expired) {
                end(sessions, expired.sessionId().value(), "expired", expired.expiredAt(), null);
            }
        }
        return new ArrayList<>(sessions.values());
    }

    private static Map<String, Object> question(
            Map<String, Map<String, Map<String, Object>>> questions, String sessionId, String questionId) {
        return questions
                .computeIfAbsent(sessionId, id -> new LinkedHashMap<>())
                .computeIfAbsent(
                        questionId,
                        id -> new LinkedHashMap<>(
                                Map.of("questionId", questionId, "ratings", new ArrayList<Map<String, Object>>())));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> ratings(
            Map<String, Map<String, Map<String, Object>>> questions, String sessionId, String questionId) {
        return (List<Map<String, Object>>)
                question(questions, sessionId, questionId).get("ratings");
    }

    private static Map<String, Object> rating(
            String raterId, Object raterRole, Object scores, String comment, Instant at, boolean revision) {
        Map<String, Object> rating = new LinkedHashMap<>();
        rating.put("raterId", raterId);
        rating.put("raterRole", raterRole);
        rating.put("scores", scores);
        rating.put("comment", comment);
        rating.put(revision ? "revisedAt" : "ratedAt", at);
        return rating;
    }

    private static void end(
            Map<String, Map<String, Object>> sessions, String sessionId, String status, Instant at, String reason) {
        Map<String, Object> session = sessions.get(sessionId);
        if (session != null) {
            session.put("status", status);
            session.put("endedAt", at);
            if (reason != null) {
                session.put("endReason", reason);
            }
        }
    }
}
