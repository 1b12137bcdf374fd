package dev.practicetracker.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrometheusMeterNamingTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @BeforeEach
    void applyTheNaming() {
        registry.config().meterFilter(new PrometheusMeterNaming());
    }

    @Test
    void axonCountersAreNamedInSnakeCaseAfterTheirOutcomeWithSnakeCaseLabels() {
        Counter.builder("commandBus.successCounter")
                .tag("payloadType", "StartSessionCommand")
                .register(registry)
                .increment();
        Counter.builder("eventProcessor.failureCounter")
                .tag("processorName", "read-models")
                .tag("payloadType", "AnswerRatedEvent")
                .register(registry);

        String scrape = registry.scrape();

        assertThat(scrape)
                .contains("axon_command_bus_success_total{payload_type=\"StartSessionCommand\"} 1.0")
                .contains(
                        "axon_event_processor_failure_total{payload_type=\"AnswerRatedEvent\",processor=\"read-models\"} 0.0")
                .contains("# HELP axon_command_bus_success_total Axon command bus success")
                .doesNotContain("successCounter")
                .doesNotContain("payloadType");
    }

    @Test
    void axonsTimerOfAllMessagesBecomesADurationHistogramWithFixedBucketsInsteadOfQuantiles() {
        Timer.builder("commandBus.allTimer")
                .tag("payloadType", "StartSessionCommand")
                .publishPercentiles(0.5, 0.99)
                .register(registry)
                .record(Duration.ofMillis(30));

        String scrape = registry.scrape();

        assertThat(scrape)
                .contains(
                        "axon_command_bus_duration_seconds_bucket{payload_type=\"StartSessionCommand\",le=\"0.05\"} 1")
                .contains(
                        "axon_command_bus_duration_seconds_bucket{payload_type=\"StartSessionCommand\",le=\"0.025\"} 0")
                .contains("axon_command_bus_duration_seconds_count{payload_type=\"StartSessionCommand\"} 1")
                .doesNotContain("quantile");
    }

    @Test
    void axonsPerOutcomeTimersCapacityAndFrozenLatencyGaugesAreDropped() {
        Timer.builder("commandBus.successTimer").register(registry);
        Gauge.builder("commandBus.capacity", () -> 1).register(registry);
        Gauge.builder("eventProcessor.latency", () -> 1)
                .tag("processorName", "read-models")
                .register(registry);

        assertThat(registry.getMeters()).isEmpty();
    }

    @Test
    void platformMetersInUnitsOtherThanBaseUnitsAreDroppedAndACountGaugeIsRenamed() {
        FunctionCounter.builder("jvm.compilation.time", this, any -> 1)
                .baseUnit("ms")
                .register(registry);
        FunctionCounter.builder("process.cpu.time", this, any -> 1)
                .baseUnit("ns")
                .register(registry);
        Gauge.builder("tomcat.sessions.active.current", () -> 0).register(registry);
        Gauge.builder("system.cpu.count", () -> 2).register(registry);

        String scrape = registry.scrape();

        assertThat(scrape)
                .contains("system_cpu_cores 2.0")
                .contains("# HELP system_cpu_cores Logical processors available to the JVM")
                .doesNotContain("jvm_compilation")
                .doesNotContain("process_cpu_time")
                .doesNotContain("tomcat_sessions")
                .doesNotContain("system_cpu_count");
    }

    @Test
    void httpRequestTimersGetAHelpTextSinceSpringGivesThemNone() {
        Timer.builder("http.server.requests").tag("uri", "/api/sessions").register(registry);

        assertThat(registry.scrape())
                .contains("# HELP http_server_requests_seconds HTTP requests handled, by method, URI template");
    }
}
