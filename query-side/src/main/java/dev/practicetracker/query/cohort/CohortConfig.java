package dev.practicetracker.query.cohort;

import dev.practicetracker.query.profile.SkillEstimator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CohortProperties.class)
class CohortConfig {

    /** The trend window is the estimator's, since the stored trends the rules read were measured by it. */
    @Bean
    AtRiskRules atRiskRules(CohortProperties properties, SkillEstimator estimator) {
        return new AtRiskRules(
                properties.inactiveAfterDays(), properties.fallingTrendPoints(), estimator.trendWindow());
    }
}
