package dev.practicetracker.query.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.practicetracker.events.account.AccountCreatedEvent;
import dev.practicetracker.events.account.AccountWithdrawnEvent;
import dev.practicetracker.events.account.PersonErasedEvent;
import dev.practicetracker.events.cohort.CandidateEnrolledEvent;
import dev.practicetracker.events.cohort.CohortCreatedEvent;
import dev.practicetracker.events.question.QuestionAddedEvent;
import dev.practicetracker.events.session.AnswerRatedEvent;
import dev.practicetracker.events.session.PlannedQuestion;
import dev.practicetracker.events.session.QuestionAnsweredEvent;
import dev.practicetracker.events.session.SessionAbandonedEvent;
import dev.practicetracker.events.session.SessionCompletedEvent;
import dev.practicetracker.events.session.SessionStartedEvent;
import dev.practicetracker.eventstore.personal.PersonKeys;
import dev.practicetracker.query.ReadSideIntegrationTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Erasure by crypto-shredding, end to end on the read side: once a withdrawn candidate's key is deleted with the
 * erasure event (as the command side does), nothing of them is found in any read-model table, API answer or CSV,
 * before and after a full rebuild, while the events stay as they were and another candidate is untouched.
 */
class ErasureIntegrationTest extends ReadSideIntegrationTest {

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final CohortId cohort = CohortId.of("cohort-" + tag);
    private final CoachId coach = CoachId.of("coach-" + tag);
    private final Instant start = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    private PersonKeys keys;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private record Person(
            CandidateId id,
            SessionId session,
            String username,
            String name,
            String answer,
            String comment,
            String reason) {

        List<String> traces() {
            return List.of(username, name, answer, comment, reason);
        }
    }

    @Test
    void afterAnErasureNothingOfThePersonIsReadAnywhereBeforeOrAfterARebuild() {
        QuestionId question = QuestionId.of("q-" + tag);
        append(
                new QuestionAddedEvent(
                        question,
                        Theme.DATABASES,
                        Difficulty.INTERMEDIATE,
                        "Index a table?",
                        "Says why.",
                        "test",
                        start),
                new CohortCreatedEvent(cohort, "Cohort " + tag, coach, start));
        asCoach(coach);
        Person zora = person("zora", "Zora Quillfeather");
        Person otto = person("otto", "Otto Keepsake");
        practise(zora, question);
        practise(otto, question);
        // Still a member of the cohort, so that the coach's pages show them, before and after.
        appendAndWait(new AccountWithdrawnEvent(
                PersonId.of(zora.id().value()), zora.reason(), PersonId.of(ADMIN), start.plusSeconds(9000)));
        List<String> everyTrace = zora.traces();
        assertThat(tracesInReadModels(everyTrace))
                .as("the scan finds what is there")
                .isNotEmpty();
        // The live stream is scanned as well; it carries levels, not names or texts, so it has nothing to find here.
        assertThat(tracesInAnswers(zora, everyTrace))
                .as("the API scan finds what is there")
                .isNotEmpty();
        String cohortBefore = cohortFigures();
        long eventsBefore = eventCount();
        String storedBefore = storedEventsDigest();

        keys.erase(zora.id().value(), Instant.now());
        appendAndWait(new PersonErasedEvent(
                PersonId.of(zora.id().value()), "asked to be forgotten", PersonId.of(ADMIN), Instant.now()));

        assertThat(tracesInReadModels(everyTrace)).isEmpty();
        assertThat(tracesInAnswers(zora, everyTrace)).isEmpty();
        assertThat(tracesFound(tracesInReadModels(otto.traces()))).containsExactlyInAnyOrderElementsOf(otto.traces());
        assertThat(cohortFigures()).isEqualTo(cohortBefore);
        assertThat(eventCount()).isEqualTo(eventsBefore + 1);
        assertThat(storedEventsDigest()).isEqualTo(storedBefore);
        assertThat(tracesInStoredEvents(everyTrace)).isEmpty();
        assertThat(asAdmin()
                        .getForObject("/api/admin/accounts/" + zora.id() + "/history", JsonNode.class)
                        .at("/account/displayName")
                        .asText())
                .isEqualTo("erased person");

        rebuild();

        assertThat(tracesInReadModels(everyTrace)).isEmpty();
        assertThat(tracesInAnswers(zora, everyTrace)).isEmpty();
        assertThat(tracesFound(tracesInReadModels(otto.traces()))).containsExactlyInAnyOrderElementsOf(otto.traces());
        assertThat(cohortFigures()).isEqualTo(cohortBefore);
        assertThat(eventCount()).isEqualTo(eventsBefore + 1);
    }

