package dev.practicetracker.command.session;

import dev.practicetracker.command.question.QuestionBank;
import java.security.SecureRandom;
import java.time.Duration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SessionConfig {

    @Bean
    SessionPolicy sessionPolicy(
            @Value("${tracker.session.inactivity-timeout:PT2H}") Duration inactivityTimeout,
            @Value("${tracker.session.max-questions:20}") int maxQuestions,
            @Value("${tracker.session.max-answer-length:20000}") int maxAnswerLength) {
        return new SessionPolicy(inactivityTimeout, maxQuestions, maxAnswerLength);
    }

    @Bean
    QuestionPicker questionPicker(QuestionBank bank) {
        return new QuestionPicker(bank, new SecureRandom());
    }

    /** A session is loaded from its latest snapshot plus the events after it, once it has this many events. */
    @Bean
    SnapshotTriggerDefinition sessionSnapshotTrigger(
            Snapshotter snapshotter, @Value("${tracker.session.snapshot-threshold:50}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
