package dev.practicetracker.query.profile;

import dev.practicetracker.events.Theme;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The one way a skill level is read: the ratings in force at an instant, through the one {@link SkillEstimator}, as of
 * that instant. The profile endpoint, the practice advice, the cohort view and the stored rows Grafana and the cohort
 * gauges read ({@link ProfileUpdater}, {@link ProfileRefresher}) all come through here, so an idle candidate's
 * uncertainty grows the same way wherever it is shown.
 */
@Component
public class ProfileReader {

    private final RatingHistory history;
    private final SkillEstimator estimator;

    ProfileReader(RatingHistory history, SkillEstimator estimator) {
        this.history = history;
        this.estimator = estimator;
    }

    /** Every theme's estimate for one candidate as of {@code asOf}; a theme never rated has {@link SkillEstimate#none}. */
    public Map<Theme, SkillEstimate> estimates(String candidateId, Instant asOf) {
        return allThemes(history.versionsByTheme(candidateId), asOf);
    }

    /** Every enrolled candidate's estimates as of {@code asOf}, by candidate; candidates never rated are absent. */
    public Map<String, Map<Theme, SkillEstimate>> estimatesInCohort(String cohortId, Instant asOf) {
        Map<String, Map<Theme, SkillEstimate>> byCandidate = new HashMap<>();
        history.versionsInCohort(cohortId)
                .forEach((candidate, versions) -> byCandidate.put(candidate, allThemes(versions, asOf)));
        return byCandidate;
    }

    /** The estimate from one candidate's rating versions in one theme, counting those in force at {@code asOf}. */
    SkillEstimate estimate(Collection<RatingVersion> versions, Instant asOf) {
        return estimator.estimate(RatingHistory.inForce(versions, asOf), asOf);
    }

    private Map<Theme, SkillEstimate> allThemes(Map<Theme, List<RatingVersion>> versions, Instant asOf) {
        Map<Theme, SkillEstimate> estimates = new EnumMap<>(Theme.class);
        for (Theme theme : Theme.values()) {
            estimates.put(theme, estimate(versions.getOrDefault(theme, List.of()), asOf));
        }
        return estimates;
    }
}
