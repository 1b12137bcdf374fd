package dev.practicetracker.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.practicetracker.database.TestDatabases;
import dev.practicetracker.testing.Nginx;
import dev.practicetracker.testing.ServiceJar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker-compose's one URL without Docker: {@code proxy/nginx.conf} as it is, its two upstreams pointed at the two
 * services' jars on this machine, started with compose's settings. Changes reach the command side, reads, pages and
 * live updates the query side. As in compose, the client's address differs from the proxy's: the test's clients
 * connect from other loopback addresses than 127.0.0.1, the one nginx reaches the services from.
 */
class ProxyRoutesIT {

    private static final String ADMIN_PASSWORD = "proxy-test-admin-password";
    private static final String PROXY_ADDRESS = "127.0.0.1";
    /** Each client's failures are counted from their first; see LoginProperties. */
    private static final int MAX_FAILURES_PER_CLIENT = 20;

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<Process> processes = new ArrayList<>();
    private static final List<Nginx> proxies = new ArrayList<>();

    @TempDir
    static Path work;

    private static int proxyPort;
    private static int commandPort;

    @BeforeAll
    static void start() throws Exception {
        assertThat(Files.isExecutable(Path.of("/usr/sbin/nginx")) || onPath("nginx"))
                .as("nginx is needed (Debian: apt-get install nginx; .ci/run installs it)")
                .isTrue();
        String database = TestDatabases.createDatabase();
        commandPort = freePort();
        int queryPort = freePort();
        awaitReady(service("command-side", commandPort, database), commandPort);
        awaitReady(service("query-side", queryPort, database), queryPort);

        Nginx proxy = Nginx.start(
                ROOT.resolve("proxy/nginx.conf"),
                work,
                Path.of("target", "proxy-nginx.log"),
                Map.of("command-side:8081", List.of(commandPort), "query-side:8082", List.of(queryPort)));
        proxies.add(proxy);
        proxyPort = proxy.port();
        await().atMost(Duration.ofSeconds(30))
                .ignoreException(NullPointerException.class)
                .until(() -> send(HttpRequest.newBuilder(uri("/api-docs/command-side")))
                                .statusCode()
                        == 200);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        proxies.forEach(Nginx::close);
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            process.destroy();
            process.waitFor(1, TimeUnit.MINUTES);
        }
    }

    @Test
    void failedLoginsThroughTheProxyCountAgainstTheClientWhateverForwardedForItSends() throws IOException {
        for (int i = 1; i <= MAX_FAILURES_PER_CLIENT; i++) {
            // A name of its own each time, so that only the per-client limit can be reached.
            int status = failedLogin("127.0.0.2", proxyPort, "spoofer-" + i, "203.0.113." + i);
            assertThat(status).as("attempt " + i).isEqualTo(401);
        }

        assertThat(failedLogin("127.0.0.2", proxyPort, "spoofer-last", "198.51.100.7"))
                .as("the client that sent all of them is refused, whatever address it claims")
                .isEqualTo(429);
        assertThat(failedLogin("127.0.0.4", proxyPort, "someone-else", "127.0.0.2"))
                .as("another client is not")
                .isEqualTo(401);
    }

    @Test
    void aCallerOtherThanTheProxyCannotNameItsAddress() throws IOException {
        for (int i = 1; i <= MAX_FAILURES_PER_CLIENT; i++) {
            int status = failedLogin("127.0.0.3", commandPort, "direct-" + i, "203.0.113." + i);
            assertThat(status).as("attempt " + i).isEqualTo(401);
        }

        assertThat(failedLogin("127.0.0.3", commandPort, "direct-last", "198.51.100.7"))
                .isEqualTo(429);
    }

    @Test
    void aForgedHostDoesNotReachEitherApiDescription() throws IOException {
        for (String description : List.of("/api-docs/command-side", "/api-docs/query-side")) {
            String forged = exchange(
                    "127.0.0.2",
                    proxyPort,
                    "GET " + description + " HTTP/1.1\r\n" + "Host: evil.example\r\n" + "Connection: close\r\n\r\n");
            assertThat(forged).as(description).startsWith("HTTP/1.1 200");
            String body = forged.substring(forged.indexOf("\r\n\r\n") + 4);
            assertThat(body).as(description).doesNotContain("evil.example");
            assertThat(JSON.readTree(get(description, null).body())
                            .at("/servers/0/url")
                            .asText())
                    .isEqualTo("/");
        }
    }

    @Test
    void changesGoToTheCommandSideAndReadsPagesAndLiveUpdatesToTheQuerySide() throws Exception {
        String admin = login("admin", ADMIN_PASSWORD);
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

    /** Started as docker-compose.yml starts it, with the test's own secrets and the proxy's address here. */
    private static Process service(String module, int port, String database) throws IOException {
        Path jar = ServiceJar.of(module);
        ProcessBuilder builder = new ProcessBuilder(
                        "java", "-jar", jar.toString(), "--server.port=" + port, "--spring.datasource.url=" + database)
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "proxy-" + module + ".log").toFile());
        Map<String, String> environment = builder.environment();
        environment.put("SPRING_PROFILES_ACTIVE", "production");
        environment.put("SERVER_FORWARDHEADERSSTRATEGY", "native");
        environment.put("SERVER_TOMCAT_REMOTEIP_INTERNALPROXIES", PROXY_ADDRESS.replace(".", "\\."));
        environment.put("TRACKER_TOKEN_SECRET", "proxy-test-token-secret-proxy-test-token-secret");
        environment.put("TRACKER_PERSONAL_DATA_KEY", "bG9jYWwtdGVzdC1rZXktMzItYnl0ZXMtbG9uZyEhISE=");
        environment.put("TRACKER_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    /** A login with a wrong password, sent from the given local address with the given X-Forwarded-For: its status. */
    private static int failedLogin(String from, int port, String username, String forwardedFor) throws IOException {
        String body = "{\"username\":\"" + username + "\",\"password\":\"wrong-password\"}";
        String request = "POST /api/auth/token HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "X-Forwarded-For: " + forwardedFor + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n"
                + "Connection: close\r\n\r\n"
                + body;
        return Integer.parseInt(exchange(from, port, request).split(" ")[1]);
    }

    /**
     * One request as written, from the given local address, over a socket of its own: the JDK's HTTP client can neither
     * choose its local address nor send a Host header of the caller's. Answers the whole response.
     */
    private static String exchange(String from, int port, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
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
