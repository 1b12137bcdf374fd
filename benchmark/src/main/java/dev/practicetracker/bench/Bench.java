package dev.practicetracker.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmark ({@code ./bench}): PostgreSQL's raw single-row insert rate first, with and without the event table's
 * NOTIFY trigger; then the product's jars on databases of their own on the same server: commands over HTTP at a fixed
 * number of connections on the command side alone and on the one-process app, a fresh query side catching up on a
 * generated store, freshness across processes and reads at fixed rates. One table at the end, with the ratios to the
 * raw rate. Ctrl-C stops the services and drops the databases.
 */
public final class Bench {

    static final int CONNECTIONS = 16;
    static final int QUESTIONS_PER_SESSION = 10;

    private final Settings settings;
    private final Postgres postgres;
    private final Path workDir;
    private final HttpClient client;
    private final List<Service> running = new CopyOnWriteArrayList<>();
    private final Report report = new Report();

    private Bench(Settings settings) throws Exception {
        this.settings = settings;
        this.postgres = new Postgres(settings.databaseUrl());
        this.workDir = Files.createDirectories(settings.workDir());
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(8, daemon()))
                .build();
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        Bench bench = new Bench(settings);
        Thread cleanup = new Thread(bench::cleanUp, "bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            bench.run();
        } finally {
            bench.cleanUp();
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
    }

    private void run() throws Exception {
        String machine = String.format(
                Locale.ROOT,
                "%d cores (nproc), PostgreSQL %s, load average at start %s, %s mode: %d s warm-up + %d s per phase, %s",
                Runtime.getRuntime().availableProcessors(),
                postgres.version(),
                Files.readString(Path.of("/proc/loadavg")).split(" ")[0],
                settings.quick() ? "quick" : "full",
                settings.warmUp().toSeconds(),
                settings.measured().toSeconds(),
                Instant.now().toString().substring(0, 16) + "Z");
        step("Raw single-row inserts into a table shaped like domain_event_entry (pgbench, %d clients)", CONNECTIONS);
        try {
            double raw = rawInserts();
            commandSideAndQuerySide(raw);
            oneProcessApp(raw);
        } catch (Exception e) {
            report.note("the run stopped early: " + e);
            throw e;
        } finally {
            print(machine);
        }
    }

    private void print(String machine) {
        System.out.println();
        System.out.println("Benchmark: " + machine);
        System.out.println("Command: ./bench" + (settings.quick() ? " --quick" : ""));
        System.out.println(report.table());
    }

    private double rawInserts() throws Exception {
        String url = postgres.createDatabase("raw");
        Postgres.execute(url, Postgres.EVENT_TABLE);
        int seconds = (int) (settings.warmUp().toSeconds() + settings.measured().toSeconds());
        double without = postgres.pgbenchInserts(url, workDir, CONNECTIONS, seconds);
        Postgres.execute(url, Postgres.NOTIFY_TRIGGER);
        double with = postgres.pgbenchInserts(url, workDir, CONNECTIONS, seconds);
        report.raw("single-row insert, no trigger (pgbench, 16 clients)", without);
        report.row(
                "single-row insert, statement-level NOTIFY trigger (pgbench, 16 clients)",
                with,
                "tx/s",
                with / without,
                Double.NaN,
                Double.NaN,
                0);
        return without;
    }

    private void commandSideAndQuerySide(double raw) throws Exception {
        String url = postgres.createDatabase("split");
        step("Command side alone (%s)", settings.commandJar().getFileName());
        Service commandSide = start("command-side", settings.commandJar(), url);
        Practice practice = Practice.open(commandSide.api(), CONNECTIONS);
        commands("command side", commandSide.api(), practice, raw, url);

        long target = settings.quick() ? 20_000 : 200_000;
        step("Generating a store of about %,d events from the sessions recorded", target);
        String store = postgres.createDatabase("store");
        Postgres.execute(store, Postgres.EVENT_TABLE);
        Postgres.copyEvents(url, store);
        long events = Postgres.amplify(store, target);
        if (settings.baselineQueryJar() != null) {
            catchUp(
                    "baseline " + settings.baselineQueryJar().getFileName(),
                    settings.baselineQueryJar(),
                    store,
                    events);
        }
        catchUp(settings.queryJar().getFileName().toString(), settings.queryJar(), store, events);

        step(
                "Command side and query side, two processes (%s)",
                settings.queryJar().getFileName());
        Service querySide = start("query-side", settings.queryJar(), url);
        awaitCaughtUp(url, Postgres.queryLong(url, "SELECT max(global_index) FROM domain_event_entry"));
        step("Freshness across processes at %d answers/s", settings.freshnessRate());
        freshness(commandSide.api(), practice, url);

        step("Reads at %d requests/s", settings.readRate());
        reads(querySide.api(), practice);
        stop(querySide);
        stop(commandSide);
    }

