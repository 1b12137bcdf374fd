package dev.practicetracker.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A realistic burst of use through the two services' HTTP APIs: the default admin opens accounts for two cohorts'
 * coaches and candidates, and each person then acts with their own token: coach-reviewed sessions answered and rated by
 * the candidate and (for most answers) the coach, peer sessions rated by a cohort-mate, revised ratings, self-practice
 * sessions that are completed, abandoned or left to expire, one enrolled candidate who never practises, commands the
 * service rejects, and the reads candidates and coaches make on the query side.
 */
final class Activity {

    /** The ids the dashboards' variables take, and what the query side should show once it has caught up. */
    record Done(String cohort, String coach, String candidate, int answersWaitingInCohort, String expiredSession) {}

    private static final List<String> COACHED_THEMES = List.of("databases", "git", "security");
    private static final List<String> SELF_THEMES = List.of("api-design", "system-design");

    private static final String PASSWORD = "monitoring-check-password";

    private final Http anonymousCommands;
    private final Http anonymousQueries;
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final Map<String, String> tokens = new HashMap<>();
    private final Http admin;
    private String expiredSessionCandidate;

    Activity(Http commands, Http queries) {
        this.anonymousCommands = commands;
        this.anonymousQueries = queries;
        String username = System.getenv().getOrDefault("TRACKER_ADMIN_USERNAME", "admin");
        String password = System.getenv().getOrDefault("TRACKER_ADMIN_PASSWORD", "local-admin-password");
        this.admin = commands.withToken(login(username, password));
    }

    private String login(String username, String password) {
        Http.Response response = anonymousCommands.post("/api/auth/token", """
                {"username": "%s", "password": "%s"}""".formatted(username, password));
        expect(200, response);
        return response.json().get("accessToken").asText();
    }

    /** Opens an account with this username, logs in as it, and returns the id the server chose for it. */
    private String openAccount(String username, String role) {
        Http.Response created = admin.post("/api/accounts", """
                {"username": "%s", "displayName": "%s", "role": "%s", "password": "%s"}""".formatted(username, username, role, PASSWORD));
        expect(201, created);
        String person = created.json().get("accountId").asText();
        tokens.put(person, login(username, PASSWORD));
        return person;
    }

    /** The command side as this person. */
    private Http commandsAs(String person) {
        return anonymousCommands.withToken(tokens.get(person));
    }

    /**
     * The query side as this person. It accepts a token once it has processed the account's creation, which lags the
     * command side by moments: a 401 right after the account was opened is retried for a while.
     */
    private Http.Response query(String person, String path) {
        Http queries = anonymousQueries.withToken(tokens.get(person));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Http.Response response = queries.get(path);
        while (response.status() == 401 && Instant.now().isBefore(deadline)) {
            ServiceProcess.sleep(200);
            response = queries.get(path);
        }
        return response;
    }

    Done drive() {
        String eveningCoach = openAccount("coach-ada-" + run, "coach");
        String morningCoach = openAccount("coach-max-" + run, "coach");
        List<String> eveningCandidates = candidates("ada", "bob", "cleo", "dan");
        List<String> morningCandidates = candidates("finn", "gus");
        String eve = openAccount("eve-" + run, "candidate");
        String evening = createCohort("Evening cohort", eveningCoach, eveningCandidates);
        enrol(evening, eve); // enrolled, never practises
        String morning = createCohort("Morning cohort", morningCoach, morningCandidates);

        String expired = null;
        List<String> everyone = new ArrayList<>(eveningCandidates);
        everyone.addAll(morningCandidates);
        for (int i = 0; i < everyone.size(); i++) {
            String candidate = everyone.get(i);
            boolean inEvening = i < eveningCandidates.size();
            String cohort = inEvening ? evening : morning;
            String coach = inEvening ? eveningCoach : morningCoach;
            List<String> mates = inEvening ? eveningCandidates : morningCandidates;
            String peer = mates.get((mates.indexOf(candidate) + 1) % mates.size());
            practiseWithCoach(candidate, cohort, coach, i);
            practiseWithPeer(candidate, cohort, peer, i);
            String left = practiseAlone(candidate, cohort, i);
            if (left != null) {
                expired = left;
                expiredSessionCandidate = candidate;
            }
        }
        sendRejectedCommands(everyone.get(0));
        readAsCandidatesAndCoaches(everyone, List.of(evening, morning), List.of(eveningCoach, morningCoach));
        return new Done(evening, eveningCoach, everyone.get(0), eveningCandidates.size(), expired);
    }

