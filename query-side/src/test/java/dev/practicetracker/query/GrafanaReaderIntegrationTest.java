package dev.practicetracker.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ConnectionCallback;

class GrafanaReaderIntegrationTest extends ReadSideIntegrationTest {

    private static final String[] READ_MODEL_TABLES = {
        "qs_question",
        "qs_cohort",
        "qs_cohort_member",
        "qs_candidate",
        "qs_session",
        "qs_session_question",
        "qs_skill_profile",
        "qs_progress_daily"
    };

    @Test
    void grafanasRoleReadsTheReadModelTablesAndTheAnswersMetadata() {
        asGrafanaReader(statement -> {
            for (String table : READ_MODEL_TABLES) {
                statement.executeQuery("SELECT COUNT(*) FROM " + table).close();
            }
            statement
                    .executeQuery("SELECT candidate_id, theme, answered_at FROM qs_answer")
                    .close();
            statement
                    .executeQuery("SELECT candidate_id, rater_role, mean_score FROM qs_rating")
                    .close();
            statement
                    .executeQuery("SELECT candidate_id, rater_role, mean_score, first_rated_at FROM qs_current_rating")
                    .close();
            return null;
        });
    }

    @Test
    void grafanasRoleCannotReadTheEventStoreTokensDeadLettersOrFreeText() {
        for (String query : new String[] {
            "SELECT * FROM domain_event_entry",
            "SELECT * FROM token_entry",
            "SELECT * FROM dead_letter_entry",
            "SELECT answer FROM qs_answer",
            "SELECT comment FROM qs_rating",
            "SELECT comment FROM qs_current_rating"
        }) {
            assertThatThrownBy(() -> asGrafanaReader(statement -> {
                        statement.executeQuery(query).close();
                        return null;
                    }))
                    .as(query)
                    .rootCause()
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void grafanasRoleHasNoLoginUntilTheDeploymentGivesItOne() {
        assertThat(jdbc.queryForObject(
                        "SELECT rolcanlogin FROM pg_roles WHERE rolname = 'grafana_reader'", Boolean.class))
                .isFalse();
    }

    private interface AsReader {
        Object run(Statement statement) throws SQLException;
    }

    private void asGrafanaReader(AsReader work) {
        jdbc.execute((ConnectionCallback<Object>) connection -> inRole(connection, work));
    }

    private static Object inRole(Connection connection, AsReader work) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET ROLE grafana_reader");
            try {
                return work.run(statement);
            } finally {
                statement.execute("RESET ROLE");
            }
        }
    }
}
