package dev.practicetracker.query.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CoachId;
import dev.practicetracker.events.CohortId;
import dev.practicetracker.events.RaterRole;
import dev.practicetracker.events.ReviewMode;
import dev.practicetracker.events.Theme;
import dev.practicetracker.events.cohort.CandidateEnrolledEvent;
import dev.practicetracker.events.cohort.CandidateWithdrawnEvent;
import dev.practicetracker.events.cohort.CohortCreatedEvent;
import dev.practicetracker.query.Practice;
import dev.practicetracker.query.ReadSideIntegrationTest;
import dev.practicetracker.query.web.Csv;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class CohortOverviewIntegrationTest extends ReadSideIntegrationTest {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final String cohort = "cohort-" + UUID.randomUUID();
    private final String coach = "coach-" + UUID.randomUUID();

    @BeforeEach
    void createCohort() {
        append(new CohortCreatedEvent(CohortId.of(cohort), "Spring 2027", CoachId.of(coach), days(90)));
    }

    @Test
    void theOverviewGivesEachThemesMeanAndSpreadAndTheThreeWeakestThemes() {
        // One coach rating from the prior of 50 ± 30, with a coach's noise of 25, lands at
        // 50 + 900 / (900 + 625) * (rating level - 50): a rubric 5 gives 79.5, 4 gives 64.8, 3 gives 50.0, 2 gives
        // 35.2 and 1 gives 20.5 level points.
        String ada = enrolled();
        String bob = enrolled();
        String cy = enrolled();
        rated(ada, Theme.DATABASES, 5);
        rated(ada, Theme.GIT, 1);
        rated(bob, Theme.DATABASES, 1);
        rated(bob, Theme.SECURITY, 2);
        rated(cy, Theme.DATABASES, 3);
        rated(cy, Theme.API_DESIGN, 4);
        awaitCaughtUp();

        JsonNode overview = overview("");

        assertThat(overview.get("cohort").get("cohortId").asText()).isEqualTo(cohort);
        assertThat(overview.get("cohort").get("name").asText()).isEqualTo("Spring 2027");
        assertThat(overview.get("cohort").get("coachId").asText()).isEqualTo(coach);
        assertThat(Instant.parse(overview.get("asOf").asText())).isAfterOrEqualTo(now);
        assertThat(overview.get("enrolled").asInt()).isEqualTo(3);
        assertThat(overview.get("roster").get("totalItems").asLong()).isEqualTo(3);
        assertThat(overview.get("themes")).hasSize(Theme.values().length);

        JsonNode databases = theme(overview, "databases");
        assertThat(databases.get("candidatesWithLevel").asInt()).isEqualTo(3);
        assertThat(databases.get("mean").asDouble()).isEqualTo(50.0);
        // Population standard deviation of 79.5, 20.5 and 50: sqrt((29.5² + 29.5² + 0²) / 3) = 24.09.
        assertThat(databases.get("spread").asDouble()).isEqualTo(24.1);
        assertThat(theme(overview, "git").get("mean").asDouble()).isEqualTo(20.5);
        assertThat(theme(overview, "git").get("spread").asDouble()).isEqualTo(0.0);
        assertThat(theme(overview, "portfolio").get("candidatesWithLevel").asInt())
                .isZero();
        assertThat(theme(overview, "portfolio").get("mean").isNull()).isTrue();

        assertThat(overview.get("weakestThemes"))
                .extracting(node ->
                        node.get("theme").asText() + " " + node.get("mean").asDouble())
                .containsExactly("git 20.5", "security 35.2", "databases 50.0");

        JsonNode adaRow = member(overview, ada);
        assertThat(adaRow.get("themes")).hasSize(Theme.values().length);
        assertThat(level(adaRow, "databases").get("level").asDouble()).isEqualTo(79.5);
        assertThat(level(adaRow, "databases").get("enoughEvidence").asBoolean()).isFalse();
        assertThat(level(adaRow, "security").get("level").isNull()).isTrue();
        assertThat(adaRow.get("atRisk").asBoolean()).isFalse();
        assertThat(overview.get("atRisk")).isEmpty();
    }

    @Test
    void eachRowCountsTheCandidatesAnswersWaitingForACoachRating() {
        String ada = enrolled();
        String bob = enrolled();
        Instant at = hours(3);
        Practice waiting = Practice.of(ada, cohort, Theme.GIT);
        append(waiting.started(ReviewMode.COACH, at.minusSeconds(60)), waiting.answered(at));
        Practice rated = Practice.of(bob, cohort, Theme.GIT);
        append(
                rated.started(ReviewMode.COACH, at.minusSeconds(60)),
                rated.answered(at),
                rated.rated(coach, RaterRole.COACH, 4, hours(2)));
        awaitCaughtUp();

        JsonNode overview = overview("");

        assertThat(member(overview, ada).get("waitingForCoach").asLong()).isEqualTo(1);
        assertThat(member(overview, bob).get("waitingForCoach").asLong()).isZero();
    }

    @Test
    void aLevelFromSelfRatingsAloneIsMarkedAsSuchAndLeftOutOfTheThemesMean() {
        String ada = enrolled();
        String bob = enrolled();
        rated(ada, Theme.DATABASES, 5);
        Practice practice = Practice.of(bob, cohort, Theme.DATABASES);
        Instant at = Instant.now().minus(30, ChronoUnit.MINUTES);
        append(
                practice.started(ReviewMode.SELF, at.minus(40, ChronoUnit.MINUTES)),
                practice.answered(at.minus(30, ChronoUnit.MINUTES)),
                practice.rated(bob, RaterRole.SELF, 1, at));
        awaitCaughtUp();

        JsonNode overview = overview("");

        JsonNode bobsCell = level(member(overview, bob), "databases");
        assertThat(bobsCell.get("basis").asText()).isEqualTo("self-ratings only");
        assertThat(bobsCell.get("level").isNull()).isFalse();
        assertThat(level(member(overview, ada), "databases").get("basis").asText())
                .isEqualTo("coach and peer ratings");
        JsonNode databases = theme(overview, "databases");
        assertThat(databases.get("candidatesWithLevel").asInt()).isEqualTo(1);
        assertThat(databases.get("selfRatedOnly").asInt()).isEqualTo(1);
        assertThat(databases.get("mean").asDouble()).isEqualTo(79.5);
        assertThat(overview.get("weakestThemes"))
                .extracting(node -> node.get("mean").asDouble())
                .containsExactly(79.5);
    }

    @Test
    void evidenceIsJudgedAsOfNowSoLongIdleRatingsNoLongerCountAsEstablished() {
        String idle = enrolled(days(80));
        for (int i = 0; i < 4; i++) {
            rated(idle, Theme.DATABASES, 4, days(70).plus(i, ChronoUnit.HOURS));
        }
        awaitCaughtUp();
        Boolean stored = jdbc.queryForObject(
                "SELECT enough_evidence FROM qs_skill_profile WHERE candidate_id = ? AND theme = 'databases'",
                Boolean.class,
                idle);

        JsonNode databases = level(member(overview(""), idle), "databases");

        // Established when last rated; seventy quiet days later the uncertainty has grown past 15 level points.
        assertThat(stored).isTrue();
        assertThat(databases.get("enoughEvidence").asBoolean()).isFalse();
        assertThat(databases.get("level").asDouble()).isGreaterThan(60);
    }

    @Test
    void theRosterIsPagedWhileTheMeansCoverTheWholeCohort() {
        String ada = enrolled();
        String bob = enrolled();
        rated(ada, Theme.DATABASES, 5);
        rated(bob, Theme.DATABASES, 1);
        awaitCaughtUp();

        JsonNode first = overview("?page=0&size=1");
        JsonNode second = overview("?page=1&size=1");

        assertThat(first.get("roster").get("items")).hasSize(1);
        assertThat(first.get("roster").get("totalItems").asLong()).isEqualTo(2);
        assertThat(first.get("roster").get("totalPages").asInt()).isEqualTo(2);
        assertThat(List.of(
                        first.get("roster")
                                .get("items")
                                .get(0)
                                .get("candidateId")
                                .asText(),
                        second.get("roster")
                                .get("items")
                                .get(0)
                                .get("candidateId")
                                .asText()))
                .containsExactlyInAnyOrder(ada, bob);
        assertThat(theme(first, "databases").get("mean").asDouble()).isEqualTo(50.0);
    }

    @Test
    void aWithdrawnCandidateIsListedApartAndCountsInNoMean() {
        String ada = enrolled();
        String wes = enrolled();
        rated(ada, Theme.DATABASES, 5);
        rated(wes, Theme.DATABASES, 1);
        Instant left = hours(1);
        appendAndWait(new CandidateWithdrawnEvent(CohortId.of(cohort), CandidateId.of(wes), "moved abroad", left));

        JsonNode overview = overview("");

        assertThat(overview.get("roster").get("items"))
                .extracting(node -> node.get("candidateId").asText())
                .containsExactly(ada);
        assertThat(overview.get("enrolled").asInt()).isEqualTo(1);
        assertThat(overview.get("withdrawn")).hasSize(1);
        assertThat(overview.get("withdrawn").get(0).get("candidateId").asText()).isEqualTo(wes);
        assertThat(Instant.parse(
                        overview.get("withdrawn").get(0).get("withdrawnAt").asText()))
                .isEqualTo(left);
        assertThat(theme(overview, "databases").get("candidatesWithLevel").asInt())
                .isEqualTo(1);
        assertThat(theme(overview, "databases").get("mean").asDouble()).isEqualTo(79.5);
        assertThat(theme(overview, "databases").get("spread").asDouble()).isEqualTo(0.0);
    }

    @Test
    void aCandidateWithoutPracticeForTheInactiveDaysIsAtRiskWithTheDaysInTheReason() {
        String idle = enrolled(days(20));
        String neverStarted = enrolled(days(10));
        String busy = enrolled(days(20));
        String newcomer = enrolled(days(2));
        Instant idleLastAnswer = days(9).minus(1, ChronoUnit.HOURS);
        practised(idle, Theme.GIT, idleLastAnswer);
        practised(busy, Theme.GIT, hours(1));
        awaitCaughtUp();

        JsonNode overview = overview("");

        assertThat(reasons(overview.get("atRisk"), idle)).containsExactly("no practice for 9 days");
        assertThat(reasons(overview.get("atRisk"), neverStarted))
                .containsExactly("no practice since enrolling 10 days ago");
        assertThat(overview.get("atRisk"))
                .extracting(node -> node.get("candidateId").asText())
                .containsExactlyInAnyOrder(idle, neverStarted);
        JsonNode idleRow = member(overview, idle);
        assertThat(idleRow.get("atRisk").asBoolean()).isTrue();
        assertThat(Instant.parse(idleRow.get("lastPractisedAt").asText())).isEqualTo(idleLastAnswer);
        assertThat(member(overview, neverStarted).get("lastPractisedAt").isNull())
                .isTrue();
        assertThat(member(overview, busy).get("atRisk").asBoolean()).isFalse();
        assertThat(member(overview, newcomer).get("atRisk").asBoolean()).isFalse();

        JsonNode lenient = overview("?inactiveDays=10");
        assertThat(lenient.get("inactiveDays").asInt()).isEqualTo(10);
        assertThat(lenient.get("atRisk"))
                .extracting(node -> node.get("candidateId").asText())
                .containsExactly(neverStarted);
    }

    @Test
    void aCandidateWhoseEstablishedLevelFellIsAtRiskWithHowFarAndOverHowLong() {
        String falling = enrolled(days(70));
        String steady = enrolled(days(70));
        for (int day : new int[] {60, 59, 58}) {
            rated(falling, Theme.DATABASES, 5, days(day));
            rated(steady, Theme.DATABASES, 4, days(day));
        }
        for (int day : new int[] {3, 2, 1}) {
            rated(falling, Theme.DATABASES, 1, days(day));
            rated(steady, Theme.DATABASES, 4, days(day));
        }
        awaitCaughtUp();

        JsonNode overview = overview("");

        JsonNode databases = level(member(overview, falling), "databases");
        double trend = databases.get("trend").asDouble();
        assertThat(databases.get("enoughEvidence").asBoolean()).isTrue();
        assertThat(trend).isLessThanOrEqualTo(-5.0);
        assertThat(overview.get("trendWindowDays").asLong()).isEqualTo(28);
        assertThat(reasons(overview.get("atRisk"), falling))
                .containsExactly(
                        String.format(Locale.ROOT, "databases level fell %.1f level points over 28 days", -trend));
        assertThat(databases.get("direction").asText()).isEqualTo("falling");
        assertThat(level(member(overview, steady), "databases").get("trend").asDouble())
                .isGreaterThan(-5.0);
        assertThat(level(member(overview, steady), "databases").get("direction").asText())
                .isEqualTo("flat");
        assertThat(member(overview, steady).get("atRisk").asBoolean()).isFalse();
    }

    @Test
    void aCohortWithoutRatingsHasNoLevelsNoMeansAndNoWeakestThemes() {
        String ada = enrolled();
        practised(ada, Theme.DATABASES, hours(1));
        awaitCaughtUp();

        JsonNode overview = overview("");

        assertThat(member(overview, ada).get("themes"))
                .allSatisfy(level -> assertThat(level.get("level").isNull()).isTrue());
        assertThat(overview.get("themes")).allSatisfy(theme -> {
            assertThat(theme.get("candidatesWithLevel").asInt()).isZero();
            assertThat(theme.get("mean").isNull()).isTrue();
            assertThat(theme.get("spread").isNull()).isTrue();
        });
        assertThat(overview.get("weakestThemes")).isEmpty();
    }

    @Test
    void anUnknownCohortIsNotFound() {
        String unknown = "cohort-" + UUID.randomUUID();

        ResponseEntity<JsonNode> response =
                asCoach(coach).getForEntity("/api/cohorts/{id}/overview", JsonNode.class, unknown);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(response.getBody().get("detail").asText()).isEqualTo("there is no cohort " + unknown);

        HttpHeaders acceptCsv = new HttpHeaders();
        acceptCsv.setAccept(List.of(MediaType.parseMediaType("text/csv")));
        ResponseEntity<String> csv = asCoach(coach)
                .exchange(
                        "/api/cohorts/{id}/overview.csv",
                        HttpMethod.GET,
                        new HttpEntity<>(acceptCsv),
                        String.class,
                        unknown);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(csv.getBody()).contains("there is no cohort " + unknown);
    }

    @Test
    void anInactiveDaysOutsideOneTo365IsABadRequestNamingTheParameter() {
        awaitCaughtUp();
        for (String value : List.of("0", "366", "-3")) {
            ResponseEntity<JsonNode> response = asCoach(coach)
                    .getForEntity("/api/cohorts/{id}/overview?inactiveDays={days}", JsonNode.class, cohort, value);

            assertThat(response.getStatusCode()).as(value).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
            assertThat(response.getBody().at("/errors/0/field").asText())
                    .as(value + ": " + response.getBody())
                    .isEqualTo("inactiveDays");
        }
        // Not a number at all: answered by Spring Boot's own problem handler, which names the parameter in the detail.
        ResponseEntity<JsonNode> notANumber =
                asCoach(coach).getForEntity("/api/cohorts/{id}/overview?inactiveDays=soon", JsonNode.class, cohort);
        assertThat(notANumber.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notANumber.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(notANumber.getBody().get("detail").asText()).contains("inactiveDays");
        ResponseEntity<JsonNode> csv =
                asCoach(coach).getForEntity("/api/cohorts/{id}/overview.csv?inactiveDays=0", JsonNode.class, cohort);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void theCsvHasAHeaderRowAndOneRowPerEnrolledCandidateThatParsesBack() {
        String ada = enrolled();
        String idle = enrolled(days(20));
        Instant adaAnswer = hours(2);
        Practice practice = Practice.of(ada, cohort, Theme.DATABASES);
        append(
                practice.started(ReviewMode.COACH, adaAnswer.minusSeconds(60)),
                practice.answered(adaAnswer),
                practice.rated(coach, RaterRole.COACH, 5, hours(1)));
        practised(idle, Theme.GIT, days(9).minus(1, ChronoUnit.HOURS));
        Practice selfRated = Practice.of(idle, cohort, Theme.SECURITY);
        Instant selfRatedAnswer = days(10);
        append(
                selfRated.started(ReviewMode.SELF, selfRatedAnswer.minusSeconds(60)),
                selfRated.answered(selfRatedAnswer),
                selfRated.rated(idle, RaterRole.SELF, 4, selfRatedAnswer.plusSeconds(30)));
        awaitCaughtUp();

        ResponseEntity<String> response =
                asCoach(coach).getForEntity("/api/cohorts/{id}/overview.csv", String.class, cohort);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv")))
                .isTrue();
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"cohort-" + cohort + "-overview.csv\"");
        String body = response.getBody();
        assertThat(body).endsWith("\r\n").contains(",true,no practice for 9 days\r\n");

        List<List<String>> rows = Csv.parse(body);
        List<String> header = new ArrayList<>(List.of("candidate_name", "candidate_id", "last_practised_at"));
        Arrays.stream(Theme.values()).map(Theme::id).forEach(header::add);
        header.addAll(List.of("self_rated_only", "answers_waiting_for_coach", "at_risk", "reasons"));
        assertThat(rows.get(0)).isEqualTo(header);
        assertThat(rows).hasSize(3);

        List<String> adaRow = row(rows, ada);
        assertThat(adaRow).hasSize(header.size());
        assertThat(Instant.parse(adaRow.get(header.indexOf("last_practised_at"))))
                .isEqualTo(adaAnswer);
        assertThat(adaRow.get(header.indexOf("databases"))).isEqualTo("79.5");
        assertThat(adaRow.get(header.indexOf("git"))).isEmpty();
        assertThat(adaRow.get(header.indexOf("self_rated_only"))).isEmpty();
        assertThat(adaRow.get(header.indexOf("answers_waiting_for_coach"))).isEqualTo("0");
        assertThat(adaRow.get(header.indexOf("at_risk"))).isEqualTo("false");
        assertThat(adaRow.get(header.indexOf("reasons"))).isEmpty();

        List<String> idleRow = row(rows, idle);
        assertThat(idleRow.get(header.indexOf("security"))).isNotEmpty();
        assertThat(idleRow.get(header.indexOf("self_rated_only")))
                .as("a level resting on self-ratings alone is marked as such in the spreadsheet too")
                .isEqualTo("security");
        assertThat(idleRow.get(header.indexOf("at_risk"))).isEqualTo("true");
        assertThat(idleRow.get(header.indexOf("reasons"))).isEqualTo("no practice for 9 days");
    }

    private String enrolled() {
        return enrolled(days(2));
    }

    private String enrolled(Instant at) {
        String candidate = "cand-" + UUID.randomUUID();
        append(new CandidateEnrolledEvent(CohortId.of(cohort), CandidateId.of(candidate), at));
        return candidate;
    }

    /** An answer an hour ago rated by the coach at {@code score} half an hour ago. */
    private void rated(String candidate, Theme theme, int score) {
        rated(candidate, theme, score, Instant.now().minus(30, ChronoUnit.MINUTES));
    }

    private void rated(String candidate, Theme theme, int score, Instant ratedAt) {
        Practice practice = Practice.of(candidate, cohort, theme);
        append(
                practice.started(ReviewMode.COACH, ratedAt.minus(40, ChronoUnit.MINUTES)),
                practice.answered(ratedAt.minus(30, ChronoUnit.MINUTES)),
                practice.rated(coach, RaterRole.COACH, score, ratedAt));
    }

    private void practised(String candidate, Theme theme, Instant answeredAt) {
        Practice practice = Practice.of(candidate, cohort, theme);
        append(practice.started(ReviewMode.COACH, answeredAt.minusSeconds(60)), practice.answered(answeredAt));
    }

    private Instant days(int days) {
        return now.minus(days, ChronoUnit.DAYS);
    }

    private Instant hours(int hours) {
        return now.minus(hours, ChronoUnit.HOURS);
    }

    private JsonNode overview(String query) {
        ResponseEntity<JsonNode> response =
                asCoach(coach).getForEntity("/api/cohorts/{id}/overview" + query, JsonNode.class, cohort);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static JsonNode theme(JsonNode overview, String theme) {
        return find(overview.get("themes"), "theme", theme);
    }

    private static JsonNode member(JsonNode overview, String candidate) {
        return find(overview.get("roster").get("items"), "candidateId", candidate);
    }

    private static JsonNode level(JsonNode member, String theme) {
        return find(member.get("themes"), "theme", theme);
    }

    private static List<String> reasons(JsonNode atRisk, String candidate) {
        List<String> reasons = new ArrayList<>();
        find(atRisk, "candidateId", candidate).get("reasons").forEach(reason -> reasons.add(reason.asText()));
        return reasons;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.get(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + array);
    }

    private static List<String> row(List<List<String>> rows, String candidate) {
        return rows.stream()
                .filter(row -> row.get(1).equals(candidate))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + candidate));
    }
}
