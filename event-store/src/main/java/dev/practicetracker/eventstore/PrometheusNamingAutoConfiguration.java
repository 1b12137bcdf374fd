package dev.practicetracker.eventstore;

import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Prometheus-style names for the meters of both services; Spring Boot applies every {@link MeterFilter} bean to the
 * meter registries before any meter is registered.
 */
@AutoConfiguration
class PrometheusNamingAutoConfiguration {

    @Bean
    MeterFilter prometheusMeterNaming() {
        return new PrometheusMeterNaming();
    }
}
