package dev.practicetracker.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus of the test's own, on a free port with its data under {@code target/}, scraping the two services
 * every second with the repository's scrape configuration (targets pointed at the test's ports) and rules.
 */
final class PrometheusServer implements AutoCloseable {

    private final Process process;
    private final Http api;
    private final Path log;

    private PrometheusServer(Process process, int port, Path log) {
        this.process = process;
        this.api = new Http("http://127.0.0.1:" + port);
        this.log = log;
    }

    /** The answer of one query: the series or an error, as Prometheus' HTTP API gives them. */
    record Result(String error, JsonNode series) {

        boolean isEmpty() {
            return error == null && (series == null || series.isEmpty());
        }
    }

    /**
     * Starts Prometheus on the repository's {@code prometheus/prometheus.yml}, scraping and evaluating every second,
     * each job's targets replaced by {@code targets} (job name to host:port). A job the test cannot point anywhere
     * fails the start, so the configuration cannot grow a job this check does not cover.
     */
    static PrometheusServer start(Path workDir, Map<String, String> targets) {
        Path prometheus = Tools.require("prometheus", "prometheus");
        Map<String, Object> config = Yaml.load(Repository.PROMETHEUS.resolve("prometheus.yml"));
        Map<String, Object> global = new LinkedHashMap<>(Yaml.map(config, "global"));
        global.put("scrape_interval", "1s");
        global.put("evaluation_interval", "1s");
        config.put("global", global);
        List<String> ruleFiles = new ArrayList<>();
        for (Object pattern : (List<?>) config.get("rule_files")) {
            ruleFiles.add(Repository.PROMETHEUS.resolve(pattern.toString()).toString());
        }
        config.put("rule_files", ruleFiles);
        config.remove("alerting");
        for (Map<String, Object> job : Yaml.list(config, "scrape_configs")) {
            String name = (String) job.get("job_name");
            String target = targets.get(name);
            if (target == null) {
                throw new IllegalStateException(
                        "prometheus.yml scrapes job " + name + ", which this check does not run");
            }
            // Compose finds each side's nodes by DNS; here there is one of each, on a port of the test's.
            job.remove("dns_sd_configs");
            job.put("static_configs", List.of(Map.of("targets", List.of(target))));
        }
        try {
            Path file = workDir.resolve("prometheus.yml");
            Files.writeString(file, new org.yaml.snakeyaml.Yaml().dump(config));
            int port = freePort();
            Path log = workDir.resolve("prometheus.log");
            Process process = new ProcessBuilder(
                            prometheus.toString(),
                            "--config.file=" + file,
                            "--storage.tsdb.path=" + workDir.resolve("data"),
                            "--web.listen-address=127.0.0.1:" + port,
                            "--log.level=warn")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            PrometheusServer server = new PrometheusServer(process, port, log);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Prometheus", e);
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Prometheus exited; see " + log);
            }
            try {
                if (api.get("/-/ready").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException e) {
                // not listening yet
            }
            ServiceProcess.sleep(200);
        }
        throw new IllegalStateException("Prometheus did not become ready; see " + log);
    }

    Result instant(String expr) {
        return result(api.postForm("/api/v1/query", Map.of("query", expr)));
    }

    Result range(String expr, Instant start, Instant end, Duration step) {
        return result(api.postForm(
                "/api/v1/query_range",
                Map.of(
                        "query",
                        expr,
                        "start",
                        String.valueOf(start.getEpochSecond()),
                        "end",
                        String.valueOf(end.getEpochSecond()),
                        "step",
                        step.toSeconds() + "s")));
    }

    /** The values of {@code label} on the series {@code match} selects, as Grafana's {@code label_values} lists them. */
    Result labelValues(String label, String match) {
        return result(api.get("/api/v1/label/" + label + "/values", Map.of("match[]", match)));
    }

    private static Result result(Http.Response response) {
        JsonNode body = response.json();
        if (body == null || !"success".equals(body.path("status").asText())) {
            return new Result(
                    body == null
                            ? "HTTP " + response.status()
                            : body.path("error").asText(response.text()),
                    null);
        }
        JsonNode data = body.get("data");
        return new Result(null, data.has("result") ? data.get("result") : data);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