    private Person person(String who, String name) {
        Person person = new Person(
                CandidateId.of(who + "-" + tag),
                SessionId.of("s-" + who + "-" + tag),
                who + "-user-" + tag,
                name + " " + tag,
                who + "-answer-" + tag + " with a B-tree index",
                who + "-comment-" + tag,
                who + "-reason-" + tag);
        appendAndWait(
                new AccountCreatedEvent(
                        PersonId.of(person.id().value()),
                        person.username(),
                        person.name(),
                        Role.CANDIDATE,
                        PersonId.of(ADMIN),
                        start),
                new CandidateEnrolledEvent(cohort, person.id(), start));
        return person;
    }

    private void practise(Person person, QuestionId question) {
        PlannedQuestion planned =
                new PlannedQuestion(question, Theme.DATABASES, Difficulty.INTERMEDIATE, "Index a table?");
        SessionId second = SessionId.of(person.session().value() + "-2");
        appendAndWait(
                new SessionStartedEvent(
                        person.session(),
                        person.id(),
                        cohort,
                        ReviewMode.COACH,
                        List.of(planned),
                        7200,
                        start.plusSeconds(3600)),
                new QuestionAnsweredEvent(
                        person.session(),
                        person.id(),
                        cohort,
                        question,
                        Theme.DATABASES,
                        person.answer(),
                        300,
                        start.plusSeconds(3900)),
                new AnswerRatedEvent(
                        person.session(),
                        person.id(),
                        cohort,
                        question,
                        Theme.DATABASES,
                        PersonId.of(coach.value()),
                        RaterRole.COACH,
                        new RubricScores(4, 3, 4, 3, 2),
                        person.comment(),
                        start.plusSeconds(4000)),
                new SessionCompletedEvent(person.session(), person.id(), cohort, 1, 1, start.plusSeconds(4100)),
                new SessionStartedEvent(
                        second, person.id(), cohort, ReviewMode.SELF, List.of(planned), 7200, start.plusSeconds(5000)),
                new SessionAbandonedEvent(second, person.id(), cohort, 0, person.reason(), start.plusSeconds(5100)));
    }

