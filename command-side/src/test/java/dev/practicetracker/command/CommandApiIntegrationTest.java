package dev.practicetracker.command;

import static dev.practicetracker.command.CommandApi.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.practicetracker.database.FreshTestDatabase;
import dev.practicetracker.events.session.AnswerRatedEvent;
import dev.practicetracker.events.session.QuestionAnsweredEvent;
import dev.practicetracker.events.session.SessionCompletedEvent;
import dev.practicetracker.events.session.SessionStartedEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * The command side as a client sees it, over HTTP on a database of its own: what is accepted lands in the event store
 * as readable JSON; what is rejected says why and writes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
@ContextConfiguration(initializers = FreshTestDatabase.class)
class CommandApiIntegrationTest {

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private JdbcTemplate jdbc;

    private CommandApi admin;
    private CommandApi api;
    private String candidate;
    private String session;
    private String answered;
    private String unanswered;

    @BeforeEach
    void aSessionWithOneOfItsTwoQuestionsAnswered() {
        admin = new CommandApi(http, jdbc);
        api = admin.newCandidate("cand-" + UUID.randomUUID());
        candidate = api.accountId();
        JsonNode started = api.startSession(candidate, "databases", 2);
        session = started.get("sessionId").asText();
        List<String> questions = CommandApi.questionIds(started);
        answered = questions.get(0);
        unanswered = questions.get(1);
        assertThat(api.answer(session, answered).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void aWholeSessionOverHttpIsStoredAsReadableJsonEventsInOrder() throws Exception {
        ResponseEntity<String> start = api.post(
                "/api/sessions", Map.of("candidateId", candidate, "themes", List.of("databases"), "questionCount", 3));
        assertThat(start.getStatusCode().value()).isEqualTo(201);
        JsonNode started = read(start.getBody());
        String sessionId = started.get("sessionId").asText();
        assertThat(start.getHeaders().getLocation()).hasToString("/api/sessions/" + sessionId);
        assertThat(started.get("questions")).hasSize(3);
        started.get("questions")
                .forEach(q -> assertThat(q.get("theme").asText()).isEqualTo("databases"));
        String question = started.get("questions").get(0).get("questionId").asText();

        assertThat(api.answer(sessionId, question).getStatusCode().value()).isEqualTo(201);
        assertThat(api.rate(sessionId, question, candidate, "self")
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        ResponseEntity<String> complete = api.post("/api/sessions/" + sessionId + "/complete", "");
        assertThat(complete.getStatusCode().value()).isEqualTo(202);

        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT global_index, sequence_number, type, payload_type, payload_revision,
                       convert_from(payload, 'UTF8') AS payload, convert_from(meta_data, 'UTF8') AS meta_data
                  FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number
                """, sessionId);
        assertThat(rows)
                .extracting(row -> row.get("payload_type"))
                .containsExactly(
                        SessionStartedEvent.class.getName(),
                        QuestionAnsweredEvent.class.getName(),
                        AnswerRatedEvent.class.getName(),
                        SessionCompletedEvent.class.getName());
        assertThat(rows)
                .extracting(row -> ((Number) row.get("sequence_number")).longValue())
                .containsExactly(0L, 1L, 2L, 3L);
        assertThat(rows).extracting(row -> row.get("type")).containsOnly("PracticeSession");
        assertThat(rows).extracting(row -> row.get("payload_revision")).containsOnly("1");
        assertThat(rows)
                .extracting(row -> ((Number) row.get("global_index")).longValue())
                .isSorted()
                .doesNotHaveDuplicates();
        rows.forEach(row ->
                assertThat(read((String) row.get("meta_data")).isObject()).isTrue());

        JsonNode startedEvent = read((String) rows.get(0).get("payload"));
        assertThat(startedEvent.get("sessionId").asText()).isEqualTo(sessionId);
        assertThat(startedEvent.get("candidateId").asText()).isEqualTo(candidate);
        assertThat(startedEvent.get("questions")).hasSize(3);
        startedEvent
                .get("questions")
                .forEach(q -> assertThat(q.get("theme").asText()).isEqualTo("databases"));

        JsonNode answeredEvent = read((String) rows.get(1).get("payload"));
        assertThat(answeredEvent.get("questionId").asText()).isEqualTo(question);
        assertThat(answeredEvent.get("theme").asText()).isEqualTo("databases");
        assertThat(answeredEvent.get("timeSpentSeconds").asInt()).isEqualTo(90);

        JsonNode ratedEvent = read((String) rows.get(2).get("payload"));
        assertThat(ratedEvent.get("raterRole").asText()).isEqualTo("self");
        Map<String, Integer> scores = new HashMap<>();
        ratedEvent
                .get("scores")
                .fields()
                .forEachRemaining(e -> scores.put(e.getKey(), e.getValue().asInt()));
        assertThat(scores)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("clarity", 4, "reasoning", 3, "technicalDepth", 2, "structure", 4, "impact", 3));

        JsonNode completedEvent = read((String) rows.get(3).get("payload"));
        assertThat(completedEvent.get("sessionId").asText()).isEqualTo(sessionId);
    }

    @Test
    void eventsAndSnapshotsAreStoredInByteaColumnsAndNeverAsLargeObjects() {
        List<Map<String, Object>> columns = jdbc.queryForList("""
                SELECT table_name, column_name, data_type FROM information_schema.columns
                 WHERE table_name IN ('domain_event_entry', 'snapshot_event_entry')
                   AND column_name IN ('payload', 'meta_data')
                """);
        assertThat(columns).hasSize(4);
        assertThat(columns).extracting(column -> column.get("data_type")).containsOnly("bytea");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_largeobject_metadata", Long.class))
                .isZero();
    }

    @Test
    void aBodyThatIsNotJsonIsRejectedNamingTheBody() {
        assertRejectedWithoutWriting(
                () -> api.post("/api/sessions/" + session + "/answers", "{\"questionId\": "), 400, "body");
    }

    @Test
    void anAnswerWithoutItsTextIsRejectedNamingTheMissingField() {
        assertRejectedWithoutWriting(
                () -> api.post(
                        "/api/sessions/" + session + "/answers",
                        Map.of("questionId", unanswered, "timeSpentSeconds", 30)),
                400,
                "answer");
        JsonNode problem = read(api.post(
                        "/api/sessions/" + session + "/answers",
                        Map.of("questionId", unanswered, "timeSpentSeconds", 30))
                .getBody());
        // Said as a person reads it: what they left out, not what a program got.
        assertThat(problem.get("errors").get(0).get("message").asText()).isEqualTo("is required");
        assertThat(problem.toString()).doesNotContainIgnoringCase("must not be null");
    }

    @Test
    void aTimeSpentGivenAsWordsIsRefusedAsTheWrongTypeNamingTheField() {
        assertWrongTypeWithoutWriting(
                () -> api.post(
                        "/api/sessions/" + session + "/answers",
                        Map.of("questionId", unanswered, "answer", "text", "timeSpentSeconds", "ninety")),
                "timeSpentSeconds");
    }

    @Test
    void aFractionalScoreIsRefusedRatherThanRoundedDown() {
        Map<String, Object> scores = new HashMap<>(CommandApi.GOOD_SCORES);
        scores.put("clarity", 3.5);
        assertWrongTypeWithoutWriting(
                () -> api.post(
                        "/api/sessions/" + session + "/answers/" + answered + "/ratings", Map.of("scores", scores)),
                "scores.clarity");
    }

    @Test
    void aScoreSentAsTextIsRefusedRatherThanReadAsANumber() {
        Map<String, Object> scores = new HashMap<>(CommandApi.GOOD_SCORES);
        scores.put("clarity", "4");
        assertWrongTypeWithoutWriting(
                () -> api.post(
                        "/api/sessions/" + session + "/answers/" + answered + "/ratings", Map.of("scores", scores)),
                "scores.clarity");
    }

    @Test
    void aNumberSentAsTheAnswerIsRefusedRatherThanReadAsText() {
        assertWrongTypeWithoutWriting(
                () -> api.post(
                        "/api/sessions/" + session + "/answers",
                        Map.of("questionId", unanswered, "answer", 42, "timeSpentSeconds", 30)),
                "answer");
    }

    @Test
    void aFractionOfASecondIsRefusedRatherThanCutOff() {
        assertWrongTypeWithoutWriting(
                () -> api.post(
                        "/api/sessions/" + session + "/answers",
                        Map.of("questionId", unanswered, "answer", "text", "timeSpentSeconds", 1.9)),
                "timeSpentSeconds");
    }

    @Test
    void aFieldTheApiDoesNotKnowIsRejectedNamingIt() {
        assertRejectedWithoutWriting(
                () -> api.post(
                        "/api/sessions/" + session + "/answers",
                        Map.of("questionId", unanswered, "answer", "text", "timeSpentSeconds", 30, "mood", "good")),
                400,
                "mood");
    }

    @Test
    void aThemeThatDoesNotExistIsRejectedNamingTheField() {
        assertRejectedWithoutWriting(
                () -> api.post(
                        "/api/sessions",
                        Map.of("candidateId", candidate, "themes", List.of("cooking"), "questionCount", 2)),
                400,
                "themes[0]");
    }

    @Test
    void aBodyThatIsNotJsonIsAnsweredWithAProblemOfTheSameConvention() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_PLAIN);
        headers.setBearerAuth(api.token());
        long before = api.eventCount();

        ResponseEntity<String> response = http.exchange(
                "/api/sessions/" + session + "/answers",
                HttpMethod.POST,
                new HttpEntity<>("an answer as plain text", headers),
                String.class);

        assertProblem(response, 415);
        assertThat(read(response.getBody()).get("type").asText()).isEqualTo("/problems/unsupported-media-type");
        assertThat(api.eventCount()).isEqualTo(before);
    }

    @Test
    void aScoreAboveFiveIsRejectedNamingTheCriterion() {
        Map<String, Integer> scores = new HashMap<>(CommandApi.GOOD_SCORES);
        scores.put("clarity", 6);
        assertRejectedWithoutWriting(
                () -> api.post(
                        "/api/sessions/" + session + "/answers/" + answered + "/ratings",
                        Map.of("raterId", candidate, "raterRole", "self", "scores", scores)),
                400,
                "scores.clarity");
    }

    @Test
    void aCriterionOutsideTheRubricIsRejectedNamingIt() {
        Map<String, Integer> scores = new HashMap<>(CommandApi.GOOD_SCORES);
        scores.put("charisma", 3);
        assertRejectedWithoutWriting(
                () -> api.post(
                        "/api/sessions/" + session + "/answers/" + answered + "/ratings",
                        Map.of("raterId", candidate, "raterRole", "self", "scores", scores)),
                400,
                "scores.charisma");
    }

    @Test
    void answeringTheSameQuestionTwiceBreaksTheAlreadyAnsweredRule() {
        assertRuleBrokenWithoutWriting(() -> api.answer(session, answered), "already-answered");
    }

    @Test
    void ratingAQuestionNotYetAnsweredBreaksTheNotAnsweredRule() {
        assertRuleBrokenWithoutWriting(() -> api.rate(session, unanswered, candidate, "self"), "not-answered");
    }

    @Test
    void aCandidateClaimingTheCoachRoleForTheirOwnAnswerIsForbiddenWithoutWriting() {
        long before = api.eventCount();

        ResponseEntity<String> response = api.rate(session, answered, candidate, "coach");

        assertProblem(response, 403);
        assertThat(api.eventCount()).isEqualTo(before);
    }

    @Test
    void expectedRefusalsLogNoStackTrace(CapturedOutput output) {
        assertProblem(api.answer("no-such-session", answered), 404);
        assertProblem(api.post("/api/sessions", Map.of("themes", List.of("databases"), "questionCount", 0)), 422);
        assertProblem(
                api.post(
                        "/api/sessions",
                        Map.of("sessionId", session, "themes", List.of("databases"), "questionCount", 1)),
                400);

        assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain("no-such-session");
    }

    @Test
    void answeringInASessionThatDoesNotExistIsNotFound() {
        long before = api.eventCount();

        ResponseEntity<String> response = api.answer("no-such-session", answered);

        assertProblem(response, 404);
        assertThat(read(response.getBody()).get("detail").asText()).isEqualTo("there is no session no-such-session");
        assertThat(api.eventCount()).isEqualTo(before);
    }

    @Test
    void aSessionCommandSentToACohortsIdIsNotFoundRatherThanAFailure() {
        String coach = admin.newCoach("coach-" + UUID.randomUUID()).accountId();
        String cohort = admin.newCohort("Spring cohort", coach);
        long before = api.eventCount();

        ResponseEntity<String> response = api.post("/api/sessions/" + cohort + "/complete", null);

        assertProblem(response, 404);
        assertThat(read(response.getBody()).get("detail").asText()).isEqualTo("there is no session " + cohort);
        assertThat(read(response.getBody()).get("type").asText()).isEqualTo("/problems/not-found");
        assertThat(api.eventCount()).isEqualTo(before);
    }

    @Test
    void creatingACohortTwiceGivesTwoCohortsWithIdsOfTheServersChoosing() {
        String coach = admin.newCoach("coach-" + UUID.randomUUID()).accountId();
        String cohort = admin.newCohort("Spring cohort", coach);
        long before = api.eventCount();

        String again = admin.newCohort("Spring cohort", coach);

        assertThat(again).isNotEqualTo(cohort);
        assertThat(api.eventCount()).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, cohort))
                .isEqualTo(1);
    }

    @Test
    void theOpenApiDescriptionIsServedAndListsTheSessionEndpoints() {
        ResponseEntity<String> response = api.get("/api-docs");

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        JsonNode paths = read(response.getBody()).get("paths");
        assertThat(paths.has("/api/sessions")).isTrue();
        assertThat(paths.has("/api/sessions/{sessionId}/answers")).isTrue();
    }

    @Test
    void healthAndReadinessReportUp() {
        ResponseEntity<String> health = api.get("/actuator/health");
        ResponseEntity<String> readiness = api.get("/actuator/health/readiness");

        assertThat(health.getStatusCode().value()).isEqualTo(200);
        assertThat(read(health.getBody()).get("status").asText()).isEqualTo("UP");
        assertThat(readiness.getStatusCode().value()).isEqualTo(200);
        assertThat(read(readiness.getBody()).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void aRevisionOfARatingThatWasNeverGivenIsRejectedWithoutWriting() {
        long before = api.eventCount();

        ResponseEntity<String> response = api.put(
                "/api/sessions/" + session + "/answers/" + answered + "/ratings/" + candidate,
                Map.of("raterRole", "self", "scores", CommandApi.GOOD_SCORES));

        assertProblem(response, 422);
        assertThat(read(response.getBody()).get("rule").asText()).isEqualTo("not-rated-yet");
        assertThat(api.eventCount()).isEqualTo(before);
    }

    private void assertRejectedWithoutWriting(Supplier<ResponseEntity<String>> request, int status, String field) {
        long before = api.eventCount();

        ResponseEntity<String> response = request.get();

        assertProblem(response, status);
        JsonNode problem = read(response.getBody());
        assertThat(problem.get("errors")).as(response.getBody()).isNotNull();
        assertThat(problem.get("errors").get(0).get("field").asText())
                .as(response.getBody())
                .isEqualTo(field);
        assertThat(api.eventCount()).isEqualTo(before);
    }

    private void assertWrongTypeWithoutWriting(Supplier<ResponseEntity<String>> request, String field) {
        assertRejectedWithoutWriting(request, 422, field);
        ResponseEntity<String> again = request.get();
        assertThat(read(again.getBody()).get("type").asText()).isEqualTo("/problems/wrong-type");
    }

    private void assertRuleBrokenWithoutWriting(Supplier<ResponseEntity<String>> request, String rule) {
        long before = api.eventCount();

        ResponseEntity<String> response = request.get();

        assertProblem(response, 422);
        assertThat(read(response.getBody()).get("rule").asText())
                .as(response.getBody())
                .isEqualTo(rule);
        assertThat(api.eventCount()).isEqualTo(before);
    }

    private static void assertProblem(ResponseEntity<String> response, int status) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType())
                .as(response.getBody())
                .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                        .isTrue());
    }
}
