package dev.practicetracker.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The people of a benchmark run on one deployment: one candidate per connection (so no two connections ever change the
 * same session at once), a coach, and a cohort with every candidate enrolled; and the questions each candidate's
 * sessions hold, waiting to be answered and then rated.
 */
final class Practice {

    static final String THEMES =
            "[\"databases\", \"git\", \"security\", \"debugging\", \"api-design\", \"system-design\", \"tradeoffs\","
                    + " \"fundamentals\"]";
    static final String COACH = "bench-coach";
    private static final String PASSWORD = "bench-candidate-password";

    final List<Candidate> candidates = new ArrayList<>();
    String coachToken;
    /** The ids the server chose for the coach and the cohort. */
    String coachId;

    String cohortId;

    static Practice open(Api commands, int candidateCount) {
        String admin = login(commands, "admin", Service.ADMIN_PASSWORD);
        Practice practice = new Practice();
        practice.coachId = account(commands, admin, COACH, "coach");
        practice.cohortId = commands.post("/api/cohorts", admin, """
                {"name": "Benchmark cohort", "coachId": "%s"}""".formatted(practice.coachId))
                .expectOk("creating the cohort")
                .body()
                .get("cohortId")
                .asText();
        for (int i = 1; i <= candidateCount; i++) {
            String username = String.format("bench-c%02d", i);
            String id = account(commands, admin, username, "candidate");
            commands.post("/api/cohorts/" + practice.cohortId + "/enrolments", admin, """
                    {"candidateId": "%s"}""".formatted(id))
                    .expectOk("enrolling " + username);
            practice.candidates.add(new Candidate(id, login(commands, username, PASSWORD)));
        }
        practice.coachToken = login(commands, COACH, PASSWORD);
        return practice;
    }

    /** Opens the account; answers the id the server chose for it. */
    private static String account(Api commands, String admin, String username, String role) {
        return commands.post("/api/accounts", admin, """
                {"username": "%s", "displayName": "Benchmark %s", "role": "%s", "password": "%s"}""".formatted(username, username, role, PASSWORD))
                .expectOk("opening account " + username)
                .body()
                .get("accountId")
                .asText();
    }

    private static String login(Api commands, String username, String password) {
        return commands.post("/api/auth/token", null, """
                {"username": "%s", "password": "%s"}""".formatted(username, password))
                .expectOk("logging in " + username)
                .body()
                .get("accessToken")
                .asText();
    }

    /** Every question not yet answered, taken round-robin over the candidates. */
    Deque<Question> takeUnansweredRoundRobin() {
        Deque<Question> all = new ArrayDeque<>();
        boolean any = true;
        while (any) {
            any = false;
            for (Candidate candidate : candidates) {
                Question next = candidate.unanswered.pollFirst();
                if (next != null) {
                    all.add(next);
                    any = true;
                }
            }
        }
        return all;
    }

    record Question(Candidate candidate, String session, String question) {}

    static final class Candidate {
        final String id;
        final String token;
        final Deque<Question> unanswered = new ArrayDeque<>();
        final Deque<Question> answered = new ArrayDeque<>();

        Candidate(String id, String token) {
            this.id = id;
            this.token = token;
        }

        /** Keeps the questions of a session it started, to answer later. */
        void started(JsonNode session) {
            String sessionId = session.get("sessionId").asText();
            List<Question> questions = new ArrayList<>();
            for (JsonNode question : session.get("questions")) {
                questions.add(
                        new Question(this, sessionId, question.get("questionId").asText()));
            }
            synchronized (this) {
                unanswered.addAll(questions);
            }
        }
    }
}