    /** Every text column of every table of the read side's schema, searched for each trace: "table.column: trace". */
    private List<String> tracesInReadModels(List<String> traces) {
        List<Map<String, Object>> columns = jdbc.queryForList("""
                SELECT c.table_name, c.column_name
                  FROM information_schema.columns c
                  JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                 WHERE c.table_schema = current_schema()
                   AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')
                """);
        assertThat(columns).extracting(row -> row.get("table_name")).contains("qs_accounts", "qs_answer", "qs_rating");
        List<String> found = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            for (String trace : traces) {
                Long hits = jdbc.queryForObject(
                        "SELECT count(*) FROM \"" + column.get("table_name") + "\" WHERE \"" + column.get("column_name")
                                + "\"::text ILIKE ?",
                        Long.class,
                        "%" + trace + "%");
                if (hits != null && hits > 0) {
                    found.add(column.get("table_name") + "." + column.get("column_name") + ": " + trace);
                }
            }
        }
        return found;
    }

    /** Which traces a scan found, wherever it found them. */
    private static List<String> tracesFound(List<String> found) {
        return found.stream()
                .map(hit -> hit.substring(hit.indexOf(": ") + 2))
                .distinct()
                .toList();
    }

    /** The events' payloads as stored: the personal fields were sealed from the start. */
    private List<String> tracesInStoredEvents(List<String> traces) {
        return traces.stream()
                .filter(trace -> {
                    Long hits = jdbc.queryForObject(
                            "SELECT count(*) FROM domain_event_entry WHERE convert_from(payload, 'UTF8') ILIKE ?",
                            Long.class,
                            "%" + trace + "%");
                    return hits != null && hits > 0;
                })
                .toList();
    }

    /**
     * What a user of the API sees that names the candidate: every read route the query side serves (found from its
     * mappings, so a route added later is scanned without being listed here), its path filled for this candidate, read
     * as the admin or, where only a coach may, as the cohort's coach; a live stream's first event; and the metrics.
     */
    private List<String> tracesInAnswers(Person person, List<String> traces) {
        Map<String, String> values = Map.of(
                "candidateId", person.id().value(),
                "accountId", person.id().value(),
                "sessionId", person.session().value(),
                "cohortId", cohort.value(),
                "coachId", coach.value(),
                "questionId", "q-" + tag);
        List<String> found = new ArrayList<>();
        List<String> scanned = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> route :
                mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = route.getKey();
            if (!info.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
                continue;
            }
            boolean stream =
                    info.getProducesCondition().getProducibleMediaTypes().contains(MediaType.TEXT_EVENT_STREAM);
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/") && !pattern.equals("/actuator/prometheus")) {
                    continue;
                }
                String path = pattern;
                for (Map.Entry<String, String> value : values.entrySet()) {
                    path = path.replace("{" + value.getKey() + "}", value.getValue());
                }
                assertThat(path)
                        .as("every path variable of " + pattern + " filled")
                        .doesNotContain("{");
                String body = stream ? firstStreamEvent(path) : read(path);
                scanned.add(pattern);
                for (String trace : traces) {
                    if (body.contains(trace)) {
                        found.add(path + ": " + trace);
                    }
                }
            }
        }
        assertThat(scanned)
                .as("the read routes scanned")
                .hasSizeGreaterThan(20)
                .contains("/api/candidates/{candidateId}/profile/stream");
        return found;
    }

    /** The answer as the admin reads it, or as the cohort's coach where only a coach may. */
    private String read(String path) {
        ResponseEntity<String> answer = asAdmin().getForEntity(path, String.class);
        if (answer.getStatusCode() == HttpStatus.FORBIDDEN) {
            answer = asCoach(coach).getForEntity(path, String.class);
        }
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return answer.getBody() == null ? "" : answer.getBody();
    }

    /** A live stream's first event (the current state, sent at once), read as the cohort's coach. */
    private String firstStreamEvent(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(http.getRootUri() + path))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token(coach.value(), Role.COACH))
                .timeout(Duration.ofSeconds(20))
                .build();
        try {
            HttpResponse<InputStream> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                StringBuilder event = new StringBuilder();
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.isEmpty() && event.indexOf("data:") >= 0) {
                        return event.toString();
                    }
                    event.append(line).append('\n');
                }
                return event.toString();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String cohortFigures() {
        JsonNode overview = asCoach(coach).getForObject("/api/cohorts/" + cohort + "/overview", JsonNode.class);
        return jdbc.queryForObject(
                        "SELECT count(*) || '/' || sum(mean_score) FROM qs_rating WHERE cohort_id = ?",
                        String.class,
                        cohort.value())
                + " " + overview.path("themes");
    }

    private long eventCount() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    /** The events written before the erasure, byte for byte: an erasure changes no event. */
    private String storedEventsDigest() {
        return jdbc.queryForObject(
                "SELECT md5(string_agg(global_index || ':' || encode(payload, 'hex'), ',' ORDER BY global_index))"
                        + " FROM domain_event_entry WHERE payload_type <> ?",
                String.class,
                PersonErasedEvent.class.getName());
    }

    private void rebuild() {
        TestRestTemplate admin = asAdmin();
        assertThat(admin.postForEntity("/api/admin/rebuild", null, JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> "done"
                        .equals(admin.getForObject("/api/admin/rebuild", JsonNode.class)
                                .path("state")
                                .asText()));
    }
}