    private void oneProcessApp(double raw) throws Exception {
        String url = postgres.createDatabase("app");
        step("The one-process app (%s)", settings.appJar().getFileName());
        Service app = start("app", settings.appJar(), url);
        Practice practice = Practice.open(app.api(), CONNECTIONS);
        commands("one-process app", app.api(), practice, raw, null);
        stop(app);
    }

    /**
     * Starting sessions, answering and rating, each at 16 connections; where {@code notifyUrl} is given, answering and
     * rating again with V1's statement-level NOTIFY trigger put back on the event table, to show what it costs.
     */
    private void commands(String where, Api api, Practice practice, double raw, String notifyUrl) throws Exception {
        String create = "{\"themes\": " + Practice.THEMES + ", \"questionCount\": " + QUESTIONS_PER_SESSION + "}";
        record(
                where + ": start session",
                raw,
                Load.closed("start session", CONNECTIONS, settings.warmUp(), settings.measured(), i -> {
                    Practice.Candidate candidate = practice.candidates.get(i);
                    return latencies -> {
                        long sent = System.nanoTime();
                        Api.Response started = api.post("/api/sessions", candidate.token, create);
                        if (started.ok()) {
                            latencies.add(System.nanoTime() - sent);
                            candidate.started(started.body());
                        } else {
                            latencies.fail();
                        }
                        return true;
                    };
                }));
        boolean compare = notifyUrl != null && !Postgres.hasNotifyTrigger(notifyUrl);
        Duration answering = compare ? settings.measured() : settings.measured().multipliedBy(2);
        record(where + ": answer", raw, answer(api, practice, answering));
        if (compare) {
            Postgres.execute(notifyUrl, Postgres.NOTIFY_TRIGGER);
            record(where + ": answer, with V1's NOTIFY trigger put back", raw, answer(api, practice, answering));
            Postgres.execute(
                    notifyUrl,
                    "DROP TRIGGER bench_events_appended ON domain_event_entry;"
                            + " DROP FUNCTION bench_notify_events_appended()");
        }
        record(where + ": rate", raw, rate(api, practice));
        if (compare) {
            Postgres.execute(notifyUrl, Postgres.NOTIFY_TRIGGER);
            record(where + ": rate, with V1's NOTIFY trigger put back", raw, rate(api, practice));
            Postgres.execute(
                    notifyUrl,
                    "DROP TRIGGER bench_events_appended ON domain_event_entry;"
                            + " DROP FUNCTION bench_notify_events_appended()");
        }
    }

    private Load.Result answer(Api api, Practice practice, Duration measured) throws InterruptedException {
        return Load.closed("answer", CONNECTIONS, settings.warmUp(), measured, i -> {
            Practice.Candidate candidate = practice.candidates.get(i);
            return latencies -> {
                Practice.Question next = candidate.unanswered.pollFirst();
                if (next == null) {
                    return false;
                }
                long sent = System.nanoTime();
                if (api.send(answerRequest(api, next)).ok()) {
                    latencies.add(System.nanoTime() - sent);
                    candidate.answered.addLast(next);
                } else {
                    latencies.fail();
                }
                return true;
            };
        });
    }

    private Load.Result rate(Api api, Practice practice) throws InterruptedException {
        String scores = """
                {"scores": {"clarity": 4, "reasoning": 3, "technical-depth": 3, "structure": 4, "impact": 2},
                 "comment": "Benchmark rating."}""";
        return Load.closed("rate", CONNECTIONS, settings.warmUp(), settings.measured(), i -> {
            Practice.Candidate candidate = practice.candidates.get(i);
            return latencies -> {
                Practice.Question next = candidate.answered.pollFirst();
                if (next == null) {
                    return false;
                }
                long sent = System.nanoTime();
                Api.Response rated = api.post(
                        "/api/sessions/" + next.session() + "/answers/" + next.question() + "/ratings",
                        candidate.token,
                        scores);
                if (rated.ok()) {
                    latencies.add(System.nanoTime() - sent);
                } else {
                    latencies.fail();
                }
                return true;
            };
        });
    }

