package dev.practicetracker.command;

import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The write side's lookup tables (accounts, cohort roster, question bank) are kept by subscribing processors in the
 * command's own transaction. Axon's default listener error handler only logs, which would commit the events while the
 * lookup stayed behind; propagating the failure rolls the command back instead.
 */
@Configuration(proxyBeanMethods = false)
class LookupConfig {

    static final List<String> LOOKUPS = List.of("accounts", "cohort-roster", "question-bank");

    @Bean
    ConfigurerModule lookupsFailTheCommand() {
        return configurer -> configurer.eventProcessing(processing -> LOOKUPS.forEach(group ->
                processing.registerListenerInvocationErrorHandler(group, conf -> PropagatingErrorHandler.instance())));
    }
}
