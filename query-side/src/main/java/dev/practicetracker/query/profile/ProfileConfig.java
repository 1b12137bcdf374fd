package dev.practicetracker.query.profile;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProfileConfig {

    @Bean
    SkillEstimator skillEstimator() {
        return new SkillEstimator();
    }

    @Bean
    PracticeScheduler practiceScheduler() {
        return new PracticeScheduler();
    }
}
