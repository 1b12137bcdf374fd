package dev.practicetracker.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.practicetracker.database.TestDatabases;
import dev.practicetracker.monitoring.Dashboards.Dashboard;
import dev.practicetracker.monitoring.Dashboards.Panel;
import dev.practicetracker.monitoring.Dashboards.Target;
import dev.practicetracker.monitoring.Dashboards.Variable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The proof that the dashboards and rules work: both services from their jars on a fresh PostgreSQL database, a real
 * Prometheus scraping them every second with the repository's configuration and rules, and a burst of activity
 * through the APIs. Then every query of every dashboard panel, every dashboard variable and every rule runs against
 * Prometheus or, as Grafana's read-only role, against the read model, with the variables set to ids from the activity
 * and Grafana's macros expanded as Grafana expands them. An error, an empty result, a time-series panel without a
 * {@code time} column, or a panel the check cannot run fails it. Everything starts once, for all the tests here.
 */
class MonitoringStackIT {

    /** How long after the activity the series may take to appear: scrapes and rule runs are every second. */
    private static final Duration SERIES_DEADLINE = Duration.ofSeconds(90);

    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*(\\w+)\\)");
    private static final Pattern RELATIVE_TIME = Pattern.compile("now(?:-(\\d+)([smhdw]))?");
    private static final Pattern TRACKER_FAMILY = Pattern.compile("(?m)^# TYPE (tracker_\\w+) ");
    private static final Pattern NAMED_ON_PAGE = Pattern.compile("`(tracker_[a-z0-9_]+)`");

    private static Path workDir;
    private static String database;
    private static ServiceProcess commandSide;
    private static ServiceProcess querySide;
    private static PrometheusServer prometheus;
    private static Activity.Done activity;
    private static Instant seriesDeadline;

    @BeforeAll
    static void startBothServicesAndPrometheusAndDriveABurstOfActivity() {
        Tools.require("promtool", "prometheus");
        workDir = Repository.scratch("monitoring-check");
        database = TestDatabases.createDatabase();
        commandSide = ServiceProcess.start(
                "command-side",
                workDir,
                Map.of(
                        "DATABASE_URL", database,
                        "SESSION_INACTIVITY_TIMEOUT", "PT10S",
                        "DEADLINE_POLLING_INTERVAL", "1s"));
        querySide = ServiceProcess.start(
                "query-side",
                workDir,
                Map.of("DATABASE_URL", database, "METRICS_LAG_INTERVAL", "1s", "METRICS_DOMAIN_INTERVAL", "1s"));
        commandSide.awaitReady(Duration.ofMinutes(3));
        querySide.awaitReady(Duration.ofMinutes(3));
        prometheus = PrometheusServer.start(
                workDir,
                Map.of(
                        "command-side", "localhost:" + commandSide.port(),
                        "query-side", "localhost:" + querySide.port()));

        Activity burst = new Activity(commandSide.http(), querySide.http());
        activity = burst.drive();
        burst.awaitQuerySide(activity, Duration.ofSeconds(60));
        seriesDeadline = Instant.now().plus(SERIES_DEADLINE);
    }

    @AfterAll
    static void stopEverything() {
        for (AutoCloseable running : new AutoCloseable[] {prometheus, querySide, commandSide}) {
            if (running != null) {
                try {
                    running.close();
                } catch (Exception e) {
                    System.err.println("could not stop " + running + ": " + e.getMessage());
                }
            }
        }
    }

    @Test
    void everyPanelAndVariableOfEveryDashboardReturnsDataFromTheRunningServices() throws SQLException {
        Report report = new Report("dashboards");
        try (Connection readModel = DriverManager.getConnection(database);
                Statement role = readModel.createStatement()) {
            // As Grafana's datasource reads: the role the read-model migration grants SELECT to.
            role.execute("SET ROLE grafana_reader");
            for (Dashboard dashboard : Dashboards.all()) {
                Map<String, String> values = variableValues();
                checkVariables(dashboard, readModel, report);
                Instant to = time(dashboard.timeTo());
                Instant from = time(dashboard.timeFrom());
                GrafanaSqlMacros macros = new GrafanaSqlMacros(from, to, Duration.ofSeconds(15));
                for (Panel panel : dashboard.panels()) {
                    if (panel.targets().isEmpty()) {
                        report.fail(panel.describe(), "no query to check");
                    }
                    for (Target target : panel.targets()) {
                        String kind = dashboard.datasourceTypeOf(target.datasourceUid());
                        String where = panel.describe() + " [" + target.refId() + "]";
                        if (Dashboards.PROMETHEUS.equals(kind) && target.expr() != null) {
                            checkPromQl(where, PromQl.substitute(target.expr(), values), target.instant(), report);
                        } else if (Dashboards.POSTGRES.equals(kind) && target.rawSql() != null) {
                            boolean timeSeries = panel.type().equals("timeseries")
                                    || target.format().equals("time_series");
                            String sql = macros.expand(PromQl.substitute(target.rawSql(), values));
                            checkSql(where, sql, timeSeries, readModel, report);
                        } else {
                            report.fail(where, "cannot check a query of datasource " + target.datasourceUid());
                        }
                    }
                }
            }
        }
        report.assertPassed();
    }

    @Test
    void everyRecordingRuleAndAlertEvaluatesOnTheServicesSeries() {
        Report report = new Report("rules");
        for (Path file : Repository.files(Repository.PROMETHEUS.resolve("rules"), ".yml")) {
            for (Map<String, Object> rule : Yaml.rules(file)) {
                String expr = (String) rule.get("expr");
                if (rule.containsKey("record")) {
                    String record = (String) rule.get("record");
                    checkPromQl("rule " + record, expr, true, report);
                    checkPromQl("rule " + record + " (recorded by Prometheus)", record, true, report);
                } else {
                    // Made bool, a quiet alert still returns its series: empty means an input series is missing.
                    checkPromQl("alert " + rule.get("alert"), PromQl.withBoolComparisons(expr), true, report);
                }
            }
        }
        report.assertPassed();
    }

    @Test
    void bothServicesScrapesPassPromtoolCheckMetrics() {
        Path promtool = Tools.require("promtool", "prometheus");
        for (ServiceProcess service : List.of(commandSide, querySide)) {
            String scrape = service.scrape();
            writeReport(service.module() + ".prom", scrape);
            Tools.Result result = Tools.runWithInput(List.of(promtool.toString(), "check", "metrics"), scrape);

            assertThat(result.output()).as(service.baseUrl() + " scrape").isBlank();
            assertThat(result.exitCode()).isZero();
        }
    }

    /**
     * The monitoring page names every {@code tracker_*} metric family the two services expose (a histogram's
     * {@code _max} gauge too), and none they do not. The per-cohort gauges appear once the query side has sampled the
     * activity, so the scrapes are retried until they match or the series deadline passes.
     */
    @Test
    void theMonitoringPageNamesExactlyTheTrackerMetricsTheServicesExpose() throws IOException {
        Set<String> named = new TreeSet<>();
        Matcher onPage = NAMED_ON_PAGE.matcher(Files.readString(Repository.MONITORING_PAGE));
        while (onPage.find()) {
            named.add(onPage.group(1));
        }
        Set<String> exposed = trackerFamilies();
        while (!exposed.equals(named) && Instant.now().isBefore(seriesDeadline)) {
            ServiceProcess.sleep(500);
            exposed = trackerFamilies();
        }

        assertThat(named)
                .as("the tracker_* metrics named in " + Repository.MONITORING_PAGE)
                .containsExactlyElementsOf(exposed);
    }

    private static Set<String> trackerFamilies() {
        Set<String> families = new TreeSet<>();
        for (ServiceProcess service : List.of(commandSide, querySide)) {
            Matcher family = TRACKER_FAMILY.matcher(service.scrape());
            while (family.find()) {
                families.add(family.group(1));
            }
        }
        return families;
    }

    /** The values Grafana's variables take in this check: ids from the activity, and fixed intervals. */
    private static Map<String, String> variableValues() {
        Map<String, String> values = new HashMap<>();
        values.put("cohort", activity.cohort());
        values.put("candidate", activity.candidate());
        values.put("application", "command-side|query-side");
        values.put("datasource", "tracker-prometheus");
        values.put("pg", "tracker-postgres");
        values.put("__rate_interval", "1m");
        values.put("__interval", "15s");
        values.put("__range", "10m");
        return values;
    }

    /** A query variable must list the value the activity gives it. */
    private void checkVariables(Dashboard dashboard, Connection readModel, Report report) {
        Map<String, String> values = variableValues();
        for (Variable variable : dashboard.variables()) {
            String where = dashboard.title() + " › $" + variable.name();
            if (!variable.type().equals("query")) {
                continue;
            }
            String kind = dashboard.datasourceTypeOf(variable.datasourceUid());
            List<String> options = new ArrayList<>();
            if (Dashboards.PROMETHEUS.equals(kind)) {
                Matcher labelValues = LABEL_VALUES.matcher(variable.query().strip());
                if (!labelValues.matches()) {
                    report.fail(where, "cannot check a variable query that is not label_values(): " + variable.query());
                    continue;
                }
                PrometheusServer.Result result = awaitNonEmpty(
                        () -> prometheus.labelValues(labelValues.group(2), labelValues.group(1)),
                        values.get(variable.name()));
                if (result.error() != null) {
                    report.fail(where, result.error());
                    continue;
                }
                result.series().forEach(value -> options.add(value.asText()));
            } else if (Dashboards.POSTGRES.equals(kind)) {
                try (Statement statement = readModel.createStatement();
                        ResultSet rows = statement.executeQuery(variable.query())) {
                    while (rows.next()) {
                        options.add(rows.getString(1));
                    }
                } catch (SQLException e) {
                    report.fail(where, e.getMessage());
                    continue;
                }
            } else {
                report.fail(where, "cannot check a variable of datasource " + variable.datasourceUid());
                continue;
            }
            List<String> expected =
                    List.of(values.getOrDefault(variable.name(), "").split("\\|"));
            if (options.containsAll(expected) && !expected.get(0).isEmpty()) {
                report.pass(where, options.size() + " values, including " + String.join(", ", expected));
            } else {
                report.fail(where, "values " + options + " lack the activity's " + expected);
            }
        }
    }

    private void checkPromQl(String where, String expr, boolean instant, Report report) {
        PrometheusServer.Result result = awaitNonEmpty(
                () -> instant
                        ? prometheus.instant(expr)
                        : prometheus.range(
                                expr,
                                Instant.now().minus(Duration.ofMinutes(10)),
                                Instant.now(),
                                Duration.ofSeconds(15)),
                null);
        if (result.error() != null) {
            report.fail(where, "error: " + result.error() + " in " + expr);
        } else if (result.isEmpty()) {
            report.fail(where, "no data for " + expr);
        } else {
            report.pass(where, result.series().size() + " series (" + (instant ? "instant" : "range") + ")");
        }
    }

    private static void checkSql(String where, String sql, boolean timeSeries, Connection readModel, Report report) {
        try (Statement statement = readModel.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData columns = rows.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                names.add(columns.getColumnLabel(i));
            }
            int count = 0;
            while (rows.next()) {
                count++;
            }
            if (timeSeries && !names.contains("time")) {
                report.fail(where, "a time series without a time column: " + names);
            } else if (count == 0) {
                report.fail(where, "no rows for " + sql);
            } else {
                report.pass(where, count + " rows of " + names);
            }
        } catch (SQLException e) {
            report.fail(where, e.getMessage() + " in " + sql);
        }
    }

    /**
     * Runs the query until it returns data or errs, or the deadline after the activity passes: scrapes, gauge samples
     * and rule runs each take up to a second to show the activity. With {@code required}, waits for that label value.
     */
    private static PrometheusServer.Result awaitNonEmpty(
            java.util.function.Supplier<PrometheusServer.Result> query, String required) {
        while (true) {
            PrometheusServer.Result result = query.get();
            boolean complete = result.error() != null
                    || !result.isEmpty()
                            && (required == null
                                    || List.of(required.split("\\|")).stream()
                                            .allMatch(value ->
                                                    result.series().toString().contains("\"" + value + "\"")));
            if (complete || Instant.now().isAfter(seriesDeadline)) {
                return result;
            }
            ServiceProcess.sleep(500);
        }
    }

    /** Grafana's relative times as the dashboards use them: {@code now} or {@code now-<n><unit>}. */
    private static Instant time(String relative) {
        Matcher matcher = RELATIVE_TIME.matcher(relative);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("cannot read the dashboard's time " + relative);
        }
        Instant now = Instant.now();
        if (matcher.group(1) == null) {
            return now;
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration ago = switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofDays(7 * amount);
        };
        return now.minus(ago);
    }

    private static void writeReport(String file, String text) {
        try {
            Files.writeString(workDir.resolve(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What was checked, printed and kept in {@code target/monitoring-check/}, and every failure at once. */
    private static final class Report {
        private final String name;
        private final List<String> lines = new ArrayList<>();
        private final List<String> failures = new ArrayList<>();

        Report(String name) {
            this.name = name;
        }

        void pass(String what, String detail) {
            lines.add("OK    " + what + ": " + detail);
        }

        void fail(String what, String detail) {
            String line = "FAIL  " + what + ": " + detail;
            lines.add(line);
            failures.add(line);
        }

        void assertPassed() {
            String text = String.join(System.lineSeparator(), lines) + System.lineSeparator();
            System.out.println("Checked " + name + ":" + System.lineSeparator() + text);
            writeReport(name + "-report.txt", text);
            assertThat(lines).as("checks run").isNotEmpty();
            assertThat(failures).as(text).isEmpty();
        }
    }
}
