package dev.practicetracker.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The dashboards in {@code grafana/dashboards}, read as Grafana reads them: variables, panels (rows opened) and queries. */
final class Dashboards {

    static final String PROMETHEUS = "prometheus";
    static final String POSTGRES = "grafana-postgresql-datasource";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Dashboards() {}

    record Dashboard(
            Path file,
            String uid,
            String title,
            String timeFrom,
            String timeTo,
            List<Variable> variables,
            List<Panel> panels) {

        /** The datasource type a {@code ${variable}} uid stands for, or null when no datasource variable has the name. */
        String datasourceTypeOf(String uid) {
            for (Variable variable : variables) {
                if (variable.type().equals("datasource") && uid.equals("${" + variable.name() + "}")) {
                    return variable.query();
                }
            }
            return null;
        }
    }

    /** A template variable; for a query variable, {@code datasourceUid} names where its query runs. */
    record Variable(String name, String type, String datasourceUid, String query, String current, boolean multi) {}

    record Panel(String dashboard, int id, String title, String type, JsonNode json, List<Target> targets) {

        String describe() {
            return dashboard + " › " + title;
        }
    }

    /** One query of a panel; {@code datasourceUid} is the target's own datasource or else the panel's. */
    record Target(String refId, String datasourceUid, String expr, String rawSql, String format, boolean instant) {}

    static List<Dashboard> all() {
        List<Dashboard> dashboards = new ArrayList<>();
        for (Path file : Repository.files(Repository.DASHBOARDS, ".json")) {
            dashboards.add(read(file));
        }
        return dashboards;
    }

    static Dashboard read(Path file) {
        JsonNode json;
        try {
            json = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String title = json.path("title").asText();
        List<Variable> variables = new ArrayList<>();
        for (JsonNode variable : json.path("templating").path("list")) {
            JsonNode query = variable.path("query");
            variables.add(new Variable(
                    variable.path("name").asText(),
                    variable.path("type").asText(),
                    variable.path("datasource").path("uid").asText(null),
                    query.isObject() ? query.path("query").asText() : query.asText(),
                    variable.path("current").path("value").isTextual()
                            ? variable.path("current").path("value").asText()
                            : null,
                    variable.path("multi").asBoolean(false)));
        }
        List<Panel> panels = new ArrayList<>();
        for (JsonNode panel : json.path("panels")) {
            if (panel.path("type").asText().equals("row")) {
                panel.path("panels").forEach(nested -> panels.add(panel(title, nested)));
            } else {
                panels.add(panel(title, panel));
            }
        }
        return new Dashboard(
                file,
                json.path("uid").asText(null),
                title,
                json.path("time").path("from").asText(),
                json.path("time").path("to").asText(),
                List.copyOf(variables),
                List.copyOf(panels));
    }

    private static Panel panel(String dashboard, JsonNode panel) {
        String panelDatasource = panel.path("datasource").path("uid").asText(null);
        List<Target> targets = new ArrayList<>();
        for (JsonNode target : panel.path("targets")) {
            targets.add(new Target(
                    target.path("refId").asText(),
                    target.path("datasource").path("uid").asText(panelDatasource),
                    target.hasNonNull("expr") ? target.get("expr").asText() : null,
                    target.hasNonNull("rawSql") ? target.get("rawSql").asText() : null,
                    target.path("format").asText("time_series"),
                    target.path("instant").asBoolean(false)));
        }
        return new Panel(
                dashboard,
                panel.path("id").asInt(),
                panel.path("title").asText(),
                panel.path("type").asText(),
                panel,
                List.copyOf(targets));
    }
}
