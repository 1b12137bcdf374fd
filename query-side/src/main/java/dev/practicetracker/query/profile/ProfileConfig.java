package dev.practicetracker.query.profile;

import dev.practicetracker.eventstore.NotificationListener;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
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

    /** Every node listens for the profile changes any node commits, and tells its own live subscribers. */
    @Bean
    NotificationListener profileChangeListener(DataSourceProperties dataSource, ProfileChanges changes) {
        return new NotificationListener(
                ProfileChanges.CHANNEL,
                dataSource.determineUrl(),
                dataSource.determineUsername(),
                dataSource.determinePassword(),
                "tracker-live-updates",
                candidate -> changes.tellSubscribers(new ProfileChanged(candidate)),
                () -> changes.tellSubscribers(ProfileChanged.ANYONE));
    }
}
