package dev.practicetracker.query.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CoachId;
import dev.practicetracker.events.CohortId;
import dev.practicetracker.events.Role;
import dev.practicetracker.events.cohort.CandidateEnrolledEvent;
import dev.practicetracker.events.cohort.CandidateWithdrawnEvent;
import dev.practicetracker.events.cohort.CohortCreatedEvent;
import dev.practicetracker.query.ReadSideIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;

class CohortListIntegrationTest extends ReadSideIntegrationTest {

    private final Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void theAdminSeesEachCohortWithItsCoachAndWhoIsEnrolledNowByName() {
        String cohort = "cohort-" + UUID.randomUUID();
        String coach = "coach-" + UUID.randomUUID();
        String named = "b-" + UUID.randomUUID();
        String unnamed = "a-" + UUID.randomUUID();
        String left = "c-" + UUID.randomUUID();
        account(coach, Role.COACH);
        account(named, Role.CANDIDATE);
        appendAndWait(
                new CohortCreatedEvent(CohortId.of(cohort), "Listed", CoachId.of(coach), created),
                enrol(cohort, named),
                enrol(cohort, unnamed),
                enrol(cohort, left),
                new CandidateWithdrawnEvent(CohortId.of(cohort), CandidateId.of(left), "moved", created));

        JsonNode listed = everyCohort().get(cohort);

        assertThat(listed.get("name").asText()).isEqualTo("Listed");
        assertThat(listed.get("coach").get("id").asText()).isEqualTo(coach);
        assertThat(listed.get("coach").get("displayName").asText()).isEqualTo(displayName(coach));
        assertThat(listed.get("enrolled").asInt()).isEqualTo(2);
        assertThat(listed.get("candidates")).hasSize(2);
        assertThat(listed.get("candidates").get(0).get("id").asText()).isEqualTo(unnamed);
        assertThat(listed.get("candidates").get(0).get("displayName").isNull()).isTrue();
        assertThat(listed.get("candidates").get(1).get("id").asText()).isEqualTo(named);
        assertThat(listed.get("candidates").get(1).get("displayName").asText()).isEqualTo(displayName(named));
        assertThat(Instant.parse(listed.get("createdAt").asText())).isEqualTo(created);
    }

    @Test
    void aCohortWithNobodyEnrolledIsListedEmptyAndTheTotalCountsEveryCohort() {
        String cohort = "cohort-" + UUID.randomUUID();
        appendAndWait(new CohortCreatedEvent(CohortId.of(cohort), "Empty", CoachId.of("coach-x"), created));

        Map<String, JsonNode> all = everyCohort();

        assertThat(all.get(cohort).get("enrolled").asInt()).isZero();
        assertThat(all.get(cohort).get("candidates")).isEmpty();
        assertThat(all.get(cohort).get("coach").get("displayName").isNull()).isTrue();
        assertThat((long) all.size()).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM qs_cohort", Long.class));
    }

    private CandidateEnrolledEvent enrol(String cohort, String candidate) {
        return new CandidateEnrolledEvent(CohortId.of(cohort), CandidateId.of(candidate), created);
    }

    /** Every page of the list, as the admin page would walk it, by cohort id. */
    private Map<String, JsonNode> everyCohort() {
        TestRestTemplate admin = asAdmin();
        Map<String, JsonNode> cohorts = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonNode body = admin.getForObject("/api/admin/cohorts?size=100&page=" + page, JsonNode.class);
            body.get("items").forEach(item -> cohorts.put(item.get("cohortId").asText(), item));
            if (page + 1 >= body.get("totalPages").asInt()) {
                return cohorts;
            }
        }
    }
}
