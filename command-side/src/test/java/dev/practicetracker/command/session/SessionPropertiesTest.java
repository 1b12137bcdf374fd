package dev.practicetracker.command.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The session settings as the command side reads them: its application.yml, its imports and the environment. */
class SessionPropertiesTest {

    private final ApplicationContextRunner commandSide = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(Sessions.class);

    @Test
    void withNothingSetASessionExpiresAfterTwoHoursAndIsSnapshottedEveryFiftyEvents() {
        commandSide.run(context -> assertThat(context.getBean(SessionProperties.class))
                .isEqualTo(new SessionProperties(Duration.ofHours(2), 50, 20, 20000)));
    }

    @Test
    void anOperatorSetsThemByTheirShortNames() {
        commandSide
                .withPropertyValues("SESSION_INACTIVITY_TIMEOUT=PT30M", "SESSION_SNAPSHOT_THRESHOLD=10")
                .run(context -> assertThat(context.getBean(SessionProperties.class))
                        .isEqualTo(new SessionProperties(Duration.ofMinutes(30), 10, 20, 20000)));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SessionProperties.class)
    static class Sessions {}
}
