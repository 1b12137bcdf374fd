package dev.practicetracker.command.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How practice sessions behave.
 *
 * @param inactivityTimeout a session with no activity for this long expires ({@code SESSION_INACTIVITY_TIMEOUT})
 * @param snapshotThreshold a session is loaded from its latest snapshot once it has this many events
 *     ({@code SESSION_SNAPSHOT_THRESHOLD})
 * @param maxQuestions the most questions one session may ask
 * @param maxAnswerLength the most characters one answer may have
 *
 * <p>Boxed where an environment variable maps the setting: an empty variable binds as absent, so the default here
 * applies.
 */
@ConfigurationProperties("tracker.session")
record SessionProperties(
        @DefaultValue("PT2H") Duration inactivityTimeout,
        @DefaultValue("50") Integer snapshotThreshold,
        @DefaultValue("20") int maxQuestions,
        @DefaultValue("20000") int maxAnswerLength) {}
