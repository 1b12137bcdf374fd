package dev.practicetracker.query.crossprocess;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** The command side as users run it: its own JVM, started from the built jar, on the given database. */
final class CommandSideProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private CommandSideProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static CommandSideProcess start(String databaseUrl, String... extraEnvironment) throws IOException {
        int port = freePort();
        Path log = Path.of("target", "command-side-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-Daxoniq.update-checker.disabled=true",
                        "-jar",
                        jar().toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("DATABASE_URL", databaseUrl);
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        for (String entry : extraEnvironment) {
            String[] parts = entry.split("=", 2);
            builder.environment().put(parts[0], parts[1]);
        }
        CommandSideProcess started = new CommandSideProcess(builder.start(), port);
        started.awaitReady(log);
        return started;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The password of every account the tests open; the first admin's is the documented local default. */
    static final String PASSWORD = "a-test-password-long-enough";

    /** Logged in as the first admin, created by the command side from its environment (the README's defaults). */
    Http asAdmin() {
        return login("admin", "local-admin-password");
    }

    /** Logs in with the username and password; fails the test if the command side refuses. */
    Http login(String username, String password) {
        Http.Response response = new Http(baseUrl()).post("/api/auth/token", """
                        {"username": "%s", "password": "%s"}""".formatted(username, password));
        if (response.status() != 200) {
            throw new IllegalStateException("login as " + username + " refused: " + response.body());
        }
        return new Http(baseUrl()).withToken(token(response));
    }

    /**
     * Opens an account as the admin and returns it: its id (the person's id everywhere) and its token, valid on both
     * sides, since they share the token secret.
     */
    Account open(Http admin, String username, String role) {
        Http.Response created =
                admin.post("/api/accounts", """
                {"username": "%s", "displayName": "%s", "role": "%s", "password": "%s"}""".formatted(username, "Name of " + username, role, PASSWORD));
        if (created.status() != 201) {
            throw new IllegalStateException("could not open " + username + ": " + created.body());
        }
        Http.Response login = new Http(baseUrl()).post("/api/auth/token", """
                        {"username": "%s", "password": "%s"}""".formatted(username, PASSWORD));
        if (login.status() != 200) {
            throw new IllegalStateException("login as " + username + " refused: " + login.body());
        }
        return new Account(created.body().get("accountId").asText(), token(login));
    }

    /** An account the test opened: its id and a token for it. */
    record Account(String id, String token) {}

    private static String token(Http.Response login) {
        return login.body().get("accessToken").asText();
    }

    private void awaitReady(Path log) throws IOException {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the command side exited; see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<Void> response = client.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException("the command side did not become ready; see " + log.toAbsolutePath());
    }

    /** The command side's jar from this build (the reactor builds it before the query side's tests run). */
    private static Path jar() throws IOException {
        Path target = Path.of("..", "command-side", "target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(path -> {
                        String name = path.getFileName().toString();
                        return name.startsWith("command-side-")
                                && name.endsWith("-exec.jar")
                                && !name.endsWith("-sources.jar")
                                && !name.endsWith(".original");
                    })
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("build the command side first: no jar in " + target));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
