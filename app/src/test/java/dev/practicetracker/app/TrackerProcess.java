package dev.practicetracker.app;

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
import java.util.stream.Collectors;

/** {@code ./run} as a user starts it: its own process, on a data directory, answering on a free port. */
final class TrackerProcess implements AutoCloseable {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private final Process process;
    private final Path log;
    private final int port;
    /** With {@code ./run cluster}: the ports of its four nodes. */
    final List<Integer> nodePorts = new ArrayList<>();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TrackerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static TrackerProcess start(Path dataDirectory, String name, String... arguments) {
        int port = freePort();
        List<String> all = new ArrayList<>(List.of(arguments));
        all.add("--server.port=" + port);
        return start(dataDirectory, name, port, Map.of(), all);
    }

    /**
     * {@code ./run cluster}: its proxy on a free port (PORT), its four nodes on free ports, its embedded database on
     * {@code databasePort}.
     */
    static TrackerProcess cluster(Path dataDirectory, String name, int databasePort) {
        int port = freePort();
        List<Integer> nodes = List.of(freePort(), freePort(), freePort(), freePort());
        TrackerProcess started = start(
                dataDirectory,
                name,
                port,
                Map.of(
                        "PORT",
                        String.valueOf(port),
                        "CLUSTER_NODE_PORTS",
                        nodes.stream().map(String::valueOf).collect(Collectors.joining(" ")),
                        "TRACKER_EMBEDDED_DATABASE_PORT",
                        String.valueOf(databasePort)),
                List.of("cluster"));
        started.nodePorts.addAll(nodes);
        return started;
    }

    private static TrackerProcess start(
            Path dataDirectory, String name, int port, Map<String, String> extra, List<String> arguments) {
        Path log = Path.of("target", name + ".log").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("run").toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.remove("DATABASE_URL");
        environment.remove("TRACKER_DEMO");
        environment.put("TRACKER_DATA_DIR", dataDirectory.toString());
        environment.put("TRACKER_EMBEDDED_DATABASE_PORT", "0");
        // Samples the per-cohort gauges often, so the test reads them soon after start.
        environment.put("METRICS_DOMAIN_INTERVAL", "1s");
        environment.putAll(extra);
        try {
            TrackerProcess started = new TrackerProcess(builder.start(), log, port);
            started.awaitReady(Duration.ofMinutes(5));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("./run exited with " + process.exitValue() + "; see " + log);
            }
            if (get("/actuator/health/readiness").statusCode() == 200) {
                return;
            }
            pause(Duration.ofSeconds(1));
        }
        throw new IllegalStateException("./run was not ready within " + timeout + "; see " + log);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + token)
                .GET());
    }

    HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ctrl-C's signal; returns once the process has ended (the embedded database with it). */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("./run did not stop within two minutes; see " + log);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Unanswered(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** No answer at all (not listening yet): status 0. */
    private record Unanswered(IOException cause) implements HttpResponse<String> {
        @Override
        public int statusCode() {
            return 0;
        }

        @Override
        public HttpRequest request() {
            return null;
        }

        @Override
        public java.util.Optional<HttpResponse<String>> previousResponse() {
            return java.util.Optional.empty();
        }

        @Override
        public java.net.http.HttpHeaders headers() {
            return java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true);
        }

        @Override
        public String body() {
            return cause.toString();
        }

        @Override
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return java.util.Optional.empty();
        }

        @Override
        public URI uri() {
            return null;
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
