package dev.practicetracker.query.crossprocess;

import dev.practicetracker.testing.ServiceJar;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The command side as users run it: its own JVM, started from the built jar, on the given database. */
final class CommandSideProcess implements AutoCloseable {

    private final ServiceJar service;

    private CommandSideProcess(ServiceJar service) {
        this.service = service;
    }

    static CommandSideProcess start(String databaseUrl, String... extraEnvironment) {
        Map<String, String> environment = new HashMap<>();
        environment.put("DATABASE_URL", databaseUrl);
        for (String entry : extraEnvironment) {
            String[] parts = entry.split("=", 2);
            environment.put(parts[0], parts[1]);
        }
        Path jar = ServiceJar.of("command-side");
        ServiceJar service = ServiceJar.start(
                "the command side",
                jar,
                Path.of("target", "command-side-" + System.nanoTime() + ".log"),
                "512m",
                environment,
                List.of());
        return new CommandSideProcess(service.awaitReady(Duration.ofMinutes(3)));
    }

    String baseUrl() {
        return service.baseUrl();
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

    @Override
    public void close() {
        service.close();
    }
}