    private static HttpRequest answerRequest(Api api, Practice.Question question) {
        return api.postRequest(
                "/api/sessions/" + question.session() + "/answers",
                question.candidate().token,
                "{\"questionId\": \"" + question.question()
                        + "\", \"answer\": \"A measured answer of the benchmark.\", \"timeSpentSeconds\": 60}");
    }

    /**
     * A fresh query side on a copy of the generated store: from its processor's first token until every segment's
     * token has reached the store's head.
     */
    private void catchUp(String label, Path jar, String store, long events) throws Exception {
        step("A fresh query side catching up on %,d events (%s)", events, label);
        String url = postgres.createDatabase("catchup");
        Postgres.execute(url, Postgres.EVENT_TABLE);
        Postgres.copyEvents(store, url);
        long head = Postgres.queryLong(url, "SELECT max(global_index) FROM domain_event_entry");
        // Watched from before the query side starts: its processor begins while the application is still starting,
        // and on a small store it is done before the service says it is ready.
        ExecutorService watcher = Executors.newSingleThreadExecutor();
        Future<Double> caughtUp = watcher.submit(() -> awaitCaughtUp(url, head));
        // The event table is there before the query side's first start, as in a database the command side created;
        // Flyway takes it as the first migration's.
        Service querySide = Service.start(
                "query-side-catch-up", jar, url, workDir, client, Map.of("SPRING_FLYWAY_BASELINE_ON_MIGRATE", "true"));
        running.add(querySide);
        double seconds;
        try {
            seconds = caughtUp.get();
        } finally {
            watcher.shutdownNow();
        }
        stop(querySide);
        postgres.drop(url);
        report.row(
                String.format(
                        Locale.ROOT,
                        "fresh query side catching up on %,d events, real projections (%s)",
                        events,
                        label),
                events / seconds,
                "events/s",
                Double.NaN,
                Double.NaN,
                Double.NaN,
                0);
    }

