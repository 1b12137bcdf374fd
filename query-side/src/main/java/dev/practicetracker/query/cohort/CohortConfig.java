package dev.practicetracker.query.cohort;

import dev.practicetracker.query.profile.SkillEstimator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CohortConfig {

    /** The trend window is the estimator's, since the stored trends the rules read were measured by it. */
    @Bean
    AtRiskRules atRiskRules(
            @Value("${tracker.cohort.inactive-after-days:7}") int inactiveAfterDays,
            @Value("${tracker.cohort.falling-trend-points:-5}") double fallingTrendLevelPoints,
            SkillEstimator estimator) {
        return new AtRiskRules(inactiveAfterDays, fallingTrendLevelPoints, estimator.trendWindow());
    }
}
