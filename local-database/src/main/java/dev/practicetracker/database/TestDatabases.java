package dev.practicetracker.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Fresh, empty databases for tests, on a real PostgreSQL: the server named by {@code TRACKER_TEST_DATABASE_URL}
 * (a JDBC URL of any database on it, with a user allowed to create databases), or else one embedded server started
 * for the test JVM. Each call gives a new database, so tests never see each other's events.
 */
public final class TestDatabases {

    public static final String VARIABLE = "TRACKER_TEST_DATABASE_URL";

    private static EmbeddedDatabase embedded;
    private static final List<String> created = new ArrayList<>();
    private static boolean cleanupRegistered;

    private TestDatabases() {}

    /** Creates a new database and returns its JDBC URL, credentials included. */
    public static synchronized String createDatabase() {
        String server = serverUrl();
        String name =
                "tracker_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection connection = DriverManager.getConnection(server);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a test database on " + redact(server), e);
        }
        if (embedded == null) {
            rememberForCleanup(server, name);
        }
        return withDatabase(server, name);
    }

    /** Databases on a shared server are dropped when the test JVM ends, so repeated runs leave nothing behind. */
    private static void rememberForCleanup(String server, String name) {
        created.add(name);
        if (!cleanupRegistered) {
            cleanupRegistered = true;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropAll(server), "test-database-cleanup"));
        }
    }

    private static synchronized void dropAll(String server) {
        try (Connection connection = DriverManager.getConnection(server);
                Statement statement = connection.createStatement()) {
            for (String name : created) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("Could not drop test databases " + created + ": " + e.getMessage());
        }
    }

    private static String serverUrl() {
        String given = System.getenv(VARIABLE);
        if (given != null && !given.isBlank()) {
            return toJdbcWithCredentials(given);
        }
        if (embedded == null) {
            embedded = EmbeddedDatabase.startTemporary();
            EmbeddedDatabase started = embedded;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "embedded-postgres-stop"));
        }
        return embedded.jdbcUrl("postgres");
    }

    private static String toJdbcWithCredentials(String given) {
        DatabaseUrl url = DatabaseUrl.parse(given);
        if (url.username() == null) {
            return url.jdbcUrl();
        }
        String separator = url.jdbcUrl().contains("?") ? "&" : "?";
        String password = url.password() == null ? "" : "&password=" + url.password();
        return url.jdbcUrl() + separator + "user=" + url.username() + password;
    }

    static String withDatabase(String serverUrl, String database) {
        int query = serverUrl.indexOf('?');
        String base = query < 0 ? serverUrl : serverUrl.substring(0, query);
        String params = query < 0 ? "" : serverUrl.substring(query);
        int slash = base.lastIndexOf('/');
        return base.substring(0, slash + 1) + database + params;
    }

    private static String redact(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
