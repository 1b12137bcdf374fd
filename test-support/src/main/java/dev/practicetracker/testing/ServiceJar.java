package dev.practicetracker.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A packaged service as users run it: {@code java -jar} in a JVM of its own, on a free port ({@code PORT}), with the
 * update checker off, its output in a log file; ready once {@code /actuator/health/readiness} answers 200; stopped the
 * way an operator stops it (SIGTERM, then a kill after 30 seconds).
 */
public final class ServiceJar implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private final ProcessBuilder builder;

    private ServiceJar(String name, Process process, int port, Path log, ProcessBuilder builder) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
        this.builder = builder;
    }

    /**
     * The runnable jar of {@code module} that this build packaged, from the system property {@code <module>.jar}
     * that the test module's failsafe sets from its declared dependency on that jar.
     */
    public static Path of(String module) {
        String property = module + ".jar";
        String path = System.getProperty(property);
        if (path == null || path.isBlank() || !Files.isRegularFile(Path.of(path))) {
            throw new IllegalStateException("no jar of " + module + " at " + property + "=" + path
                    + ": run the test with failsafe (./mvnw -B verify -pl <module> -am)");
        }
        return Path.of(path);
    }

    /**
     * Starts the jar. {@code environment} comes on top of this JVM's; {@code maxHeap} is the {@code -Xmx} value, and
     * {@code arguments} follow the jar.
     */
    public static ServiceJar start(
            String name, Path jar, Path log, String maxHeap, Map<String, String> environment, List<String> arguments) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap,
                "-jar",
                jar.toString()));
        command.addAll(arguments);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("PORT", String.valueOf(port));
        try {
            return new ServiceJar(name, builder.start(), port, log, builder);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + " from " + jar, e);
        }
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    /** Waits until the readiness probe answers 200; fails, naming the log, if the process exits or time runs out. */
    public ServiceJar awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited while starting; see " + log.toAbsolutePath());
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log.toAbsolutePath());
    }

    /**
     * Sends SIGTERM, as an operator's Ctrl-C or an orchestrator would, and waits up to {@code limit} for the process to
     * exit; answers how long it took, or empty when it was still running at the limit (it is then left running for
     * {@link #close}).
     */
    public java.util.Optional<Duration> terminate(Duration limit) {
        long start = System.nanoTime();
        process.destroy();
        try {
            if (process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                return java.util.Optional.of(Duration.ofNanos(System.nanoTime() - start));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return java.util.Optional.empty();
    }

    /**
     * The same service started again after it stopped or was killed, as an orchestrator restarts it: the same jar,
     * settings and port, its output added to the same log.
     */
    public ServiceJar restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        try {
            return new ServiceJar(
                    name,
                    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                            .start(),
                    port,
                    log,
                    builder);
        } catch (IOException e) {
            throw new UncheckedIOException("could not restart " + name, e);
        }
    }

    /** Kills the process with SIGKILL, as a crash or the kernel's OOM killer would: no shutdown work runs at all. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
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

    /** A port nothing listens on now, for a server a test starts (a jar, an embedded database). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
