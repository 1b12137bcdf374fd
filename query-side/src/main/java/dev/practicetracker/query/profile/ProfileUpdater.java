package dev.practicetracker.query.profile;

import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.RaterRole;
import dev.practicetracker.events.Theme;
import dev.practicetracker.query.processing.ReadModelTables;
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
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SimplePropertySqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes a candidate's stored profile and daily progress in one theme from the base rows, so that applying an
 * event twice, or replaying every event, ends in the same rows. Time comes from the events, never the clock; only
 * {@link ProfileRefresher} brings an idle candidate's row forward to the present, through {@link #restate}.
 *
 * <p>Within a processor's batch of events, a candidate's theme is recomputed once, when the batch is about to commit,
 * and not once per rating: the rows come out the same (each recomputation reads every rating of the theme, and the
 * batch's earliest day and latest moment bound what its events change), while a catch-up over a long history no longer
 * re-reads a theme's ratings for each of them.
 */
@Component
public class ProfileUpdater {

    private static final Logger log = LoggerFactory.getLogger(ProfileUpdater.class);
    private static final String PENDING = ProfileUpdater.class.getName() + ".pending";

    private final JdbcClient jdbc;
    /** For the daily rows' batch insert, which JdbcClient does not offer. */
    private final NamedParameterJdbcTemplate batches;

    private final RatingHistory history;
    private final ProfileReader reader;
    private final ProfileChanges changes;

    /** A savepoint per theme recomputed at the end of a batch, so that one that fails leaves the others' rows. */
    private final TransactionTemplate savepoint;

    ProfileUpdater(
            JdbcClient jdbc,
            NamedParameterJdbcTemplate batches,
            RatingHistory history,
            ProfileReader reader,
            ProfileChanges changes,
            PlatformTransactionManager transactions) {
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.jdbc = jdbc;
        this.batches = batches;
        this.history = history;
        this.reader = reader;
        this.changes = changes;
    }

    /**
     * Records that an event at {@code eventTime} changed a candidate's theme: in a unit of work (a processor's batch),
     * the theme is recomputed once before the batch commits, as of the latest such event and from the earliest one's
     * day; outside one, at once.
     */
    public void refresh(CandidateId candidateId, Theme theme, Instant eventTime) {
        // PostgreSQL keeps microseconds, rounding the event's nanoseconds; round up so the event's own row counts.
        Instant eventAsOf = eventTime.plusNanos(999).truncatedTo(ChronoUnit.MICROS);
        Changed changed = new Changed(eventAsOf, eventAsOf);
        ThemeOf key = new ThemeOf(candidateId.value(), theme);
        if (!CurrentUnitOfWork.isStarted()) {
            recompute(key, changed);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        Map<ThemeOf, Changed> pending = batch.getOrComputeResource(PENDING, name -> {
            Map<ThemeOf, Changed> themes = new LinkedHashMap<>();
            batch.onPrepareCommit(unitOfWork -> recomputeAll(themes));
            return themes;
        });
        pending.merge(key, changed, Changed::span);
    }

    private void recomputeAll(Map<ThemeOf, Changed> themes) {
        themes.forEach((key, changed) -> {
            try {
                savepoint.executeWithoutResult(status -> recompute(key, changed));
            } catch (RuntimeException e) {
                // The ratings themselves are stored; the theme's next event, or ProfileRefresher, recomputes it.
                log.error(
                        "Could not recompute the profile of a candidate in theme {}",
                        key.theme().id(),
                        e);
            }
        });
        themes.clear();
    }

    private void recompute(ThemeOf key, Changed changed) {
        String candidate = key.candidate();
        Theme theme = key.theme();
        // A row already stated as of a later moment (by ProfileRefresher, or by a later event when events are seen
        // again) stays as of that moment: the ratings up to this event are all counted either way, and the level does
        // not step back in time.
        Instant asOf = storedAsOf(candidate, theme)
                .filter(stored -> stored.isAfter(changed.latest()))
                .orElse(changed.latest());
        List<RatingVersion> versions = history.versions(candidate, theme);
        SkillEstimate estimate = reader.estimate(versions, asOf);
        storeProfile(candidate, theme, estimate, asOf);
        storeDailyProgress(candidate, theme, versions, day(changed.earliest()));
        if (!ReadModelTables.rebuilding()) {
            changes.announce(candidate);
        }
    }

    private record ThemeOf(String candidate, Theme theme) {}

    /** The moments of the earliest and the latest event of a batch that changed one theme. */
    private record Changed(Instant earliest, Instant latest) {
        Changed span(Changed other) {
            return new Changed(
                    earliest.isBefore(other.earliest) ? earliest : other.earliest,
                    latest.isAfter(other.latest) ? latest : other.latest);
        }
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
