package dev.practicetracker.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./run cluster}, the README's one command for the scaled-out shape on a laptop: two nodes of each side behind
 * the proxy on the embedded PostgreSQL, the processor's segments shared by the two query nodes, and Ctrl-C's signal
 * stopping all of it.
 */
class RunClusterIT {

    @TempDir
    Path data;

    @Test
    void startsTwoNodesOfEachSideBehindTheProxyThatShareTheSegmentsAndStopsThemAll() throws Exception {
        int databasePort = TrackerProcess.freePort();
        List<Integer> nodes;
        try (TrackerProcess cluster = TrackerProcess.cluster(data, "run-cluster", databasePort)) {
            nodes = List.copyOf(cluster.nodePorts);
            assertThat(cluster.output()).contains("running as a cluster", "Command nodes", "Query nodes");
            HttpResponse<String> login = cluster.postJson(
                    "/api/auth/token", "{\"username\":\"admin\",\"password\":\"local-admin-password\"}");
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            assertThat(cluster.get("/login.html").statusCode()).isEqualTo(200);
            String url = "jdbc:postgresql://localhost:" + databasePort + "/postgres?user=postgres";
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> owners(url).equals(Map.of("query-1", 2L, "query-2", 2L)));

            assertThat(cluster.stop()).as("stops on Ctrl-C's signal").isIn(0, 130, 143);
        }
        for (int port : nodes) {
            assertThat(listening(port)).as("node on port " + port + " stopped").isFalse();
        }
        assertThat(listening(databasePort)).as("the embedded database stopped").isFalse();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Map<String, Long> owners(String url) throws Exception {
        Map<String, Long> owners = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT owner, count(*) FROM token_entry WHERE processor_name = 'read-models' GROUP BY owner")) {
            while (rows.next()) {
                owners.put(rows.getString(1), rows.getLong(2));
            }
        }
        return owners;
    }
}
