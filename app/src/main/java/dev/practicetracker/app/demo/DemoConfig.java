package dev.practicetracker.app.demo;

import dev.practicetracker.command.question.QuestionBank;
import dev.practicetracker.events.Ids;
import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.Role;
import dev.practicetracker.security.Actor;
import java.util.Locale;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DemoConfig {

    /** The demo accounts are opened by the first admin, whose id the command side derives from its username. */
    @Bean
    DemoSeed demoSeed(
            CommandGateway commands,
            EventStorageEngine events,
            QuestionBank bank,
            @Value("${tracker.security.admin.username:admin}") String adminUsername) {
        PersonId adminId =
                PersonId.of(Ids.derive("account", adminUsername.strip().toLowerCase(Locale.ROOT)));
        return new DemoSeed(commands, events, bank, new Actor(adminId, Role.ADMIN));
    }
}
