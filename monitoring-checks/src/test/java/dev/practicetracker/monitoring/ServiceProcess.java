package dev.practicetracker.monitoring;

import dev.practicetracker.testing.ServiceJar;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One of the two services as users run it: its own JVM, started from the jar this build packaged. */
final class ServiceProcess implements AutoCloseable {

    private final String module;
    private final ServiceJar service;

    private ServiceProcess(String module, ServiceJar service) {
        this.module = module;
        this.service = service;
    }

    static ServiceProcess start(String module, Path logDir, Map<String, String> environment) {
        Path jar = ServiceJar.of(module);
        return new ServiceProcess(
                module, ServiceJar.start(module, jar, logDir.resolve(module + ".log"), "512m", environment, List.of()));
    }

    String module() {
        return module;
    }

    Http http() {
        return new Http(baseUrl());
    }

    String baseUrl() {
        return service.baseUrl();
    }

    int port() {
        return service.port();
    }

    /** Waits until the service answers its readiness probe with 200. */
    void awaitReady(Duration timeout) {
        service.awaitReady(timeout);
    }

    /** The service's own scrape, as Prometheus gets it. */
    String scrape() {
        Http.Response response = http().get("/actuator/prometheus");
        if (response.status() != 200) {
            throw new IllegalStateException(module + "'s /actuator/prometheus answered " + response.status());
        }
        return response.text();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        service.close();
    }
}
