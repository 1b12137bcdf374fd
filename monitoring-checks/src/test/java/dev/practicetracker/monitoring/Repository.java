package dev.practicetracker.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the monitoring assets and their page live: the repository's root, one folder above this module. */
final class Repository {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path PROMETHEUS = ROOT.resolve("prometheus");
    static final Path DASHBOARDS = ROOT.resolve("grafana/dashboards");
    static final Path DATASOURCES = ROOT.resolve("grafana/provisioning/datasources/datasources.yml");
    static final Path MONITORING_PAGE = ROOT.resolve("docs/monitoring.md");

    private Repository() {}

    /** The files in {@code dir} whose names end with {@code suffix}, sorted; fails when there are none. */
    static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> listed = Files.list(dir)) {
            List<Path> found = listed.filter(
                            path -> path.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
            if (found.isEmpty()) {
                throw new AssertionError("no *" + suffix + " in " + dir);
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scratch folder of this module's build, emptied first. */
    static Path scratch(String name) {
        Path dir = Path.of("target", name).toAbsolutePath();
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path path :
                            walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
