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
    static final String COHORT = "bench-cohort";
    static final String COACH = "bench-coach";
    private static final String PASSWORD = "bench-candidate-password";

    final List<Candidate> candidates = new ArrayList<>();
    String coachToken;

    static Practice open(Api commands, int candidateCount) {
        String admin = login(commands, "admin", Service.ADMIN_PASSWORD);
        Practice practice = new Practice();
        account(commands, admin, COACH, "coach");
        commands.post("/api/cohorts", admin, """
                {"cohortId": "%s", "name": "Benchmark cohort", "coachId": "%s"}""".formatted(COHORT, COACH)).expectOk("creating the cohort");
        for (int i = 1; i <= candidateCount; i++) {
            String id = String.format("bench-c%02d", i);
            account(commands, admin, id, "candidate");
            commands.post("/api/cohorts/" + COHORT + "/enrolments", admin, """
                    {"candidateId": "%s"}""".formatted(id))
                    .expectOk("enrolling " + id);
            practice.candidates.add(new Candidate(id, login(commands, id, PASSWORD)));
        }
        practice.coachToken = login(commands, COACH, PASSWORD);
        return practice;
    }

    private static void account(Api commands, String admin, String id, String role) {
        commands.post("/api/accounts", admin, """
                {"accountId": "%s", "username": "%s", "displayName": "Benchmark %s", "role": "%s", "password": "%s"}""".formatted(id, id, id, role, PASSWORD))
                .expectOk("opening account " + id);
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
