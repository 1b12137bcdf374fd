package dev.practicetracker.command;

import java.time.Duration;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway every controller sends through: Axon's own, with {@link ConflictRetry} for concurrent changes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommandGatewayConfig.ConflictRetryProperties.class)
class CommandGatewayConfig {

    /**
     * How often a command that lost a race on one aggregate is decided again ({@code TRACKER_CONFLICT_RETRIES}), and the
     * ceiling of the first random wait ({@code TRACKER_CONFLICT_FIRST_WAIT}), which doubles on each further retry.
     * Boxed: an empty variable binds as absent, so the default here applies.
     */
    @ConfigurationProperties("tracker.commands.conflict")
    record ConflictRetryProperties(
            @DefaultValue("5") Integer retries,
            @DefaultValue("20ms") Duration firstWait) {}

    /** Its executor is its own, not a bean: Spring's scheduling would otherwise take it for the app's scheduler. */
    @Bean(destroyMethod = "shutdown")
    ConflictRetry conflictRetry(ConflictRetryProperties retry) {
        return ConflictRetry.of(retry.retries(), retry.firstWait().toMillis());
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ConflictRetry conflictRetry) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(conflictRetry)
                .build();
    }
}
