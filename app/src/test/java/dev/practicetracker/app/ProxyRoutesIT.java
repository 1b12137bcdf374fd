package dev.practicetracker.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.practicetracker.database.TestDatabases;
import dev.practicetracker.testing.ServiceJar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker-compose's one URL without Docker: {@code proxy/nginx.conf} as it is, its two upstreams pointed at the two
 * services' jars on this machine. Changes reach the command side, reads, pages and live updates the query side.
 */
class ProxyRoutesIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<Process> processes = new ArrayList<>();

    @TempDir
    static Path work;

    private static int proxyPort;

    @BeforeAll
    static void start() throws Exception {
        String nginx = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
        assertThat(nginx.startsWith("/") || onPath("nginx"))
                .as("nginx is needed (Debian: apt-get install nginx; .ci/run installs it)")
                .isTrue();
        String database = TestDatabases.createDatabase();
        int commandPort = freePort();
        int queryPort = freePort();
        proxyPort = freePort();
        awaitReady(service("command-side", commandPort, database), commandPort);
        awaitReady(service("query-side", queryPort, database), queryPort);

        String config = Files.readString(ROOT.resolve("proxy/nginx.conf"))
                .replace("server command-side:8081;", "server 127.0.0.1:" + commandPort + ";")
                .replace("server query-side:8082;", "server 127.0.0.1:" + queryPort + ";")
                .replace("listen 8080;", "listen 127.0.0.1:" + proxyPort + ";")
                .replace("/tmp/", work.toString() + "/")
                // Workers as the test's own user, so they may write their buffers into the test's directory.
                .replace("worker_processes 1;", "worker_processes 1;\nuser " + System.getProperty("user.name") + ";");
        Path file = work.resolve("nginx.conf");
        Files.writeString(file, config);
        processes.add(new ProcessBuilder(nginx, "-c", file.toString(), "-g", "daemon off;")
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "proxy-nginx.log").toFile())
                .start());
        await().atMost(Duration.ofSeconds(30))
                .ignoreException(NullPointerException.class)
                .until(() -> send(HttpRequest.newBuilder(uri("/api-docs/command-side")))
                                .statusCode()
                        == 200);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            process.destroy();
            process.waitFor(1, TimeUnit.MINUTES);
        }
    }

    @Test
    void changesGoToTheCommandSideAndReadsPagesAndLiveUpdatesToTheQuerySide() throws Exception {
        String admin = login("admin", "local-admin-password");
        HttpResponse<String> opened = post(
                "/api/accounts",
                admin,
                "{\"username\":\"robin\",\"displayName\":\"Robin\",\"role\":\"candidate\",\"password\":\"robin-password-1\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String candidate = login("robin", "robin-password-1");
        HttpResponse<String> started =
                post("/api/sessions", candidate, "{\"mode\":\"self\",\"themes\":[\"git\"],\"questionCount\":1}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String session = JSON.readTree(started.body()).get("sessionId").asText();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> get("/api/sessions/" + session, candidate).statusCode() == 200);
        assertThat(get("/", null).body()).contains("<html");

        // The query side's own commands: the command side would refuse a path no rule of its names.
        HttpResponse<String> retried = post("/api/admin/dead-letters/retry", admin, "");
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);

        String me =
                JSON.readTree(get("/api/me", candidate).body()).get("accountId").asText();
        HttpResponse<java.io.InputStream> stream = HTTP.send(
                HttpRequest.newBuilder(uri("/api/candidates/" + me + "/profile/stream"))
                        .header("Authorization", "Bearer " + candidate)
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertThat(lines.readLine())
                    .as("the first event arrives unbuffered")
                    .startsWith("event:");
        }
    }

    private static Process service(String module, int port, String database) throws IOException {
        Path jar = ServiceJar.of(module);
        Process process = new ProcessBuilder(
                        "java", "-jar", jar.toString(), "--server.port=" + port, "--spring.datasource.url=" + database)
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "proxy-" + module + ".log").toFile())
                .start();
        processes.add(process);
        return process;
    }

    private static void awaitReady(Process process, int port) {
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreException(NullPointerException.class)
                .until(() -> {
                    assertThat(process.isAlive())
                            .as("a service exited; see target/proxy-*.log")
                            .isTrue();
                    return send(HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")))
                                    .statusCode()
                            == 200;
                });
    }

    private static String login(String username, String password) throws IOException {
        HttpResponse<String> response =
                post("/api/auth/token", null, "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("accessToken").asText();
    }

    private static HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private static HttpResponse<String> post(String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + proxyPort + path);
    }

    private static boolean onPath(String tool) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(directory, tool))) {
                return true;
            }
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
