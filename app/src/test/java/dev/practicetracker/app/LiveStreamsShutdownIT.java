package dev.practicetracker.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.practicetracker.database.TestDatabases;
import dev.practicetracker.testing.ServiceJar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Ctrl-C (SIGTERM) of the query side's jar while two live-update streams are open: the streams are closed first, so the
 * process exits within seconds instead of waiting out the 30 s shutdown limit, and a request sent on a kept-alive
 * connection meanwhile is answered whole or refused by closing the connection, never cut off half-way.
 */
class LiveStreamsShutdownIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SECRET = "shutdown-test-token-secret-shutdown-test-token";
    private static final String ADMIN_PASSWORD = "shutdown-test-admin-password";

    @Test
    void sigtermWithTwoOpenStreamsExitsWithinSecondsAndCutsNoAnswerOff() throws Exception {
        String database = TestDatabases.createDatabase();
        Map<String, String> environment = Map.of(
                "DATABASE_URL", database,
                "TRACKER_TOKEN_SECRET", SECRET,
                "TRACKER_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "DATABASE_POOL_SIZE", "6");
        try (ServiceJar command = ServiceJar.start(
                                "command-side",
                                ServiceJar.of("command-side"),
                                Path.of("target", "shutdown-command-side.log"),
                                "384m",
                                environment,
                                List.of())
                        .awaitReady(Duration.ofMinutes(4));
                ServiceJar query = ServiceJar.start(
                                "query-side",
                                ServiceJar.of("query-side"),
                                Path.of("target", "shutdown-query-side.log"),
                                "384m",
                                environment,
                                List.of())
                        .awaitReady(Duration.ofMinutes(4))) {
            String admin = login(command, "admin", ADMIN_PASSWORD);
            HttpResponse<String> opened = send(
                    command,
                    "POST",
                    "/api/accounts",
                    admin,
                    "{\"username\":\"sasha\",\"displayName\":\"Sasha\",\"role\":\"candidate\",\"password\":\"sasha-password-1\"}");
            assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
            String candidate = login(command, "sasha", "sasha-password-1");
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> send(query, "GET", "/api/me", candidate, null).statusCode() == 200);
            String me = JSON.readTree(
                            send(query, "GET", "/api/me", candidate, null).body())
                    .get("accountId")
                    .asText();

            // Held open until the shutdown: each is a request that never ends by itself.
            List<InputStream> streams = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                HttpResponse<InputStream> stream = HTTP.send(
                        HttpRequest.newBuilder(
                                        URI.create(query.baseUrl() + "/api/candidates/" + me + "/profile/stream"))
                                .header("Authorization", "Bearer " + candidate)
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                assertThat(stream.statusCode()).isEqualTo(200);
                BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
                assertThat(lines.readLine()).as("stream " + i + " is open").startsWith("event:");
                streams.add(stream.body());
            }
            Optional<Duration> stopped;
            try (Socket keptAlive = new Socket("127.0.0.1", query.port())) {
                keptAlive.setSoTimeout(20_000);
                String request =
                        "GET /api/me HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + candidate + "\r\n\r\n";
                keptAlive.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
                assertThat(readResponse(keptAlive.getInputStream())).startsWith("HTTP/1.1 200");

                CompletableFuture<Optional<Duration>> terminating =
                        CompletableFuture.supplyAsync(() -> query.terminate(Duration.ofSeconds(25)));
                Thread.sleep(200);
                // A request on the connection kept alive from before, while the service shuts down: answered whole,
                // or refused by closing the connection (what a client retries elsewhere), never half an answer.
                try {
                    keptAlive.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
                    String during = readResponse(keptAlive.getInputStream());
                    assertThat(during)
                            .satisfiesAnyOf(
                                    answer -> assertThat(answer).isEmpty(),
                                    answer -> assertThat(answer).startsWith("HTTP/1.1 "));
                } catch (SocketException closed) {
                    // the connection was closed: refused cleanly
                }
                stopped = terminating.get();
            }
            assertThat(stopped).as("exited after SIGTERM; see " + query.log()).isPresent();
            assertThat(stopped.get()).as("time from SIGTERM to exit").isLessThan(Duration.ofSeconds(5));
            System.out.printf(
                    "Query side exited %d ms after SIGTERM with 2 live streams open%n",
                    stopped.get().toMillis());
            assertThat(Files.readString(query.log())).contains("Graceful shutdown complete");
        }
    }

    /** One HTTP response's head and body (by Content-Length, or chunked), or what came before the connection closed. */
    private static String readResponse(InputStream in) throws IOException {
        String text = readLine(in, "\r\n\r\n");
        int length = 0;
        boolean chunked = false;
        for (String line : text.split("\r\n")) {
            String lower = line.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            StringBuilder body = new StringBuilder();
            while (true) {
                String size = readLine(in, "\r\n").trim();
                assertThat(size)
                        .as("a chunk's size in " + text.lines().findFirst().orElse(""))
                        .isNotEmpty();
                int chunk = Integer.parseInt(size, 16);
                byte[] data = in.readNBytes(chunk + 2);
                assertThat(data).as("a whole chunk").hasSize(chunk + 2);
                if (chunk == 0) {
                    return text + body;
                }
                body.append(new String(data, 0, chunk, StandardCharsets.UTF_8));
            }
        }
        byte[] body = in.readNBytes(length);
        assertThat(body)
                .as("the whole body of " + text.lines().findFirst().orElse("an empty answer"))
                .hasSize(length);
        return text + new String(body, StandardCharsets.UTF_8);
    }

    /** Bytes up to and including {@code end}, or up to the end of the stream. */
    private static String readLine(InputStream in, String end) throws IOException {
        StringBuilder read = new StringBuilder();
        int next;
        while (!read.toString().endsWith(end) && (next = in.read()) != -1) {
            read.append((char) next);
        }
        return read.toString();
    }

    private static String login(ServiceJar command, String username, String password) throws IOException {
        HttpResponse<String> response = send(
                command,
                "POST",
                "/api/auth/token",
                null,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("accessToken").asText();
    }

    private static HttpResponse<String> send(
            ServiceJar service, String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
