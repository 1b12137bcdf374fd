package dev.practicetracker.query.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.practicetracker.events.RaterRole;
import dev.practicetracker.events.Role;
import dev.practicetracker.events.SessionId;
import dev.practicetracker.events.Theme;
import dev.practicetracker.events.session.AnswerRatedEvent;
import dev.practicetracker.events.session.QuestionAnsweredEvent;
import dev.practicetracker.query.CandidateEvents;
import dev.practicetracker.query.ReadSideIntegrationTest;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

class ProfileEndpointsIntegrationTest extends ReadSideIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    private final CandidateEvents events = CandidateEvents.someone();
    private final String candidate = events.candidate();
    private final Instant start = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void progressHasOnePointPerDayWithRatingsAndTheLevelAtTheEndOfThatDay() {
        SessionId session = session(Theme.DATABASES, "q-1", "q-2");
        Instant dayOne = start.plus(1, ChronoUnit.DAYS);
        Instant dayThree = start.plus(3, ChronoUnit.DAYS);
        appendAndWait(
                answer(session, "q-1", Theme.DATABASES, start),
                answer(session, "q-2", Theme.DATABASES, start.plusSeconds(60)),
                rating(session, "q-1", Theme.DATABASES, "coach-1", RaterRole.COACH, 2, dayOne),
                rating(session, "q-2", Theme.DATABASES, "coach-1", RaterRole.COACH, 4, dayThree));

        JsonNode points = asCandidate(candidate)
                .getForObject(
                        "/api/candidates/{id}/progress?theme=databases&from={from}",
                        JsonNode.class,
                        candidate,
                        LocalDate.ofInstant(start, ZoneOffset.UTC).minusDays(1));

        assertThat(points).hasSize(2);
        assertThat(points.get(0).get("day").asText()).isEqualTo(day(dayOne));
        assertThat(points.get(0).get("meanScore").asDouble()).isEqualTo(2.0);
        assertThat(points.get(1).get("day").asText()).isEqualTo(day(dayThree));
        assertThat(points.get(1).get("level").asDouble())
                .isGreaterThan(points.get(0).get("level").asDouble());
    }

    @Test
    void whatToPractiseNextRanksEveryThemeWithADueDateAndAReason() {
        SessionId session = session(Theme.GIT, "q-1");
        appendAndWait(
                answer(session, "q-1", Theme.GIT, start),
                rating(session, "q-1", Theme.GIT, "coach-1", RaterRole.COACH, 5, start.plusSeconds(60)));

        JsonNode themes = asCandidate(candidate)
                .getForObject("/api/candidates/{id}/next", JsonNode.class, candidate)
                .get("themes");

        assertThat(themes).hasSize(Theme.values().length);
        JsonNode git = find(themes, "git");
        assertThat(Instant.parse(git.get("dueAt").asText()))
                .isAfter(start.plus(1, ChronoUnit.DAYS).minusSeconds(1));
        assertThat(themes.get(0).get("theme").asText()).isNotEqualTo("git");
        assertThat(find(themes, "security").get("reason").asText()).containsIgnoringCase("not practised yet");
    }

    @Test
    void calibrationReportsTheMeanGapBetweenSelfAndCoachOnTheSameAnswers() {
        SessionId session = session(Theme.SECURITY, "q-1", "q-2");
        appendAndWait(
                answer(session, "q-1", Theme.SECURITY, start),
                answer(session, "q-2", Theme.SECURITY, start.plusSeconds(60)),
                rating(session, "q-1", Theme.SECURITY, candidate, RaterRole.SELF, 4, start.plusSeconds(120)),
                rating(session, "q-1", Theme.SECURITY, "coach-1", RaterRole.COACH, 2, start.plusSeconds(180)),
                rating(session, "q-2", Theme.SECURITY, candidate, RaterRole.SELF, 5, start.plusSeconds(240)));

        JsonNode security = find(
                asCandidate(candidate)
                        .getForObject("/api/candidates/{id}/calibration", JsonNode.class, candidate)
                        .get("themes"),
                "security");

        assertThat(security.get("pairs").asInt()).isEqualTo(1);
        assertThat(security.get("meanGap").asDouble()).isEqualTo(2.0);
        assertThat(security.get("reading").asText()).contains("too few to tell");
        assertThat(security.get("low").isNull()).isTrue();
    }

    @Test
    void calibrationNamesABiasOnlyWhereItsIntervalExcludesZeroAndGivesOneOverallFigure() {
        SessionId security = session(Theme.SECURITY, "q-1", "q-2", "q-3");
        SessionId git = session(Theme.GIT, "g-1", "g-2", "g-3");
        List<Object> events = new ArrayList<>();
        int[][] securityScores = {{4, 2}, {5, 3}, {5, 3}};
        int[][] gitScores = {{4, 3}, {3, 3}, {4, 3}};
        for (int i = 0; i < 3; i++) {
            Instant at = start.plusSeconds(600L * i);
            events.add(answer(security, "q-" + (i + 1), Theme.SECURITY, at));
            events.add(answer(git, "g-" + (i + 1), Theme.GIT, at));
            events.add(rating(
                    security,
                    "q-" + (i + 1),
                    Theme.SECURITY,
                    candidate,
                    RaterRole.SELF,
                    securityScores[i][0],
                    at.plusSeconds(60)));
            events.add(rating(
                    security,
                    "q-" + (i + 1),
                    Theme.SECURITY,
                    "coach-1",
                    RaterRole.COACH,
                    securityScores[i][1],
                    at.plusSeconds(120)));
            events.add(rating(
                    git, "g-" + (i + 1), Theme.GIT, candidate, RaterRole.SELF, gitScores[i][0], at.plusSeconds(60)));
            events.add(rating(
                    git, "g-" + (i + 1), Theme.GIT, "coach-1", RaterRole.COACH, gitScores[i][1], at.plusSeconds(120)));
        }
        appendAndWait(events.toArray());

        JsonNode report =
                asCandidate(candidate).getForObject("/api/candidates/{id}/calibration", JsonNode.class, candidate);

        JsonNode securityGap = find(report.get("themes"), "security");
        assertThat(securityGap.get("meanGap").asDouble()).isEqualTo(2.0);
        assertThat(securityGap.get("low").asDouble()).isPositive();
        assertThat(securityGap.get("reading").asText())
                .startsWith("rates themselves 2.00 points higher than the coach");
        JsonNode gitGap = find(report.get("themes"), "git");
        assertThat(gitGap.get("meanGap").asDouble()).isCloseTo(0.67, within(0.01));
        assertThat(gitGap.get("low").asDouble()).isNegative();
        assertThat(gitGap.get("high").asDouble()).isPositive();
        assertThat(gitGap.get("reading").asText()).startsWith("not clear yet");
        JsonNode overall = report.get("overall");
        assertThat(overall.get("pairs").asInt()).isEqualTo(6);
        assertThat(overall.get("meanGap").asDouble()).isCloseTo(1.33, within(0.01));
        assertThat(overall.get("reading").asText()).contains("higher than the coach");
    }

    @Test
    void theLiveStreamSendsTheProfileAndAgainWhenACoachsRatingLands() throws Exception {
        SessionId session = session(Theme.API_DESIGN, "q-1");
        appendAndWait(answer(session, "q-1", Theme.API_DESIGN, start));
        BlockingQueue<JsonNode> profiles = new LinkedBlockingQueue<>();
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<InputStream> stream = client.send(
                HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + port + "/api/candidates/" + candidate + "/profile/stream"))
                        .header("Accept", "text/event-stream")
                        .header("Authorization", "Bearer " + token(candidate, Role.CANDIDATE))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> readEvents(stream.body(), profiles));
        reader.setDaemon(true);
        reader.start();

        JsonNode first = profiles.poll(20, TimeUnit.SECONDS);
        assertThat(first).isNotNull();
        assertThat(find(first.get("themes"), "api-design").get("level").isNull())
                .isTrue();

        append(rating(session, "q-1", Theme.API_DESIGN, "coach-1", RaterRole.COACH, 5, Instant.now()));
        JsonNode updated = profiles.poll(20, TimeUnit.SECONDS);

        assertThat(updated).isNotNull();
        assertThat(find(updated.get("themes"), "api-design").get("level").asDouble())
                .isGreaterThan(50);
        stream.body().close();
    }

    @Test
    void theLiveStreamOfAnUnknownCandidateIsNotFound() {
        assertThat(asCandidate(candidate)
                        .getForEntity(
                                "/api/candidates/{id}/profile/stream", String.class, "nobody-" + UUID.randomUUID())
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static void readEvents(InputStream body, BlockingQueue<JsonNode> profiles) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            List<String> data = new ArrayList<>();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("data:")) {
                    data.add(line.substring(5));
                } else if (line.isEmpty() && !data.isEmpty()) {
                    profiles.add(JSON.readTree(String.join("\n", data)));
                    data.clear();
                }
            }
        } catch (Exception e) {
            // the test closed the stream
        }
    }

    private SessionId session(Theme theme, String... questions) {
        SessionId session = SessionId.of("s-" + UUID.randomUUID());
        append(events.started(session, theme, start.minusSeconds(60), questions));
        return session;
    }

    private QuestionAnsweredEvent answer(SessionId session, String question, Theme theme, Instant at) {
        return events.answered(session, question, theme, at);
    }

    private AnswerRatedEvent rating(
            SessionId session, String question, Theme theme, String rater, RaterRole role, int score, Instant at) {
        return events.rated(session, question, theme, rater, role, score, at);
    }

    private static String day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    private static JsonNode find(JsonNode themes, String theme) {
        return CandidateEvents.theme(themes, theme);
    }
}
