package dev.practicetracker.query.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The at-risk thresholds as the query side reads them: its application.yml, its imports and the environment. */
class CohortPropertiesTest {

    private final ApplicationContextRunner querySide = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(Cohorts.class);

    @Test
    void withNothingSetACandidateIsInactiveAfterSevenDaysAndFallingAtMinusFivePoints() {
        querySide.run(context ->
                assertThat(context.getBean(CohortProperties.class)).isEqualTo(new CohortProperties(7, -5.0)));
    }

    @Test
    void anOperatorSetsThemByTheirShortNames() {
        querySide
                .withPropertyValues("COHORT_INACTIVE_AFTER_DAYS=14", "COHORT_FALLING_TREND_POINTS=-8")
                .run(context ->
                        assertThat(context.getBean(CohortProperties.class)).isEqualTo(new CohortProperties(14, -8.0)));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CohortProperties.class)
    static class Cohorts {}
}
