package dev.practicetracker.command.session;

import dev.practicetracker.command.question.QuestionBank;
import java.security.SecureRandom;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SessionProperties.class)
class SessionConfig {

    @Bean
    SessionPolicy sessionPolicy(SessionProperties properties) {
        return new SessionPolicy(
                properties.inactivityTimeout(), properties.maxQuestions(), properties.maxAnswerLength());
    }

    @Bean
    QuestionPicker questionPicker(QuestionBank bank) {
        return new QuestionPicker(bank, new SecureRandom());
    }

    /** A session is loaded from its latest snapshot plus the events after it, once it has this many events. */
    @Bean
    SnapshotTriggerDefinition sessionSnapshotTrigger(Snapshotter snapshotter, SessionProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
    }
}
