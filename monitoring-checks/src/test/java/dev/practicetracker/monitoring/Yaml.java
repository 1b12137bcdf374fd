package dev.practicetracker.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading the YAML of Prometheus' rules and configuration as plain maps and lists. */
final class Yaml {

    private Yaml() {}

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> load(Path file) {
        return new org.yaml.snakeyaml.Yaml().load(text(file));
    }

    /** Every rule of every group of a rule file, recording rules and alerts alike. */
    static List<Map<String, Object>> rules(Path file) {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : list(load(file), "groups")) {
            rules.addAll(list(group, "rules"));
        }
        return rules;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? Map.of() : (Map<String, Object>) value;
    }
}
