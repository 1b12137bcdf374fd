package dev.practicetracker.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.practicetracker.monitoring.Dashboards.Dashboard;
import dev.practicetracker.monitoring.Dashboards.Panel;
import dev.practicetracker.monitoring.Dashboards.Target;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Good dashboard habits, checked on the files: what review would otherwise have to catch by eye. */
class DashboardConventionsTest {

    private final List<Dashboard> dashboards = Dashboards.all();

    @Test
    void theThreeDashboardsHaveFixedUniqueUids() {
        assertThat(dashboards)
                .extracting(Dashboard::uid)
                .containsExactlyInAnyOrder(
                        "tracker-candidate-progress", "tracker-cohort-overview", "tracker-service-health");
        assertThat(dashboards).extracting(Dashboard::title).doesNotHaveDuplicates();
    }

    @Test
    void everyQueryChoosesItsDatasourceThroughADatasourceVariableThatDefaultsToAProvisionedOne() {
        Map<String, String> provisioned = provisionedDatasources();
        for (Dashboard dashboard : dashboards) {
            for (Dashboards.Variable variable : dashboard.variables()) {
                if (variable.type().equals("datasource")) {
                    assertThat(provisioned)
                            .as(dashboard.title() + " $" + variable.name() + " defaults to a provisioned datasource")
                            .containsEntry(variable.current(), variable.query());
                } else if (variable.type().equals("query")) {
                    assertThat(dashboard.datasourceTypeOf(variable.datasourceUid()))
                            .as(dashboard.title() + " $" + variable.name())
                            .isNotNull();
                }
            }
            for (Panel panel : dashboard.panels()) {
                assertThat(panel.targets())
                        .as(panel.describe() + " has queries")
                        .isNotEmpty();
                for (Target target : panel.targets()) {
                    assertThat(dashboard.datasourceTypeOf(target.datasourceUid()))
                            .as(panel.describe() + " " + target.refId() + " uses " + target.datasourceUid())
                            .isIn(Dashboards.PROMETHEUS, Dashboards.POSTGRES);
                }
            }
        }
    }

    @Test
    void everyPanelHasADescriptionAndAUnit() {
        for (Dashboard dashboard : dashboards) {
            for (Panel panel : dashboard.panels()) {
                assertThat(panel.json().path("description").asText())
                        .as(panel.describe() + " description")
                        .isNotBlank();
                assertThat(panel.json()
                                .path("fieldConfig")
                                .path("defaults")
                                .path("unit")
                                .asText())
                        .as(panel.describe() + " unit")
                        .isNotBlank();
            }
        }
    }

    @Test
    void ratesUseRateIntervalAndCountersAreAlwaysInsideARateOrIncrease() {
        for (Dashboard dashboard : dashboards) {
            for (Panel panel : dashboard.panels()) {
                for (Target target : panel.targets()) {
                    if (target.expr() == null) {
                        continue;
                    }
                    assertThat(PromQl.ranges(target.expr()))
                            .as(panel.describe() + " " + target.refId() + " ranges")
                            .allMatch("$__rate_interval"::equals);
                    assertThat(PromQl.countersOutsideRate(target.expr()))
                            .as(panel.describe() + " " + target.refId() + " counters outside rate/increase")
                            .isEmpty();
                }
            }
        }
    }

    @Test
    void everyRecordedSeriesADashboardReadsIsRecordedByARule() {
        Set<String> recorded = new HashSet<>();
        for (Path file : Repository.files(Repository.PROMETHEUS.resolve("rules"), ".yml")) {
            Yaml.rules(file).stream()
                    .filter(rule -> rule.containsKey("record"))
                    .forEach(rule -> recorded.add((String) rule.get("record")));
        }
        for (Dashboard dashboard : dashboards) {
            for (Dashboards.Variable variable : dashboard.variables()) {
                assertThat(PromQl.recordedSeries(variable.query())).isSubsetOf(recorded);
            }
            for (Panel panel : dashboard.panels()) {
                for (Target target : panel.targets()) {
                    if (target.expr() != null) {
                        assertThat(PromQl.recordedSeries(target.expr()))
                                .as(panel.describe())
                                .isSubsetOf(recorded);
                    }
                }
            }
        }
    }

    @Test
    void sqlTimeSeriesPanelsAskForTheTimeSeriesFormat() {
        for (Dashboard dashboard : dashboards) {
            for (Panel panel : dashboard.panels()) {
                for (Target target : panel.targets()) {
                    if (target.rawSql() != null) {
                        assertThat(target.format())
                                .as(panel.describe())
                                .isEqualTo(panel.type().equals("timeseries") ? "time_series" : "table");
                    }
                }
            }
        }
    }

    /** The provisioned datasources, uid to type. */
    private static Map<String, String> provisionedDatasources() {
        Map<String, String> byUid = new HashMap<>();
        for (Map<String, Object> datasource : Yaml.list(Yaml.load(Repository.DATASOURCES), "datasources")) {
            byUid.put((String) datasource.get("uid"), (String) datasource.get("type"));
        }
        return byUid;
    }
}
