package dev.practicetracker.eventstore;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Turns off the call Axon makes at start-up to an AxonIQ update server (which, unreachable, logs a stack trace every
 * few seconds), for every Spring application that has the event store: both services, the one-process app and their
 * tests, however they are launched. Axon reads a JVM system property or an environment variable, not a Spring setting,
 * so this sets the system property before the application context (and Axon in it) starts. An operator who wants the
 * check sets {@code AXONIQ_UPDATE_CHECKER_DISABLED=false} or {@code -Daxoniq.update-checker.disabled=false}.
 */
class AxonUpdateCheckerOptOut implements EnvironmentPostProcessor {

    static final String PROPERTY = "axoniq.update-checker.disabled";
    static final String VARIABLE = "AXONIQ_UPDATE_CHECKER_DISABLED";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(PROPERTY) == null && System.getenv(VARIABLE) == null) {
            System.setProperty(PROPERTY, "true");
        }
    }
}