    /** Waits until the query side shows the burst: the review queue as expected and the left session expired. */
    void awaitQuerySide(Done done, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            JsonNode queue = query(done.coach(), "/api/coaches/" + done.coach() + "/review-queue")
                    .json();
            JsonNode session = query(expiredSessionCandidate, "/api/sessions/" + done.expiredSession())
                    .json();
            if (queue != null
                    && queue.path("totalItems").asInt() == done.answersWaitingInCohort()
                    && session != null
                    && "expired".equals(session.path("status").asText())) {
                return;
            }
            ServiceProcess.sleep(500);
        }
        throw new IllegalStateException("the query side did not show the activity within " + timeout);
    }

    private List<String> candidates(String... names) {
        List<String> ids = new ArrayList<>();
        for (String name : names) {
            ids.add(openAccount(name + "-" + run, "candidate"));
        }
        return ids;
    }

    private String createCohort(String name, String coach, List<String> candidates) {
        Http.Response created = admin.post("/api/cohorts", """
                {"name": "%s", "coachId": "%s"}""".formatted(name, coach));
        expect(201, created);
        String cohort = created.json().get("cohortId").asText();
        candidates.forEach(candidate -> enrol(cohort, candidate));
        return cohort;
    }

    private void enrol(String cohort, String candidate) {
        expect(201, admin.post("/api/cohorts/" + cohort + "/enrolments", """
                {"candidateId": "%s"}""".formatted(candidate)));
    }

    /** Three questions answered, each rated by the candidate, two of them by the coach; completed. */
    private void practiseWithCoach(String candidate, String cohort, String coach, int i) {
        JsonNode session = start(candidate, cohort, "coach", COACHED_THEMES, 3);
        String id = session.get("sessionId").asText();
        JsonNode questions = session.get("questions");
        for (int q = 0; q < questions.size(); q++) {
            String question = questions.get(q).get("questionId").asText();
            answer(candidate, id, question, 60 + 30 * q);
            rate(id, question, candidate, "self", 2 + (i + q) % 4);
            if (q < 2) {
                rate(id, question, coach, "coach", 2 + (i + q) % 3);
            }
        }
        String first = questions.get(0).get("questionId").asText();
        expect(
                202,
                commandsAs(candidate)
                        .put("/api/sessions/" + id + "/answers/" + first + "/ratings/" + candidate, """
                {"raterRole": "self", "scores": %s, "comment": "Reread it a day later."}""".formatted(
                                        scores(3))));
        expect(202, commandsAs(candidate).post("/api/sessions/" + id + "/complete", ""));
    }

    /** A peer session in the cohort: one answer rated by the candidate and by a cohort-mate (as peer); completed. */
    private void practiseWithPeer(String candidate, String cohort, String peer, int i) {
        JsonNode session = start(candidate, cohort, "peer", COACHED_THEMES, 1);
        String id = session.get("sessionId").asText();
        String question = session.get("questions").get(0).get("questionId").asText();
        answer(candidate, id, question, 90);
        rate(id, question, candidate, "self", 2 + i % 4);
        rate(id, question, peer, "peer", 1 + (i + 2) % 5);
        expect(202, commandsAs(candidate).post("/api/sessions/" + id + "/complete", ""));
    }

    /** One question answered and self-rated; then completed, abandoned, or left to expire. Returns a left session. */
    private String practiseAlone(String candidate, String cohort, int i) {
        JsonNode session = start(candidate, cohort, "self", SELF_THEMES, 2);
        String id = session.get("sessionId").asText();
        String question = session.get("questions").get(0).get("questionId").asText();
        answer(candidate, id, question, 300);
        rate(id, question, candidate, "self", 1 + i % 5);
        switch (i % 3) {
            case 0 -> expect(202, commandsAs(candidate).post("/api/sessions/" + id + "/abandon", """
                    {"reason": "Out of time today."}"""));
            case 1 -> expect(202, commandsAs(candidate).post("/api/sessions/" + id + "/complete", ""));
            default -> {
                return id;
            }
        }
        return null;
    }

    /**
     * Invalid input (400), a broken rule (422), an unknown session (404), a candidate posing as a coach (403), and
     * a command without a token (401).
     */
    private void sendRejectedCommands(String candidate) {
        Http commands = commandsAs(candidate);
        expect(401, anonymousCommands.post("/api/sessions/no-such-session-" + run + "/complete", ""));
        expect(400, commands.post("/api/sessions", """
                {"candidateId": "%s", "themes": ["no-such-theme"], "questionCount": 2}""".formatted(candidate)));
        expect(404, commands.post("/api/sessions/no-such-session-" + run + "/complete", ""));
        JsonNode session = start(candidate, null, "self", List.of("debugging"), 1);
        String id = session.get("sessionId").asText();
        String question = session.get("questions").get(0).get("questionId").asText();
        answer(candidate, id, question, 120);
        expect(422, commands.post("/api/sessions/" + id + "/answers", """
                {"questionId": "%s", "answer": "Again.", "timeSpentSeconds": 10}""".formatted(question)));
        expect(403, commands.post("/api/sessions/" + id + "/answers/" + question + "/ratings", """
                {"raterId": "%s", "raterRole": "coach", "scores": %s}""".formatted(
                        candidate, scores(5))));
        expect(202, commands.post("/api/sessions/" + id + "/complete", ""));
    }

    private void readAsCandidatesAndCoaches(List<String> candidates, List<String> cohorts, List<String> coaches) {
        for (String candidate : candidates) {
            for (String path : List.of("/profile", "/progress", "/next", "/calibration", "/sessions")) {
                query(candidate, "/api/candidates/" + candidate + path);
            }
        }
        for (int c = 0; c < cohorts.size(); c++) {
            query(coaches.get(c), "/api/cohorts/" + cohorts.get(c) + "/overview");
        }
        for (String coach : coaches) {
            query(coach, "/api/coaches/" + coach + "/review-queue");
            query(coach, "/api/coaches/" + coach + "/cohorts");
        }
        String someone = candidates.get(0);
        query(someone, "/api/themes");
        query(someone, "/api/questions?theme=databases");
        query(someone, "/api/candidates/nobody-" + run + "/profile");
    }

    private JsonNode start(String candidate, String cohort, String mode, List<String> themes, int count) {
        String cohortField = cohort == null ? "" : "\"cohortId\": \"" + cohort + "\", ";
        Http.Response response = commandsAs(candidate)
                .post("/api/sessions", """
                {"candidateId": "%s", %s"mode": "%s", "themes": [%s], "questionCount": %d}""".formatted(candidate, cohortField, mode, quoted(themes), count));
        expect(201, response);
        return response.json();
    }

    private void answer(String candidate, String session, String question, int seconds) {
        expect(201, commandsAs(candidate).post("/api/sessions/" + session + "/answers", """
                {"questionId": "%s", "answer": "I would start from what the user sees, then the trade-offs.",
                 "timeSpentSeconds": %d}""".formatted(
                        question, seconds)));
    }

    private void rate(String session, String question, String rater, String role, int score) {
        expect(
                201,
                commandsAs(rater).post("/api/sessions/" + session + "/answers/" + question + "/ratings", """
                {"raterId": "%s", "raterRole": "%s", "scores": %s}""".formatted(
                                rater, role, scores(score))));
    }

    private static String scores(int score) {
        int other = Math.max(1, score - 1);
        return """
                {"clarity": %d, "reasoning": %d, "technical-depth": %d, "structure": %d, "impact": %d}""".formatted(score, other, score, score, other);
    }

    private static String quoted(List<String> values) {
        return String.join(
                ", ", values.stream().map(value -> "\"" + value + "\"").toList());
    }

    private static void expect(int status, Http.Response response) {
        if (response.status() != status) {
            throw new IllegalStateException(
                    "expected HTTP " + status + ", got " + response.status() + ": " + response.text());
        }
    }
}
