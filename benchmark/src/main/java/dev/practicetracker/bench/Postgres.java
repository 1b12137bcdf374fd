package dev.practicetracker.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/** The machine's PostgreSQL server: databases of the benchmark's own, pgbench against them, and a few queries. */
final class Postgres {

    /** The event table's shape and V1's statement-level NOTIFY trigger, as the product's first migration wrote them. */
    static final String EVENT_TABLE = """
            CREATE TABLE domain_event_entry (
                global_index BIGSERIAL NOT NULL, aggregate_identifier VARCHAR(255) NOT NULL,
                sequence_number BIGINT NOT NULL, type VARCHAR(255), event_identifier VARCHAR(255) NOT NULL,
                meta_data BYTEA, payload BYTEA NOT NULL, payload_revision VARCHAR(255),
                payload_type VARCHAR(255) NOT NULL, time_stamp VARCHAR(255) NOT NULL,
                PRIMARY KEY (global_index), UNIQUE (aggregate_identifier, sequence_number), UNIQUE (event_identifier))
            """;

    static final String NOTIFY_TRIGGER = """
            CREATE OR REPLACE FUNCTION bench_notify_events_appended() RETURNS trigger AS $$
            BEGIN
                PERFORM pg_notify('tracker_events_appended', '');
                RETURN NULL;
            END;
            $$ LANGUAGE plpgsql;
            CREATE TRIGGER bench_events_appended AFTER INSERT ON domain_event_entry
                FOR EACH STATEMENT EXECUTE FUNCTION bench_notify_events_appended();
            """;

    private final String serverUrl;
    private final String host;
    private final int port;
    private final Map<String, String> parameters;
    private final List<String> created = new CopyOnWriteArrayList<>();

