package dev.practicetracker.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A packaged service's jar in a JVM of its own, as an operator runs it; its log goes to a file of the run. */
final class Service implements AutoCloseable {

    static final String TOKEN_SECRET = "bench-token-secret-that-is-long-enough-for-hs256";
    static final String ADMIN_PASSWORD = "bench-admin-password";

    private final String name;
    private final Process process;
    private final Api api;

    private Service(String name, Process process, Api api) {
        this.name = name;
        this.process = process;
        this.api = api;
    }

    static Service start(
            String name, Path jar, String databaseUrl, Path logDir, HttpClient client, Map<String, String> env)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of("java"));
        // BENCH_SERVICE_JVM_OPTIONS: options for each service's JVM, {name} standing for the service's name, to profile
        // one run, e.g. -XX:StartFlightRecording=filename=/tmp/{name}.jfr,settings=profile (docs/performance.md).
        String options = System.getenv("BENCH_SERVICE_JVM_OPTIONS");
        if (options != null && !options.isBlank()) {
            for (String option : options.strip().split("\\s+")) {
                command.add(option.replace("{name}", name.replaceAll("[^A-Za-z0-9-]", "-")));
            }
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logDir.resolve(name + ".log").toFile());
        Map<String, String> environment = builder.environment();
        environment.put("PORT", String.valueOf(port));
        environment.put("DATABASE_URL", databaseUrl);
        environment.put("TRACKER_TOKEN_SECRET", TOKEN_SECRET);
        environment.put("TRACKER_ADMIN_USERNAME", "admin");
        environment.put("TRACKER_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        environment.putAll(env);
        Process process = builder.start();
        Service service = new Service(name, process, new Api(client, "http://127.0.0.1:" + port));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (!service.api.ready()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited while starting; see " + logDir.resolve(name + ".log"));
            }
            if (System.nanoTime() > deadline) {
                service.close();
                throw new IllegalStateException(name + " did not become ready in 10 minutes");
            }
            Thread.sleep(250);
        }
        return service;
    }

    Api api() {
        return api;
    }

    /** SIGTERM, as an operator stops it: in-flight requests finish; killed if it has not exited after 30 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                System.err.println(name + " did not stop within 30 s; killing it");
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
