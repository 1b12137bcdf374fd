package dev.practicetracker.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a run measures and with what: {@code --quick} (a smoke run in under 3 minutes) or the full run; the server from
 * {@code BENCH_DATABASE_URL}, {@code TRACKER_TEST_DATABASE_URL} or {@code DATABASE_URL}, else the machine's
 * PostgreSQL on 127.0.0.1:5432; the jars from {@code --command-jar}, {@code --query-jar} and {@code --app-jar}, and
 * optionally another build's query side to compare catching up with ({@code --baseline-query-jar}).
 */
record Settings(
        boolean quick,
        String databaseUrl,
        Path commandJar,
        Path queryJar,
        Path appJar,
        Path baselineQueryJar,
        Path workDir,
        Duration warmUp,
        Duration measured,
        int freshnessRate,
        int readRate) {

    static Settings parse(String[] args) {
        boolean quick = false;
        Path commandJar = null;
        Path queryJar = null;
        Path appJar = null;
        Path baselineQueryJar = null;
        Path workDir = Path.of("benchmark/target/run");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--command-jar" -> commandJar = Path.of(args[++i]);
                case "--query-jar" -> queryJar = Path.of(args[++i]);
                case "--app-jar" -> appJar = Path.of(args[++i]);
                case "--baseline-query-jar" -> baselineQueryJar = Path.of(args[++i]);
                case "--work-dir" -> workDir = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (commandJar == null || queryJar == null || appJar == null) {
            throw new IllegalArgumentException(
                    "--command-jar, --query-jar and --app-jar are required (./bench gives them)");
        }
        String url = firstSet("BENCH_DATABASE_URL", "TRACKER_TEST_DATABASE_URL", "DATABASE_URL");
        return new Settings(
                quick,
                url == null ? "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres" : url,
                commandJar,
                queryJar,
                appJar,
                baselineQueryJar,
                workDir,
                Duration.ofSeconds(quick ? 1 : 5),
                Duration.ofSeconds(quick ? 4 : 20),
                200,
                quick ? 200 : 500);
    }

    private static String firstSet(String... names) {
        for (String name : names) {
            String value = System.getenv(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
