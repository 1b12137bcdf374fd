package dev.practicetracker.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The repository's {@code proxy/nginx.conf} run by Debian's nginx on this machine, as compose runs it, with each
 * upstream's one {@code server name:port;} line replaced by the ports of the services the test started, listening on
 * {@code 127.0.0.1} on a free port, its buffers and pid in the test's directory.
 */
public final class Nginx implements AutoCloseable {

    private final Process process;
    private final int port;

    private Nginx(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * {@code upstreams}: the server line as in the file ({@code command-side:8081}) to the local ports that replace it,
     * one server each.
     */
    public static Nginx start(Path config, Path work, Path log, Map<String, List<Integer>> upstreams) {
        String nginx = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
        int port = ServiceJar.freePort();
        try {
            String text = Files.readString(config);
            for (Map.Entry<String, List<Integer>> upstream : upstreams.entrySet()) {
                String line = "server " + upstream.getKey() + ";";
                if (!text.contains(line)) {
                    throw new IllegalStateException(config + " has no line '" + line + "'");
                }
                text = text.replace(
                        line,
                        upstream.getValue().stream()
                                .map(p -> "server 127.0.0.1:" + p + ";")
                                .collect(Collectors.joining("\n        ")));
            }
            text = text.replace("listen 8080;", "listen 127.0.0.1:" + port + ";")
                    .replace("/tmp/", work + "/")
                    // Workers as the test's own user, so they may write their buffers into the test's directory.
                    .replace(
                            "worker_processes 1;",
                            "worker_processes 1;\nuser " + System.getProperty("user.name") + ";");
            Path file = work.resolve("nginx.conf");
            Files.writeString(file, text);
            Process process = new ProcessBuilder(nginx, "-c", file.toString(), "-g", "daemon off;")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new Nginx(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "nginx did not start (Debian: apt-get install nginx; .ci/run installs it)", e);
        }
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
