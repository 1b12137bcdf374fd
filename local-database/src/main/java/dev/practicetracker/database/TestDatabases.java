package dev.practicetracker.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.lang.Nullable;

/**
 * Fresh, empty databases for tests, on a real PostgreSQL: the server named by {@code TRACKER_TEST_DATABASE_URL}
 * (a JDBC URL of any database on it, with a user allowed to create databases), or else one embedded server started
 * for the test JVM. Each call gives a new database, so tests never see each other's events.
 */
public final class TestDatabases {

    public static final String VARIABLE = "TRACKER_TEST_DATABASE_URL";

    private static @Nullable EmbeddedDatabase embedded;
    private static final List<String> created = new ArrayList<>();
    private static boolean cleanupRegistered;
    /**
     * Kept open from the first database to the end of the JVM: at the end the test contexts' pools may still hold
     * every connection the server allows, and a cleanup that had to open a connection then was refused ("too many
     * clients") and left its databases behind.
     */
    private static @Nullable Connection admin;

    private TestDatabases() {}

    /** Creates a new database and returns its JDBC URL, credentials included. */
    public static synchronized String createDatabase() {
        String server = serverUrl();
        String name =
                "tracker_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Statement statement = admin(server).createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a test database on " + redact(server), e);
        }
        if (embedded == null) {
            rememberForCleanup(server, name);
        }
        return withDatabase(server, name);
    }

    /**
     * Databases on a shared server are dropped when the test JVM ends, so repeated runs leave nothing behind; FORCE
     * ends the connections of the contexts and service processes still using them.
     */
    private static void rememberForCleanup(String server, String name) {
        created.add(name);
        if (!cleanupRegistered) {
            cleanupRegistered = true;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropAll(server), "test-database-cleanup"));
        }
    }

    private static synchronized void dropAll(String server) {
        List<String> failed = new ArrayList<>();
        for (String name : created) {
            if (!drop(server, name)) {
                failed.add(name);
            }
        }
        if (!failed.isEmpty()) {
            System.err.println("Could not drop test databases " + failed + " on " + redact(server));
        }
    }

    /** Drops one database, reconnecting for a few seconds if the kept connection was lost. */
    private static boolean drop(String server, String name) {
        for (int attempt = 1; attempt <= 20; attempt++) {
            try (Statement statement = admin(server).createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                return true;
            } catch (SQLException e) {
                closeAdmin();
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    private static Connection admin(String server) throws SQLException {
        if (admin == null || !admin.isValid(5)) {
            closeAdmin();
            admin = DriverManager.getConnection(server);
        }
        return admin;
    }

    private static void closeAdmin() {
        if (admin != null) {
            try {
                admin.close();
            } catch (SQLException e) {
                // already broken: a new one is opened on the next use
            }
            admin = null;
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
