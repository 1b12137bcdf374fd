package dev.practicetracker.app.demo;

import dev.practicetracker.command.account.AdminProperties;
import dev.practicetracker.command.question.QuestionBank;
import dev.practicetracker.events.Role;
import dev.practicetracker.security.Actor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DemoConfig {

    /** The demo accounts are opened by the first admin. */
    @Bean
    DemoSeed demoSeed(CommandGateway commands, EventStorageEngine events, QuestionBank bank, AdminProperties admin) {
        return new DemoSeed(commands, events, bank, new Actor(admin.accountId(), Role.ADMIN));
    }
}
