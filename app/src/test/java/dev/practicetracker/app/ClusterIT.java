package dev.practicetracker.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.practicetracker.database.TestDatabases;
import dev.practicetracker.testing.Nginx;
import dev.practicetracker.testing.ServiceJar;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scaled-out deployment as compose runs it, without Docker: two command-side and two query-side nodes (the
 * packaged jars) on one PostgreSQL behind {@code proxy/nginx.conf}. Each session's commands reach one command node;
 * under load one command node and one query node are killed with SIGKILL, and every answer a client was told was
 * stored is in the event store once, the read model holds each once, the surviving query node has taken over the
 * killed one's segments and streams live updates for every candidate; restarted, the nodes share the work again, and
 * the read models equal a clean rebuild. Failed logins count together on both command nodes.
 */
class ClusterIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ADMIN_PASSWORD = "cluster-test-admin-password";
    private static final int CANDIDATES = 16;
    private static final int QUESTIONS = 6;
    /** The documented times (docs/operations.md, scaling out): a killed node's segments taken over, a node's share. */
    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(45);

    private static final Duration JOIN_LIMIT = Duration.ofSeconds(30);

    @TempDir
    static Path work;

    private static String database;
    private static final List<ServiceJar> commandNodes = new ArrayList<>();
    private static final List<ServiceJar> queryNodes = new ArrayList<>();
    private static Nginx proxy;

    @BeforeAll
    static void startTwoNodesOfEachSideBehindTheProxy() throws Exception {
        database = TestDatabases.createDatabase();
        // The first command node migrates the database and loads the catalogue; the others start on it.
        commandNodes.add(node("command-side", "command-1").awaitReady(Duration.ofMinutes(4)));
        commandNodes.add(node("command-side", "command-2"));
        queryNodes.add(node("query-side", "query-1"));
        queryNodes.add(node("query-side", "query-2"));
        for (ServiceJar node : List.of(commandNodes.get(1), queryNodes.get(0), queryNodes.get(1))) {
            node.awaitReady(Duration.ofMinutes(4));
        }
        proxy = Nginx.start(
                ROOT.resolve("proxy/nginx.conf"),
                work,
                Path.of("target", "cluster-nginx.log"),
                Map.of(
                        "command-side:8081",
                                commandNodes.stream().map(ServiceJar::port).toList(),
                        "query-side:8082",
                                queryNodes.stream().map(ServiceJar::port).toList()));
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() ->
                        send("GET", "/api-docs/command-side", null, null, null).statusCode() == 200);
    }

    @AfterAll
    static void stopEverything() {
        if (proxy != null) {
            proxy.close();
        }
        queryNodes.forEach(ServiceJar::close);
        commandNodes.forEach(ServiceJar::close);
    }

    @Test
    void eachSessionGoesToOneCommandNodeAndKillingANodeOfEachSideUnderLoadLosesNothingAcknowledged() throws Exception {
        String admin = login("admin", ADMIN_PASSWORD);
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < CANDIDATES; i++) {
            String username =
                    "cluster-" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
            HttpResponse<String> opened = send(
                    "POST",
                    "/api/accounts",
                    admin,
                    null,
                    JSON.writeValueAsString(Map.of(
                            "username",
                            username,
                            "displayName",
                            "Candidate " + i,
                            "role",
                            "candidate",
                            "password",
                            "cluster-password-" + i)));
            assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
            String token = login(username, "cluster-password-" + i);
            HttpResponse<String> started = send(
                    "POST",
                    "/api/sessions",
                    token,
                    null,
                    "{\"mode\":\"self\",\"themes\":[\"databases\",\"git\",\"security\"],\"questionCount\":" + QUESTIONS
                            + "}");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
            JsonNode session = JSON.readTree(started.body());
            List<String> questions = new ArrayList<>();
            session.get("questions")
                    .forEach(q -> questions.add(q.get("questionId").asText()));
            sessions.add(new Session(session.get("sessionId").asText(), token, questions));
        }

        // Each session's first two answers, one session at a time: all of a session's reach one node.
        Map<Integer, Integer> sessionsPerNode = new HashMap<>();
        for (Session session : sessions) {
            List<Long> before = answersServedPerNode();
            for (int q = 0; q < 2; q++) {
                assertThat(answer(session, q, UUID.randomUUID().toString())).isEqualTo(201);
            }
            List<Long> after = answersServedPerNode();
            List<Long> served = List.of(after.get(0) - before.get(0), after.get(1) - before.get(1));
            assertThat(served)
                    .as("answers of " + session.id() + " per command node")
                    .containsExactlyInAnyOrder(2L, 0L);
            sessionsPerNode.merge(served.get(0) == 2 ? 0 : 1, 1, Integer::sum);
        }
        assertThat(sessionsPerNode)
                .as("sessions spread over both command nodes")
                .containsKeys(0, 1);
        System.out.println("Sessions per command node: " + sessionsPerNode);

        // The rest under load, as clients that retry with the same Idempotency-Key after a failure; one node of each
        // side is killed once the load is under way.
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (Session session : sessions) {
            done.add(clients.submit(() -> {
                for (int q = 2; q < QUESTIONS; q++) {
                    String key = UUID.randomUUID().toString();
                    for (int attempt = 0; attempt < 30; attempt++) {
                        sent.incrementAndGet();
                        int status = answer(session, q, key);
                        if (status == 201) {
                            acknowledged.add(
                                    session.id() + "/" + session.questions().get(q));
                            break;
                        }
                        pause(300);
                    }
                }
                return null;
            }));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 8);
        commandNodes.get(0).kill();
        ServiceJar killedQuery = busiestQueryNode();
        killedQuery.kill();
        long killedAt = System.nanoTime();
        ServiceJar remaining = queryNodes.get(0) == killedQuery ? queryNodes.get(1) : queryNodes.get(0);
        await().atMost(TAKEOVER_LIMIT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> owners().keySet().equals(Set.of(nameOf(remaining))));
        System.out.printf(
                "The surviving query node held every segment %.1f s after the other was killed%n",
                (System.nanoTime() - killedAt) / 1e9);
        for (Future<?> client : done) {
            client.get();
        }
        clients.shutdown();
        System.out.printf(
                "Answers acknowledged under load: %d of %d, in %d requests (retries included)%n",
                acknowledged.size(), CANDIDATES * (QUESTIONS - 2), sent.get());

        assertThat(acknowledged).as("every answer stored in the end").hasSize(CANDIDATES * (QUESTIONS - 2));
        try (Connection connection = DriverManager.getConnection(database);
                Statement statement = connection.createStatement()) {
            Map<String, Long> stored = counts(
                    statement,
                    "SELECT aggregate_identifier || '/' || (convert_from(payload, 'UTF8')::jsonb ->> 'questionId'),"
                            + " count(*) FROM domain_event_entry WHERE payload_type LIKE '%QuestionAnsweredEvent'"
                            + " GROUP BY 1");
            assertThat(stored.keySet())
                    .as("every acknowledged answer is stored")
                    .containsAll(acknowledged);
            assertThat(stored.values()).as("each once").allMatch(count -> count == 1);
            assertThat(stored).hasSize(CANDIDATES * QUESTIONS);

            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        Map<String, Long> owners = counts(
                                statement,
                                "SELECT owner, count(*) FROM token_entry WHERE processor_name = 'read-models' GROUP BY owner");
                        long applied = single(statement, "SELECT count(*) FROM qs_answer");
                        return owners.keySet().equals(Set.of(nameOf(remaining))) && applied == CANDIDATES * QUESTIONS;
                    });
            assertThat(single(
                            statement,
                            "SELECT count(*) FROM (SELECT session_id, question_id FROM qs_answer"
                                    + " GROUP BY session_id, question_id HAVING count(*) > 1) twice"))
                    .as("no answer applied twice")
                    .isZero();
        }
        Session any = sessions.get(0);
        HttpResponse<String> read = send("GET", "/api/sessions/" + any.id(), any.token(), null, null);
        assertThat(read.statusCode()).as("reads still served through the proxy").isEqualTo(200);
        assertThat(JSON.readTree(read.body()).get("questions")).hasSize(QUESTIONS);

        // Live updates on the surviving query node, for every candidate: those whose segments the killed node had too.
        ServiceJar survivor = queryNodes.get(0) == killedQuery ? queryNodes.get(1) : queryNodes.get(0);
        List<LiveStream> streams = new ArrayList<>();
        for (Session session : sessions) {
            streams.add(LiveStream.open(survivor.baseUrl(), session));
        }
        for (Session session : sessions) {
            assertThat(rate(session, 0)).as("self-rating of " + session.id()).isEqualTo(201);
        }
        for (LiveStream stream : streams) {
            assertThat(stream.updateAfterTheFirst(Duration.ofSeconds(30)))
                    .as("a live update on the surviving node for "
                            + stream.session().id())
                    .isTrue();
            stream.close();
        }

        // Both killed nodes restarted, as an orchestrator would: the query nodes share the segments again, and the
        // restarted command node gets its sessions back from the proxy.
        long restartedAt = System.nanoTime();
        commandNodes.set(0, commandNodes.get(0).restart());
        int killedIndex = queryNodes.indexOf(killedQuery);
        queryNodes.set(killedIndex, killedQuery.restart());
        commandNodes.get(0).awaitReady(Duration.ofMinutes(4));
        queryNodes.get(killedIndex).awaitReady(Duration.ofMinutes(4));
        long readyAt = System.nanoTime();
        await().atMost(JOIN_LIMIT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> owners().equals(Map.of("query-1", 2L, "query-2", 2L)));
        System.out.printf(
                "Segments shared by both query nodes again %.1f s after the restarted one was ready"
                        + " (%.1f s after the restart began)%n",
                (System.nanoTime() - readyAt) / 1e9, (System.nanoTime() - restartedAt) / 1e9);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    for (Session session : sessions) {
                        rate(session, 1);
                    }
                    return sessionRequestsServed(commandNodes.get(0), "") > 0;
                });

        // The read models equal a clean rebuild from the event store.
        String before = readModelDigest();
        String admin2 = login("admin", ADMIN_PASSWORD);
        assertThat(send("POST", "/api/admin/rebuild", admin2, null, "{}").statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> JSON.readTree(send("GET", "/api/admin/rebuild", admin2, null, null)
                                .body())
                        .get("state")
                        .asText()
                        .equals("done"));
        assertThat(readModelDigest()).as("the read models after a rebuild").isEqualTo(before);
    }

    /** Every answer and rating in the read model, in a fixed order: what a rebuild must give again. */
    private static String readModelDigest() throws SQLException {
        try (Connection connection = DriverManager.getConnection(database);
                Statement statement = connection.createStatement()) {
            return counts(
                                    statement,
                                    "SELECT 'answers:' || count(*) || ':' || md5(string_agg(session_id || '/' || question_id || '/'"
                                            + " || answer, ',' ORDER BY session_id, question_id)), 0 FROM qs_answer")
                            .keySet()
                            .iterator()
                            .next()
                    + " "
                    + counts(
                                    statement,
                                    "SELECT 'ratings:' || count(*) || ':' || md5(string_agg(event_id || '/' || session_id || '/'"
                                            + " || question_id || '/' || rater_id || '/' || mean_score, ','"
                                            + " ORDER BY event_id)), 0 FROM qs_rating")
                            .keySet()
                            .iterator()
                            .next();
        }
    }

    private static int rate(Session session, int question) {
        try {
            return send(
                            "POST",
                            "/api/sessions/" + session.id() + "/answers/"
                                    + session.questions().get(question) + "/ratings",
                            session.token(),
                            UUID.randomUUID().toString(),
                            JSON.writeValueAsString(Map.of(
                                    "scores",
                                    Map.of(
                                            "clarity", 4,
                                            "reasoning", 3,
                                            "technical-depth", 3,
                                            "structure", 4,
                                            "impact", 3))))
                    .statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    /** A candidate's progress stream on one node: the events it sends, read as they come. */
    private record LiveStream(Session session, java.util.concurrent.BlockingQueue<String> events, Thread reader) {

        static LiveStream open(String baseUrl, Session session) throws Exception {
            String me = JSON.readTree(
                            send("GET", "/api/me", session.token(), null, null).body())
                    .get("accountId")
                    .asText();
            HttpResponse<java.io.InputStream> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/api/candidates/" + me + "/profile/stream"))
                            .header("Accept", "text/event-stream")
                            .header("Authorization", "Bearer " + session.token())
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            java.util.concurrent.BlockingQueue<String> events = new java.util.concurrent.LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (java.io.BufferedReader lines = new java.io.BufferedReader(
                        new java.io.InputStreamReader(response.body(), java.nio.charset.StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (line.startsWith("data:")) {
                            events.add(line);
                        }
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            reader.setDaemon(true);
            reader.start();
            return new LiveStream(session, events, reader);
        }

        /** Whether an update follows the state sent on connecting, within {@code limit}. */
        boolean updateAfterTheFirst(Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            int seen = 0;
            while (System.nanoTime() < deadline) {
                String event = events.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (event != null && ++seen >= 2) {
                    return true;
                }
            }
            return false;
        }

        void close() {
            reader.interrupt();
        }
    }

    @Test
    void failedLoginsOnEitherCommandNodeCountTogether() throws Exception {
        String username = "cluster-guessed-" + UUID.randomUUID().toString().substring(0, 6);
        String admin = login("admin", ADMIN_PASSWORD);
        assertThat(send(
                                "POST",
                                "/api/accounts",
                                admin,
                                null,
                                JSON.writeValueAsString(Map.of(
                                        "username", username,
                                        "displayName", "Guessed",
                                        "role", "candidate",
                                        "password", "the-right-password-1")))
                        .statusCode())
                .isEqualTo(201);
        // Five wrong passwords (the limit per username), alternating between the two nodes, straight to each.
        for (int i = 0; i < 5; i++) {
            assertThat(directLogin(commandNodes.get(i % 2), username, "wrong-password-" + i))
                    .as("guess " + (i + 1))
                    .isEqualTo(401);
        }
        assertThat(directLogin(commandNodes.get(0), username, "the-right-password-1"))
                .as("the sixth attempt, on the first node, even with the right password")
                .isEqualTo(429);
        assertThat(directLogin(commandNodes.get(1), username, "the-right-password-1"))
                .as("and on the second")
                .isEqualTo(429);
    }

    private static int directLogin(ServiceJar node, String username, String password) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/auth/token"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        JSON.writeValueAsString(Map.of("username", username, "password", password))))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private record Session(String id, String token, List<String> questions) {}

    private static ServiceJar node(String module, String name) throws IOException {
        Map<String, String> environment = new HashMap<>();
        environment.put("DATABASE_URL", database);
        environment.put("TRACKER_EMBEDDED_DATABASE", "false");
        environment.put("DATABASE_POOL_SIZE", "6");
        environment.put("TRACKER_NODE_ID", name);
        environment.put("TRACKER_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.put("TRACKER_SEGMENT_BALANCE_INTERVAL", "1s");
        Files.createDirectories(Path.of("target"));
        return ServiceJar.start(
                name,
                ServiceJar.of(module),
                Path.of("target", "cluster-" + name + ".log"),
                "320m",
                environment,
                List.of());
    }

    /** Segments of the live processor per owner. */
    private static Map<String, Long> owners() throws SQLException {
        try (Connection connection = DriverManager.getConnection(database);
                Statement statement = connection.createStatement()) {
            return counts(
                    statement,
                    "SELECT owner, count(*) FROM token_entry WHERE processor_name = 'read-models'"
                            + " AND owner IS NOT NULL GROUP BY owner");
        }
    }

    private static String nameOf(ServiceJar node) {
        return queryNodes.indexOf(node) == 0 ? "query-1" : "query-2";
    }

    /** The query node holding most of the processor's segments now (the one whose loss matters most). */
    private static ServiceJar busiestQueryNode() throws SQLException {
        try (Connection connection = DriverManager.getConnection(database);
                Statement statement = connection.createStatement()) {
            Map<String, Long> owners = counts(
                    statement,
                    "SELECT owner, count(*) FROM token_entry WHERE processor_name = 'read-models' GROUP BY owner");
            long first = owners.getOrDefault("query-1", 0L);
            long second = owners.getOrDefault("query-2", 0L);
            return first >= second ? queryNodes.get(0) : queryNodes.get(1);
        }
    }

    /** Answers to session questions each command node has served (201), from its own metrics. */
    private static List<Long> answersServedPerNode() throws Exception {
        List<Long> served = new ArrayList<>();
        for (ServiceJar node : commandNodes) {
            served.add(sessionRequestsServed(node, "status=\"201\""));
        }
        return served;
    }

    /**
     * Requests to a session's answers (and their ratings) a command node has answered since it started, counted from
     * its {@code http_server_requests} metric; {@code status} ({@code status="201"}) narrows it, empty counts all.
     */
    private static long sessionRequestsServed(ServiceJar node, String status) throws Exception {
        HttpResponse<String> metrics = HTTP.send(
                HttpRequest.newBuilder(URI.create(node.baseUrl() + "/actuator/prometheus"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        long count = 0;
        for (String line : metrics.body().lines().toList()) {
            if (line.startsWith("http_server_requests_seconds_count{")
                    && line.contains("uri=\"/api/sessions/{sessionId}/answers")
                    && line.contains(status)) {
                count += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return count;
    }

    private static int answer(Session session, int question, String key) {
        try {
            return send(
                            "POST",
                            "/api/sessions/" + session.id() + "/answers",
                            session.token(),
                            key,
                            JSON.writeValueAsString(Map.of(
                                    "questionId",
                                    session.questions().get(question),
                                    "answer",
                                    "An answer to question " + question,
                                    "timeSpentSeconds",
                                    60)))
                    .statusCode();
        } catch (IOException e) {
            return -1; // the connection failed: retried with the same key
        }
    }

    private static String login(String username, String password) throws IOException {
        HttpResponse<String> response = send(
                "POST",
                "/api/auth/token",
                null,
                null,
                JSON.writeValueAsString(Map.of("username", username, "password", password)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("accessToken").asText();
    }

    private static HttpResponse<String> send(String method, String path, String token, String key, String json)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(proxy.baseUrl() + path))
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
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static Map<String, Long> counts(Statement statement, String sql) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