    /** {@code jdbcUrl}: any database of the server, as a user who may create databases. */
    Postgres(String jdbcUrl) {
        this.serverUrl = jdbcUrl;
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        this.host = uri.getHost() == null ? "localhost" : uri.getHost();
        this.port = uri.getPort() < 0 ? 5432 : uri.getPort();
        this.parameters = new HashMap<>();
        if (uri.getQuery() != null) {
            for (String pair : uri.getQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    parameters.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
    }

    String version() throws SQLException {
        return queryString(serverUrl, "SHOW server_version");
    }

    /** A new, empty database of the benchmark's, dropped by {@link #dropAll()}; answers its JDBC URL. */
    String createDatabase(String suffix) throws SQLException {
        String name = "bench_" + ProcessHandle.current().pid() + "_" + suffix;
        try (Connection connection = DriverManager.getConnection(serverUrl);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        }
        created.add(name);
        return urlOf(name);
    }

    String urlOf(String database) {
        StringBuilder url = new StringBuilder("jdbc:postgresql://" + host + ":" + port + "/" + database);
        String separator = "?";
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            url.append(separator).append(parameter.getKey()).append('=').append(parameter.getValue());
            separator = "&";
        }
        return url.toString();
    }

    /** Drops every database this run created, also with sessions still open on it (Ctrl-C mid-phase). */
    void dropAll() {
        for (String name : created) {
            try (Connection connection = DriverManager.getConnection(serverUrl);
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                created.remove(name);
            } catch (SQLException e) {
                System.err.println("Could not drop database " + name + ": " + e.getMessage());
            }
        }
    }

    /** Drops one database this run created. */
    void drop(String url) {
        String name = url.substring(url.lastIndexOf('/') + 1).split("\\?")[0];
        try (Connection connection = DriverManager.getConnection(serverUrl);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            created.remove(name);
        } catch (SQLException e) {
            System.err.println("Could not drop database " + name + ": " + e.getMessage());
        }
    }

    /** Copies the event table of one database into the (empty) one of another, in order. */
    static void copyEvents(String from, String to) throws SQLException, IOException {
        try (Connection source = DriverManager.getConnection(from);
                Connection target = DriverManager.getConnection(to)) {
            java.io.ByteArrayOutputStream rows = new java.io.ByteArrayOutputStream();
            new CopyManager(source.unwrap(BaseConnection.class))
                    .copyOut(
                            "COPY (SELECT * FROM domain_event_entry ORDER BY global_index) TO STDOUT (FORMAT binary)",
                            rows);
            new CopyManager(target.unwrap(BaseConnection.class))
                    .copyIn(
                            "COPY domain_event_entry FROM STDIN (FORMAT binary)",
                            new java.io.ByteArrayInputStream(rows.toByteArray()));
            try (Statement statement = target.createStatement()) {
                statement.execute("SELECT setval(pg_get_serial_sequence('domain_event_entry', 'global_index'),"
                        + " (SELECT max(global_index) FROM domain_event_entry))");
            }
        }
    }

    static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static long queryLong(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static String queryString(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** Whether the event table still carries a NOTIFY trigger (V1's, or the one the benchmark puts back). */
    static boolean hasNotifyTrigger(String url) throws SQLException {
        return queryLong(
                        url,
                        "SELECT count(*) FROM pg_trigger WHERE tgrelid = 'domain_event_entry'::regclass AND NOT tgisinternal")
                > 0;
    }

    /**
     * pgbench's transactions per second for single-row inserts into the event table of {@code url}, with the payload
     * size of a typical event, at {@code clients} connections for {@code seconds}.
     */
    double pgbenchInserts(String url, Path workDir, int clients, int seconds) throws IOException, InterruptedException {
        Path script = workDir.resolve("insert-event.sql");
        String payload = "{\"sessionId\":\"s\",\"candidateId\":\"c\",\"questionId\":\"q\",\"theme\":\"databases\","
                + "\"scores\":{\"clarity\":4,\"reasoning\":3,\"technical-depth\":3,\"structure\":4,\"impact\":2},"
                + "\"raterId\":\"c\",\"raterRole\":\"self\",\"comment\":\"Benchmark rating of a measured answer.\","
                + "\"ratedAt\":\"2026-12-01T12:00:00Z\"}";
        Files.writeString(script, """
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                  payload, payload_revision, payload_type, time_stamp)
                VALUES (gen_random_uuid()::text, 0, 'PracticeSession', gen_random_uuid()::text, convert_to('{}', 'UTF8'),
                  convert_to('%s', 'UTF8'), '1', 'dev.practicetracker.events.session.AnswerRatedEvent', now()::text);
                """.formatted(payload), StandardCharsets.UTF_8);
        String database = url.substring(url.lastIndexOf('/') + 1).split("\\?")[0];
        List<String> command = new ArrayList<>(List.of(
                "pgbench",
                "-n",
                "-h",
                host,
                "-p",
                String.valueOf(port),
                "-c",
                String.valueOf(clients),
                "-j",
                String.valueOf(Math.min(clients, Runtime.getRuntime().availableProcessors())),
                "-T",
                String.valueOf(seconds),
                "-f",
                script.toString()));
        if (parameters.containsKey("user")) {
            command.addAll(List.of("-U", parameters.get("user")));
        }
        command.add(database);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (parameters.containsKey("password")) {
            builder.environment().put("PGPASSWORD", parameters.get("password"));
        }
        Process pgbench = builder.start();
        String output = new String(pgbench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (pgbench.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("no tps in pgbench's output:\n" + output);
        }
        return Double.parseDouble(tps.group(1));
    }

    /**
     * Grows the store to about {@code target} events by copying the practice sessions recorded so far under new
     * session and candidate ids, each copy in its original order, as if more candidates had practised the same way.
     */
    static long amplify(String url, long target) throws SQLException {
        long sessionEvents = queryLong(url, "SELECT count(*) FROM domain_event_entry WHERE type = 'PracticeSession'");
        long now = queryLong(url, "SELECT count(*) FROM domain_event_entry");
        long copies = sessionEvents == 0 ? 0 : Math.max(0, (target - now) / sessionEvents);
        for (long copy = 1; copy <= copies; copy++) {
            execute(url, String.format(Locale.ROOT, """
                            INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                              meta_data, payload, payload_revision, payload_type, time_stamp)
                            SELECT aggregate_identifier || '-x%1$d', sequence_number, type, gen_random_uuid()::text,
                              meta_data,
                              convert_to(replace(replace(convert_from(payload, 'UTF8'), aggregate_identifier,
                                aggregate_identifier || '-x%1$d'), '"bench-c', '"bench-x%1$d-c'), 'UTF8'),
                              payload_revision, payload_type, time_stamp
                            FROM domain_event_entry WHERE type = 'PracticeSession' AND aggregate_identifier NOT LIKE '%%-x%%'
                            ORDER BY global_index
                            """, copy));
        }
        return queryLong(url, "SELECT count(*) FROM domain_event_entry");
    }

    /**
     * The lowest position any streaming processor's segment has reached in the event store, read from the token
     * table (JSON tokens carry their {@code index}; a segment without one is at the start); -1 while no processor has
     * created its tokens.
     */
    static long lowestTokenIndex(String url) throws SQLException {
        Pattern index = Pattern.compile("\"index\"\\s*:\\s*(\\d+)");
        long lowest = Long.MAX_VALUE;
        int rowsSeen = 0;
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT token FROM token_entry")) {
            while (rows.next()) {
                rowsSeen++;
                byte[] token = rows.getBytes(1);
                Matcher matcher = index.matcher(token == null ? "" : new String(token, StandardCharsets.UTF_8));
                // A segment claimed but not yet past its first batch has no position yet: the store's start.
                lowest = Math.min(lowest, matcher.find() ? Long.parseLong(matcher.group(1)) : 0);
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return -1;
            }
            throw e;
        }
        return rowsSeen == 0 ? -1 : lowest;
    }
}
