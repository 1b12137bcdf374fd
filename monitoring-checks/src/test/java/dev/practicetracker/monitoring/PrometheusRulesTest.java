package dev.practicetracker.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules and scrape configuration in {@code prometheus/}, checked and unit-tested by Prometheus' own promtool. */
class PrometheusRulesTest {

    private final Path promtool = Tools.require("promtool", "prometheus");

    @Test
    void everyRuleFileIsValidPromql() {
        List<String> command = new ArrayList<>(List.of(promtool.toString(), "check", "rules"));
        Repository.files(Repository.PROMETHEUS.resolve("rules"), ".yml").forEach(file -> command.add(file.toString()));

        Tools.Result result = Tools.run(Repository.PROMETHEUS, Map.of(), command);

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void theAlertsFireAndStayQuietAsTheirUnitTestsExpect() {
        List<String> command = new ArrayList<>(List.of(promtool.toString(), "test", "rules"));
        Repository.files(Repository.PROMETHEUS.resolve("tests"), ".yml").forEach(file -> command.add(file.toString()));

        Tools.Result result = Tools.run(Repository.PROMETHEUS, Map.of(), command);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).doesNotContain("FAILED");
    }

    @Test
    void everyAlertHasASeverityASummaryADescriptionAndAUnitTest() {
        String alertTests = Repository.files(Repository.PROMETHEUS.resolve("tests"), ".yml").stream()
                .map(Yaml::text)
                .reduce("", String::concat);
        for (Path file : Repository.files(Repository.PROMETHEUS.resolve("rules"), ".yml")) {
            for (Map<String, Object> rule : Yaml.rules(file)) {
                if (rule.containsKey("alert")) {
                    String alert = (String) rule.get("alert");
                    assertThat(Yaml.map(rule, "labels")).as(alert).containsKey("severity");
                    assertThat(Yaml.map(rule, "annotations")).as(alert).containsKeys("summary", "description");
                    assertThat(alertTests).as("a unit test of " + alert).contains("alertname: " + alert);
                }
            }
        }
    }

    @Test
    void theScrapeConfigurationIsValid() {
        Tools.Result result = Tools.run(
                Repository.PROMETHEUS, Map.of(), List.of(promtool.toString(), "check", "config", "prometheus.yml"));

        assertThat(result.exitCode()).as(result.output()).isZero();
    }
}
