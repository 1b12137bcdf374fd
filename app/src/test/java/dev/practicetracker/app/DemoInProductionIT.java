package dev.practicetracker.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --demo} under the production profile: refused before anything starts, and the process ends in failure. */
class DemoInProductionIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path data;

    @Test
    void theDemoSwitchUnderTheProductionProfileExitsNonZeroBeforeTheDatabaseOrTheWebServerStarts() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Path.of("target", "demo-in-production.log").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(
                        "java",
                        "-jar",
                        ROOT.resolve("app/target/app-0.1.0-SNAPSHOT.jar").toString(),
                        "--demo",
                        "--server.port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.remove("DATABASE_URL");
        environment.put("SPRING_PROFILES_ACTIVE", "production");
        environment.put("TRACKER_TOKEN_SECRET", "a-real-secret-of-at-least-32-bytes-for-this-test");
        environment.put("TRACKER_ADMIN_PASSWORD", "a-real-admin-password-here");
        environment.put("TRACKER_DATA_DIR", data.toString());
        environment.put("TRACKER_EMBEDDED_DATABASE_PORT", "0");

        Process process = builder.start();
        boolean ended = process.waitFor(2, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }

        assertThat(ended).as("the process ends by itself; see " + log).isTrue();
        assertThat(process.exitValue()).isNotZero();
        String output = Files.readString(log);
        assertThat(output).contains("the demo switch seeds accounts with a published password");
        assertThat(output).doesNotContain("Tomcat initialized", "Tomcat started");
        assertThat(data.resolve("postgres"))
                .as("no embedded database was started")
                .doesNotExist();
    }
}
