package dev.practicetracker.query.profile;

import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.RaterRole;
import dev.practicetracker.events.Theme;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SimplePropertySqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Recomputes a candidate's stored profile and daily progress in one theme from the base rows, so that applying an
 * event twice, or replaying every event, ends in the same rows. Time comes from the events, never the clock; only
 * {@link ProfileRefresher} brings an idle candidate's row forward to the present, through {@link #restate}.
 */
@Component
public class ProfileUpdater {

    private final JdbcClient jdbc;
    /** For the daily rows' batch insert, which JdbcClient does not offer. */
    private final NamedParameterJdbcTemplate batches;

    private final RatingHistory history;
    private final ProfileReader reader;
    private final ProfileChanges changes;

    ProfileUpdater(
            JdbcClient jdbc,
            NamedParameterJdbcTemplate batches,
            RatingHistory history,
            ProfileReader reader,
            ProfileChanges changes) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.history = history;
        this.reader = reader;
        this.changes = changes;
    }

    public void refresh(CandidateId candidateId, Theme theme, Instant eventTime) {
        // PostgreSQL keeps microseconds, rounding the event's nanoseconds; round up so the event's own row counts.
        Instant eventAsOf = eventTime.plusNanos(999).truncatedTo(ChronoUnit.MICROS);
        String candidate = candidateId.value();
        // A row already stated as of a later moment (by ProfileRefresher, or by a later event when events are seen
        // again) stays as of that moment: the ratings up to this event are all counted either way, and the level does
        // not step back in time.
        Instant asOf = storedAsOf(candidate, theme)
                .filter(stored -> stored.isAfter(eventAsOf))
                .orElse(eventAsOf);
        List<RatingVersion> versions = history.versions(candidate, theme);
        SkillEstimate estimate = reader.estimate(versions, asOf);
        storeProfile(candidate, theme, estimate, asOf);
        storeDailyProgress(candidate, theme, versions, day(eventAsOf));
        changes.announce(candidate);
    }

    private Optional<Instant> storedAsOf(String candidate, Theme theme) {
        return jdbc.sql("SELECT as_of FROM qs_skill_profile WHERE candidate_id = :candidate AND theme = :theme")
                .param("candidate", candidate)
                .param("theme", theme.id())
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    /**
     * Brings the stored row of one candidate and theme forward to {@code asOf}, a moment after the last event, with no
     * new rating: the level and its uncertainty as the profile endpoint computes them at that moment. The row is
     * locked before the ratings are read, so a projection writing the same row at the same time either waits for this
     * (and then writes its own, newer ratings) or is waited for (and its ratings are read here). Returns whether the
     * row was restated: a row not stored yet, or already as of {@code asOf} or later, is left alone.
     */
    boolean restate(String candidate, Theme theme, Instant asOf) {
        boolean stale = jdbc.sql("""
                        SELECT as_of < :asOf FROM qs_skill_profile
                         WHERE candidate_id = :candidate AND theme = :theme FOR UPDATE
                        """)
                .param("candidate", candidate)
                .param("theme", theme.id())
                .param("asOf", Timestamp.from(asOf))
                .query(Boolean.class)
                .optional()
                .orElse(false);
        if (stale) {
            storeProfile(candidate, theme, reader.estimate(history.versions(candidate, theme), asOf), asOf);
        }
        return stale;
    }

    private void storeProfile(String candidate, Theme theme, SkillEstimate estimate, Instant asOf) {
        jdbc.sql("""
                INSERT INTO qs_skill_profile (candidate_id, theme, answers, ratings_self, ratings_peer, ratings_coach,
                                              level, uncertainty, enough_evidence, trend, basis, last_practised_at,
                                              last_rated_at, as_of)
                SELECT :candidate, :theme,
                       (SELECT COUNT(*) FROM qs_answer WHERE candidate_id = :candidate AND theme = :theme),
                       :self, :peer, :coach, :level, :uncertainty, :enough, :trend, :basis,
                       (SELECT MAX(answered_at) FROM qs_answer WHERE candidate_id = :candidate AND theme = :theme),
                       :lastRated, :asOf
                ON CONFLICT (candidate_id, theme) DO UPDATE SET
                       answers = EXCLUDED.answers, ratings_self = EXCLUDED.ratings_self,
                       ratings_peer = EXCLUDED.ratings_peer, ratings_coach = EXCLUDED.ratings_coach,
                       level = EXCLUDED.level, uncertainty = EXCLUDED.uncertainty,
                       enough_evidence = EXCLUDED.enough_evidence, trend = EXCLUDED.trend, basis = EXCLUDED.basis,
                       last_practised_at = EXCLUDED.last_practised_at, last_rated_at = EXCLUDED.last_rated_at,
                       as_of = EXCLUDED.as_of
                """)
                .param("candidate", candidate)
                .param("theme", theme.id())
                .param("self", count(estimate, RaterRole.SELF))
                .param("peer", count(estimate, RaterRole.PEER))
                .param("coach", count(estimate, RaterRole.COACH))
                .param("level", oneDecimal(estimate.level()))
                .param("uncertainty", oneDecimal(estimate.uncertainty()))
                .param("enough", estimate.enoughEvidence())
                .param("trend", oneDecimal(estimate.trend()))
                .param("basis", estimate.basis())
                .param("lastRated", timestamp(estimate.lastRatedAt()))
                .param("asOf", Timestamp.from(asOf))
                .update();
    }

    /**
     * One row per UTC day on which ratings were given: their count, their mean, and the level at the day's end. A
     * change effective at some moment can only alter the days from then on, so earlier days are left as they are.
     */
    private void storeDailyProgress(String candidate, Theme theme, List<RatingVersion> versions, LocalDate from) {
        Map<LocalDate, List<RatingVersion>> firstRatingsByDay = new TreeMap<>();
        for (RatingVersion version : versions) {
            if (!version.revision() && !day(version.effectiveAt()).isBefore(from)) {
                firstRatingsByDay
                        .computeIfAbsent(day(version.effectiveAt()), day -> new ArrayList<>())
                        .add(version);
            }
        }
        List<SqlParameterSource> rows = new ArrayList<>();
        for (Map.Entry<LocalDate, List<RatingVersion>> entry : firstRatingsByDay.entrySet()) {
            Instant endOfDay = entry.getKey()
                    .plusDays(1)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant()
                    .minusNanos(1000);
            Map<String, Double> currentScores = currentScores(versions, endOfDay);
            double mean = entry.getValue().stream()
                    .mapToDouble(version -> currentScores.getOrDefault(version.answerKey(), version.meanScore()))
                    .average()
                    .orElse(0);
            SkillEstimate estimate = reader.estimate(versions, endOfDay);
            rows.add(new SimplePropertySqlParameterSource(new DailyRow(
                    candidate,
                    theme.id(),
                    entry.getKey(),
                    entry.getValue().size(),
                    BigDecimal.valueOf(mean).setScale(2, RoundingMode.HALF_UP),
                    oneDecimal(estimate.level()),
                    oneDecimal(estimate.uncertainty()),
                    estimate.basis())));
        }
        jdbc.sql("DELETE FROM qs_progress_daily WHERE candidate_id = :candidate AND theme = :theme AND day >= :from")
                .param("candidate", candidate)
                .param("theme", theme.id())
                .param("from", from)
                .update();
        batches.batchUpdate("""
                INSERT INTO qs_progress_daily (candidate_id, theme, day, ratings, mean_score, level, uncertainty, basis)
                VALUES (:candidate, :theme, :day, :ratings, :mean, :level, :uncertainty, :basis)
                """, rows.toArray(SqlParameterSource[]::new));
    }

    private record DailyRow(
            String candidate,
            String theme,
            LocalDate day,
            int ratings,
            BigDecimal mean,
            BigDecimal level,
            BigDecimal uncertainty,
            String basis) {}

    private static Map<String, Double> currentScores(List<RatingVersion> versions, Instant asOf) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (RatingVersion version : versions) {
            if (!version.effectiveAt().isAfter(asOf)) {
                scores.put(version.answerKey(), version.meanScore());
            }
        }
        return scores;
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private static int count(SkillEstimate estimate, RaterRole role) {
        RoleEvidence evidence = estimate.byRole().get(role);
        return evidence == null ? 0 : evidence.count();
    }

    static BigDecimal oneDecimal(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