    /**
     * Seconds from the first token of a processor (its tokens are made when it starts, before it reads an event) until
     * every token has reached {@code head}.
     */
    private double awaitCaughtUp(String url, long head) throws Exception {
        long firstToken = -1;
        long started = System.nanoTime();
        long deadline = started + TimeUnit.MINUTES.toNanos(settings.quick() ? 5 : 30);
        long lowest;
        while ((lowest = Postgres.lowestTokenIndex(url)) < head) {
            if (firstToken < 0 && lowest >= 0) {
                firstToken = System.nanoTime();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "the query side did not catch up in time (at " + lowest + " of " + head + ")");
            }
            System.err.printf("\r  catching up: %,d of %,d   ", Math.max(0, lowest), head);
            Thread.sleep(100);
        }
        System.err.print("\r" + " ".repeat(60) + "\r");
        return Math.max(1e-3, (System.nanoTime() - (firstToken < 0 ? started : firstToken)) / 1e9);
    }

    /**
     * Answers sent at a fixed rate to the command side; the time from each accepted answer (its response received) to
     * its row in the query side's read model, watched by primary key every millisecond.
     */
    private void freshness(Api commands, Practice practice, String url) throws Exception {
        Deque<Practice.Question> questions = practice.takeUnansweredRoundRobin();
        int rate = settings.freshnessRate();
        Duration total = settings.warmUp().plus(settings.measured());
        long count = Math.min(questions.size(), total.toSeconds() * rate);
        if (count < total.toSeconds() * rate) {
            report.note("freshness: only " + count + " unanswered questions left to answer");
        }
        Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
        Map<String, Long> visibleAt = new ConcurrentHashMap<>();
        Thread watcher = new Thread(() -> watch(url, acceptedAt, visibleAt), "freshness-watcher");
        watcher.setDaemon(true);
        watcher.start();
        Latencies accepted = new Latencies();
        List<String> measured = new CopyOnWriteArrayList<>();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        long start = System.nanoTime();
        long measureFrom = start + settings.warmUp().toNanos();
        Load.Progress progress = Load.Progress.start("answers for freshness", accepted, start, start + total.toNanos());
        for (long i = 0; i < count; i++) {
            long due = start + TimeUnit.SECONDS.toNanos(1) * i / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            Practice.Question question = questions.pollFirst();
            String key = question.session() + "/" + question.question();
            boolean measuring = due >= measureFrom;
            sent.add(client.sendAsync(answerRequest(commands, question), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        if (failure == null && response.statusCode() < 300) {
                            acceptedAt.put(key, System.nanoTime());
                            if (measuring) {
                                accepted.add(System.nanoTime() - due);
                                measured.add(key);
                            }
                        } else if (measuring) {
                            accepted.fail();
                        }
                    }));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                .exceptionally(failure -> null)
                .join();
        progress.stop();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (visibleAt.size() < acceptedAt.size() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        watcher.interrupt();
        Latencies freshness = new Latencies();
        for (String key : measured) {
            Long visible = visibleAt.get(key);
            if (visible == null) {
                freshness.fail();
            } else {
                freshness.add(Math.max(0, visible - acceptedAt.get(key)));
            }
        }
        report.row(
                String.format(
                        Locale.ROOT, "freshness across processes at %d answers/s (accepted -> in read model)", rate),
                accepted.count() / (settings.measured().toMillis() / 1000.0),
                "answers/s",
                Double.NaN,
                freshness.percentileMillis(50),
                freshness.percentileMillis(99),
                freshness.failures() + accepted.failures());
    }

    private static void watch(String url, Map<String, Long> acceptedAt, Map<String, Long> visibleAt) {
        try (Connection connection = DriverManager.getConnection(url);
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
            System.err.println("freshness watcher stopped: " + e.getMessage());
        }
    }

    private void reads(Api queries, Practice practice) throws InterruptedException {
        int rate = settings.readRate();
        AtomicInteger next = new AtomicInteger();
        List<Practice.Candidate> candidates = practice.candidates;
        read("profile read", rate, () -> {
            Practice.Candidate candidate = candidates.get(Math.floorMod(next.getAndIncrement(), candidates.size()));
            return queries.getRequest("/api/candidates/" + candidate.id + "/profile", candidate.token);
        });
        read(
                "cohort overview read (" + candidates.size() + " candidates)",
                rate,
                () -> queries.getRequest("/api/cohorts/" + practice.cohortId + "/overview", practice.coachToken));
        read(
                "review queue read",
                rate,
                () -> queries.getRequest("/api/coaches/" + practice.coachId + "/review-queue", practice.coachToken));
    }

    private void read(String label, int rate, java.util.function.Supplier<HttpRequest> requests)
            throws InterruptedException {
        Load.Result result = Load.open(label, client, rate, settings.warmUp(), settings.measured(), requests);
        report.row(
                String.format(Locale.ROOT, "%s at %d requests/s (open loop)", label, rate),
                result.perSecond(),
                "requests/s",
                Double.NaN,
                result.latencies().percentileMillis(50),
                result.latencies().percentileMillis(99),
                result.latencies().failures());
    }

    private void record(String label, double raw, Load.Result result) {
        report.row(
                label + " (" + CONNECTIONS + " connections)",
                result.perSecond(),
                "commands/s",
                result.perSecond() / raw,
                result.latencies().percentileMillis(50),
                result.latencies().percentileMillis(99),
                result.latencies().failures());
    }

    private Service start(String name, Path jar, String url) throws Exception {
        Service service = Service.start(name, jar, url, workDir, client, Map.of());
        running.add(service);
        return service;
    }

    private void stop(Service service) {
        running.remove(service);
        service.close();
    }

    private synchronized void cleanUp() {
        for (Service service : running) {
            service.close();
        }
        running.clear();
        postgres.dropAll();
    }

    private static void step(String format, Object... args) {
        System.err.printf(
                "%s  %s%n", Instant.now().toString().substring(11, 19), String.format(Locale.ROOT, format, args));
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "http-client");
            thread.setDaemon(true);
            return thread;
        };
    }
}
