package dev.practicetracker.query.crossprocess;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.practicetracker.database.TestDatabases;
import dev.practicetracker.query.QuerySideApplication;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Freshness across processes: the time from the command side accepting a command (its HTTP response received) to
 * the query side's read model showing the change (the row visible to a reader of the database), at a steady load of
 * {@value #RATE_PER_SECOND} commands per second. It measures the query side as configured (woken by PostgreSQL
 * notifications) and, in the same run against the same command side, the baseline: Axon's embedded event store as
 * the processor's source, which polls for other processes' events. It prints the figures; it asserts only that every
 * command became visible, since timings on a shared machine are not a pass/fail matter.
 */
class FreshnessBenchmarkIT {

    static final int RATE_PER_SECOND = 20;
    static final int COMMANDS = 300;
    private static final int QUESTIONS_PER_SESSION = 20;

    @Test
    void measuresHowSoonAnAcceptedCommandIsVisibleOnTheQuerySide() throws Exception {
        String database = TestDatabases.createDatabase();
        try (CommandSideProcess commandSide = CommandSideProcess.start(database)) {
            String candidate = "bench-" + UUID.randomUUID().toString().substring(0, 8);
            Http commands = new Http(commandSide.baseUrl())
                    .withToken(commandSide
                            .open(commandSide.asAdmin(), candidate, "candidate")
                            .token());
            Latencies notified = measure(database, commands, "notifiedEventSource");
            Latencies polled = measure(database, commands, "eventBus");

            System.out.println();
            System.out.printf(
                    Locale.ROOT,
                    "Freshness, command accepted -> read model updated, %d commands at %d/s, two JVMs, one PostgreSQL%n",
                    COMMANDS,
                    RATE_PER_SECOND);
            System.out.println(Latencies.HEADER);
            System.out.println(notified.row("NOTIFY-woken source (as configured)"));
            System.out.println(polled.row("Axon embedded store (baseline)"));
            System.out.printf(
                    Locale.ROOT,
                    "p99 ratio baseline / configured: %.1fx; p50 ratio: %.1fx%n%n",
                    polled.percentile(99) / notified.percentile(99),
                    polled.percentile(50) / notified.percentile(50));

            assertThat(notified.count()).isEqualTo(COMMANDS);
            assertThat(polled.count()).isEqualTo(COMMANDS);
        }
    }

    private Latencies measure(String database, Http commands, String source) throws Exception {
        try (ConfigurableApplicationContext querySide = new SpringApplicationBuilder(QuerySideApplication.class)
                .run(
                        "--spring.datasource.url=" + database,
                        "--server.port=0",
                        "--axon.eventhandling.processors.read-models.source=" + source)) {
            List<String[]> planned = planAnswers(commands);
            Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
            Map<String, Long> visibleAt = new ConcurrentHashMap<>();
            ExecutorService watcher = Executors.newSingleThreadExecutor();
            Future<?> watching = watcher.submit(() -> watch(database, acceptedAt, visibleAt));
            ExecutorService senders = Executors.newFixedThreadPool(4);
            long start = System.nanoTime();
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < COMMANDS; i++) {
                long due = start + TimeUnit.SECONDS.toNanos(1) * i / RATE_PER_SECOND;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String[] answer = planned.get(i);
                sent.add(senders.submit(() -> {
                    Http.Response response =
                            commands.post("/api/sessions/" + answer[0] + "/answers", """
                            {"questionId": "%s", "answer": "Measured answer.", "timeSpentSeconds": 10}""".formatted(answer[1]));
                    if (response.status() != 201) {
                        throw new IllegalStateException("answer rejected: " + response.body());
                    }
                    acceptedAt.put(answer[0] + "/" + answer[1], System.nanoTime());
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (visibleAt.size() < COMMANDS && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            watching.cancel(true);
            watcher.shutdownNow();
            senders.shutdownNow();
            double[] millis = acceptedAt.entrySet().stream()
                    .filter(entry -> visibleAt.containsKey(entry.getKey()))
                    .mapToDouble(entry -> Math.max(0, visibleAt.get(entry.getKey()) - entry.getValue()) / 1e6)
                    .sorted()
                    .toArray();
            return new Latencies(millis);
        }
    }

    /** Sessions of the catalogue's questions, so each command answers a question not answered before. */
    private static List<String[]> planAnswers(Http commands) {
        List<String[]> answers = new ArrayList<>();
        while (answers.size() < COMMANDS) {
            Http.Response started = commands.post("/api/sessions", """
                    {"themes": ["databases", "git", "security", "debugging", "api-design"],
                     "questionCount": %d}""".formatted(QUESTIONS_PER_SESSION));
            if (started.status() != 201) {
                throw new IllegalStateException("could not start a session: " + started.body());
            }
            for (JsonNode question : started.body().get("questions")) {
                answers.add(new String[] {
                    started.body().get("sessionId").asText(),
                    question.get("questionId").asText()
                });
            }
        }
        return answers.subList(0, COMMANDS);
    }

    /**
     * Polls the read model every millisecond for answers that were accepted but not yet seen, by primary key, so the
     * observer adds as little load as it can to what it measures.
     */
    private static void watch(String database, Map<String, Long> acceptedAt, Map<String, Long> visibleAt) {
        try (Connection connection = DriverManager.getConnection(database);
                PreparedStatement query = connection.prepareStatement("""
                        SELECT a.session_id || '/' || a.question_id FROM qs_answer a
                          JOIN unnest(?::text[], ?::text[]) AS pending(session_id, question_id)
                            ON a.session_id = pending.session_id AND a.question_id = pending.question_id
                        """)) {
            while (!Thread.currentThread().isInterrupted()) {
                List<String> pending = acceptedAt.keySet().stream()
                        .filter(key -> !visibleAt.containsKey(key))
                        .toList();
                if (!pending.isEmpty()) {
                    query.setArray(
                            1,
                            connection.createArrayOf(
                                    "text",
                                    pending.stream()
                                            .map(key -> key.split("/")[0])
                                            .toArray()));
                    query.setArray(
                            2,
                            connection.createArrayOf(
                                    "text",
                                    pending.stream()
                                            .map(key -> key.split("/")[1])
                                            .toArray()));
                    try (ResultSet rows = query.executeQuery()) {
                        long now = System.nanoTime();
                        while (rows.next()) {
                            visibleAt.putIfAbsent(rows.getString(1), now);
                        }
                    }
                }
                Thread.sleep(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    record Latencies(double[] sortedMillis) {

        static final String HEADER = String.format(
                Locale.ROOT,
                "%-38s %6s %8s %8s %8s %8s %8s",
                "source",
                "n",
                "p50 ms",
                "p90 ms",
                "p99 ms",
                "max ms",
                "mean ms");

        int count() {
            return sortedMillis.length;
        }

        double percentile(int p) {
            if (sortedMillis.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sortedMillis.length) - 1;
            return sortedMillis[Math.max(0, Math.min(sortedMillis.length - 1, index))];
        }

        String row(String label) {
            return String.format(
                    Locale.ROOT,
                    "%-38s %6d %8.1f %8.1f %8.1f %8.1f %8.1f",
                    label,
                    count(),
                    percentile(50),
                    percentile(90),
                    percentile(99),
                    sortedMillis.length == 0 ? Double.NaN : sortedMillis[sortedMillis.length - 1],
                    Arrays.stream(sortedMillis).average().orElse(Double.NaN));
        }
    }
}
