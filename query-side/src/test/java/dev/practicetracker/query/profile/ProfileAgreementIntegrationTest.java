package dev.practicetracker.query.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CoachId;
import dev.practicetracker.events.CohortId;
import dev.practicetracker.events.RaterRole;
import dev.practicetracker.events.ReviewMode;
import dev.practicetracker.events.Theme;
import dev.practicetracker.events.cohort.CandidateEnrolledEvent;
import dev.practicetracker.events.cohort.CohortCreatedEvent;
import dev.practicetracker.query.CandidateEvents;
import dev.practicetracker.query.Practice;
import dev.practicetracker.query.ReadSideIntegrationTest;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The stored profile (as Grafana's role reads it), the profile endpoint and the cohort overview say the same about
 * the same candidate at the same moment, weeks after their last rating.
 */
// Restated rows are as of the test's moment, which a later rebuild from the events cannot reproduce: the next test
// classes get a context, and a database, of their own, so ReplayIntegrationTest compares only what events decide.
@DirtiesContext
class ProfileAgreementIntegrationTest extends ReadSideIntegrationTest {

    @Autowired
    private ProfileRefresher refresher;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final String cohort = "cohort-" + UUID.randomUUID();
    private final String coach = "coach-" + UUID.randomUUID();
    private final String candidate = "cand-" + UUID.randomUUID();

    @Test
    void afterSixWeeksWithoutPracticeTheStoredRowsTheProfileAndTheCohortViewAgree() {
        List<Object> events = new ArrayList<>();
        events.add(new CohortCreatedEvent(CohortId.of(cohort), "Idle", CoachId.of(coach), days(90)));
        events.add(new CandidateEnrolledEvent(CohortId.of(cohort), CandidateId.of(candidate), days(80)));
        // Databases: established by the coach, six weeks ago. Git: only the candidate's own ratings.
        for (int i = 0; i < 6; i++) {
            events.addAll(answered(Theme.DATABASES, coach, RaterRole.COACH, 4, days(50 - i)));
            events.addAll(answered(Theme.GIT, candidate, RaterRole.SELF, 5, days(50 - i)));
        }
        appendAndWait(events.toArray());
        assertThat(storedAsGrafana("databases").enoughEvidence())
                .as("established as of the last rating")
                .isTrue();

        JsonNode overview = asCoach(coach).getForObject("/api/cohorts/{id}/overview", JsonNode.class, cohort);
        Instant at = Instant.parse(overview.get("asOf").asText());
        JsonNode profile = asCandidate(candidate)
                .getForObject("/api/candidates/{id}/profile?asOf={at}", JsonNode.class, candidate, at.toString());
        refresher.refresh(candidate, at);

        for (String theme : List.of("databases", "git")) {
            JsonNode api = CandidateEvents.theme(profile.get("themes"), theme);
            JsonNode cell = find(
                    find(overview.get("roster").get("items"), "candidateId", candidate)
                            .get("themes"),
                    "theme",
                    theme);
            Stored stored = storedAsGrafana(theme);

            assertThat(stored.level())
                    .as(theme)
                    .isEqualTo(api.get("level").asDouble())
                    .isEqualTo(cell.get("level").asDouble());
            assertThat(stored.uncertainty())
                    .as(theme)
                    .isEqualTo(api.get("uncertainty").asDouble());
            assertThat(stored.enoughEvidence())
                    .as(theme)
                    .isEqualTo(api.get("enoughEvidence").asBoolean())
                    .isEqualTo(cell.get("enoughEvidence").asBoolean());
            assertThat(stored.trend())
                    .as(theme)
                    .isEqualTo(api.get("trend").asDouble())
                    .isEqualTo(cell.get("trend").asDouble());
            assertThat(stored.basis())
                    .as(theme)
                    .isEqualTo(api.get("basis").asText())
                    .isEqualTo(cell.get("basis").asText());
        }
        Stored databases = storedAsGrafana("databases");
        assertThat(databases.enoughEvidence()).as("six quiet weeks later").isFalse();
        assertThat(databases.uncertainty()).isGreaterThan(SkillEstimator.MAX_UNCERTAINTY_FOR_EVIDENCE_LEVEL_POINTS);
        assertThat(storedAsGrafana("git").basis()).isEqualTo(SkillEstimator.BASIS_SELF_ONLY);
        // The self-rated level is in nobody's mean: the cohort's git mean has no candidate, and says one is left out.
        JsonNode git = find(overview.get("themes"), "theme", "git");
        assertThat(git.get("candidatesWithLevel").asInt()).isZero();
        assertThat(git.get("selfRatedOnly").asInt()).isEqualTo(1);
        assertThat(git.get("mean").isNull()).isTrue();
    }

    @Test
    void aRefreshLeavesRowsAlreadyAsOfThatMomentAsTheyAre() {
        appendAndWait(
                answered(Theme.SECURITY, coach, RaterRole.COACH, 3, days(3)).toArray());
        Instant at = now.plusSeconds(1);

        refresher.refresh(candidate, at);
        Stored first = storedAsGrafana("security");
        refresher.refresh(candidate, at);

        assertThat(storedAsGrafana("security")).isEqualTo(first);
        assertThat(first.asOf()).isEqualTo(at);
    }

    private List<Object> answered(Theme theme, String rater, RaterRole role, int score, Instant at) {
        Practice practice = Practice.of(candidate, cohort, theme, "q-" + UUID.randomUUID());
        return List.of(
                practice.started(ReviewMode.COACH, at.minus(20, ChronoUnit.MINUTES)),
                practice.answered(at.minus(10, ChronoUnit.MINUTES)),
                practice.rated(rater, role, score, at));
    }

    private record Stored(
            double level, double uncertainty, boolean enoughEvidence, Double trend, String basis, Instant asOf) {}

    /** The row as Grafana's PostgreSQL datasource reads it: in the grafana_reader role, by plain SQL. */
    private Stored storedAsGrafana(String theme) {
        return jdbc.execute((ConnectionCallback<Stored>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET ROLE grafana_reader");
                try (ResultSet rs = statement.executeQuery(
                        "SELECT level, uncertainty, enough_evidence, trend, basis, as_of FROM qs_skill_profile"
                                + " WHERE candidate_id = '" + candidate + "' AND theme = '" + theme + "'")) {
                    assertThat(rs.next()).as("a stored row for " + theme).isTrue();
                    return new Stored(
                            rs.getDouble("level"),
                            rs.getDouble("uncertainty"),
                            rs.getBoolean("enough_evidence"),
                            rs.getObject("trend") == null ? null : rs.getDouble("trend"),
                            rs.getString("basis"),
                            rs.getTimestamp("as_of").toInstant());
                } finally {
                    statement.execute("RESET ROLE");
                }
            }
        });
    }

    private Instant days(int days) {
        return now.minus(days, ChronoUnit.DAYS);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.get(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + array);
    }
}
