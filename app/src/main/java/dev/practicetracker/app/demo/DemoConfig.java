package dev.practicetracker.app.demo;

import dev.practicetracker.command.question.QuestionBank;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DemoConfig {

    @Bean
    DemoSeed demoSeed(CommandGateway commands, EventStorageEngine events, QuestionBank bank) {
        return new DemoSeed(commands, events, bank);
    }
}
