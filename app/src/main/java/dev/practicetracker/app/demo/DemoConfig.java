package dev.practicetracker.app.demo;

import dev.practicetracker.command.account.AdminProperties;
import dev.practicetracker.command.question.QuestionBank;
import dev.practicetracker.events.Role;
import dev.practicetracker.security.Actor;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoProperties.class)
class DemoConfig {

    /** The demo accounts are opened by the first admin; the history leads up to the clock's day (a test's own). */
    @Bean
    DemoSeed demoSeed(
            CommandGateway commands,
            EventStorageEngine events,
            QuestionBank bank,
            AdminProperties admin,
            ObjectProvider<Clock> clock) {
        return new DemoSeed(
                commands,
                events,
                bank,
                new Actor(admin.accountId(), Role.ADMIN),
                clock.getIfAvailable(Clock::systemUTC));
    }

    /** Before the schema is migrated: a stale demo in a database of its own is wiped, for the seed to start afresh. */
    @Bean
    FlywayMigrationStrategy demoFreshness(DemoProperties settings, ObjectProvider<Clock> clock) {
        return new DemoFreshness(settings, clock.getIfAvailable(Clock::systemUTC));
    }
}
