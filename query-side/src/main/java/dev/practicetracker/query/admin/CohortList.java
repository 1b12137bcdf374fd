package dev.practicetracker.query.admin;

import dev.practicetracker.query.web.Page;
import dev.practicetracker.query.web.PageRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Every cohort as the admin manages them: its coach and who is enrolled now, with their names. */
@Component
class CohortList {

    private final JdbcClient jdbc;

    CohortList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A person as the admin's list shows them; {@code displayName} is null before their account is known here. */
    record Person(String id, String displayName) {}

    /** A cohort with its coach and the candidates enrolled in it now, by candidate id. */
    record AdminCohort(
            String cohortId, String name, Person coach, int enrolled, List<Person> candidates, Instant createdAt) {}

    /** One page of every cohort, by name: three queries (count, cohorts, members), whatever the page holds. */
    Page<AdminCohort> page(PageRequest page) {
        long total =
                jdbc.sql("SELECT COUNT(*) FROM qs_cohort").query(Long.class).single();
        List<AdminCohort> cohorts = jdbc.sql("""
                        SELECT c.cohort_id, c.name, c.coach_id, a.display_name AS coach_name, c.created_at
                          FROM qs_cohort c LEFT JOIN qs_accounts a ON a.account_id = c.coach_id
                         ORDER BY c.name, c.cohort_id LIMIT :limit OFFSET :offset
                        """)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, i) -> new AdminCohort(
                        rs.getString("cohort_id"),
                        rs.getString("name"),
                        new Person(rs.getString("coach_id"), rs.getString("coach_name")),
                        0,
                        List.of(),
                        instant(rs.getTimestamp("created_at"))))
                .list();
        if (cohorts.isEmpty()) {
            return Page.of(List.of(), page, total);
        }
        Map<String, List<Person>> members = new HashMap<>();
        jdbc.sql("""
                        SELECT m.cohort_id, m.candidate_id, a.display_name
                          FROM qs_cohort_member m LEFT JOIN qs_accounts a ON a.account_id = m.candidate_id
                         WHERE m.cohort_id IN (:ids) AND m.enrolled
                         ORDER BY m.candidate_id
                        """)
                .param("ids", cohorts.stream().map(AdminCohort::cohortId).toList())
                .query(rs -> {
                    members.computeIfAbsent(rs.getString("cohort_id"), id -> new ArrayList<>())
                            .add(new Person(rs.getString("candidate_id"), rs.getString("display_name")));
                });
        List<AdminCohort> items = cohorts.stream()
                .map(cohort -> {
                    List<Person> enrolled = members.getOrDefault(cohort.cohortId(), List.of());
                    return new AdminCohort(
                            cohort.cohortId(),
                            cohort.name(),
                            cohort.coach(),
                            enrolled.size(),
                            List.copyOf(enrolled),
                            cohort.createdAt());
                })
                .toList();
        return Page.of(items, page, total);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
