package dev.practicetracker.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** One of the two services as users run it: its own JVM, started from the jar this build packaged. */
final class ServiceProcess implements AutoCloseable {

    private final String module;
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(String module, Process process, int port, Path log) {
        this.module = module;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static ServiceProcess start(String module, Path logDir, Map<String, String> environment) {
        int port = freePort();
        Path log = logDir.resolve(module + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Daxoniq.update-checker.disabled=true",
                "-jar",
                jar(module).toString()));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        try {
            return new ServiceProcess(module, builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + module, e);
        }
    }

    String module() {
        return module;
    }

    Http http() {
        return new Http(baseUrl());
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    int port() {
        return port;
    }

    /** Waits until the service answers its readiness probe with 200. */
    void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Http http = http();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited; see " + log);
            }
            try {
                if (http.get("/actuator/health/readiness").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException e) {
                // not listening yet
            }
            sleep(500);
        }
        throw new IllegalStateException(module + " did not become ready in " + timeout + "; see " + log);
    }

    /** The service's own scrape, as Prometheus gets it. */
    String scrape() {
        Http.Response response = http().get("/actuator/prometheus");
        if (response.status() != 200) {
            throw new IllegalStateException(module + "'s /actuator/prometheus answered " + response.status());
        }
        return response.text();
    }

    private static Path jar(String module) {
        Path target = Repository.ROOT.resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(path -> {
                        String name = path.getFileName().toString();
                        return name.startsWith(module + "-")
                                && name.endsWith("-exec.jar")
                                && !name.endsWith("-sources.jar")
                                && !name.endsWith("-plain.jar");
                    })
                    .findFirst()
                    .orElseThrow(() -> missing(module, target));
        } catch (IOException e) {
            throw missing(module, target);
        }
    }

    private static IllegalStateException missing(String module, Path target) {
        return new IllegalStateException("no jar of " + module + " in " + target
                + ": package the services first (./mvnw -B -DskipTests package -pl command-side,query-side -am)");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
