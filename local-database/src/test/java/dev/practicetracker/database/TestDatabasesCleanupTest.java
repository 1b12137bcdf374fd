package dev.practicetracker.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A test JVM leaves no database behind on the server: one that creates a database and still has a connection open
 * to it when it exits (as a cached Spring context or a started service does) takes the database with it.
 */
class TestDatabasesCleanupTest {

    @Test
    void aTestJvmDropsItsDatabasesWhenItEnds() throws Exception {
        String ours = TestDatabases.createDatabase();
        String server = TestDatabases.withDatabase(ours, "postgres");

        String childs = runChild(server);

        assertThat(childs).contains("/tracker_test_");
        String name = childs.substring(childs.lastIndexOf('/') + 1, childs.indexOf('?'));
        assertThat(exists(server, name)).as(name + " after its JVM ended").isFalse();
    }

    /** Creates a database in a JVM of its own, keeps a connection to it, and exits; returns the database's URL. */
    private static String runChild(String server) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Child.class.getName())
                .redirectErrorStream(true);
        // The same server as this JVM's, given or embedded, so this test can look for the child's database.
        builder.environment().put(TestDatabases.VARIABLE, server);
        Process child = builder.start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        return output.lines()
                .filter(line -> line.startsWith("jdbc:"))
                .findFirst()
                .orElse(output);
    }

    private static boolean exists(String server, String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server);
                PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** The child JVM: its server comes from the parent, as every forked test JVM's does. */
    static final class Child {
        public static void main(String[] arguments) throws SQLException {
            String url = TestDatabases.createDatabase();
            Connection stillOpen = DriverManager.getConnection(url);
            System.out.println(url);
            System.out.println("connected: " + stillOpen.isValid(5));
        }
    }
}
