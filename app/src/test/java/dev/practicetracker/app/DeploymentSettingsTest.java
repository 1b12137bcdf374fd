package dev.practicetracker.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.practicetracker.command.CommandSideApplication;
import dev.practicetracker.query.QuerySideApplication;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.PropertySource;

/**
 * The one-process app and the two services run apart are configured alike: a setting two of them define has the same
 * value (the same environment variable and the same default), apart from the few that tell the deployments apart. Each
 * deployment's settings are read as Spring reads them at start-up, from its own application.yml and what that imports,
 * without starting anything else.
 */
class DeploymentSettingsTest {

    /** Each deployment its own port and name, the app both services' migrations, each file its own imports. */
    private static final Set<String> DIFFERENT_BY_DESIGN =
            Set.of("server.port", "spring.application.name", "spring.flyway.locations", "spring.config.import");

    /** What only the app has: the demo switch. */
    private static final Set<String> THE_APPS_OWN = Set.of("tracker.demo.enabled", "tracker.demo.reseed-when-stale");

    private static Deployment commandSideAlone;
    private static Deployment querySideAlone;
    private static Deployment oneProcess;
    private static Map<String, String> commandSide;
    private static Map<String, String> querySide;
    private static Map<String, String> app;

    @BeforeAll
    static void readTheSettings(@TempDir Path copies) {
        commandSideAlone = Deployment.of(CommandSideApplication.class, copies.resolve("command-side.yml"));
        querySideAlone = Deployment.of(QuerySideApplication.class, copies.resolve("query-side.yml"));
        oneProcess = Deployment.of(TrackerApplication.class, copies.resolve("app.yml"));
        commandSide = commandSideAlone.settings();
        querySide = querySideAlone.settings();
        app = oneProcess.settings();
    }

    @Test
    void eachServicesApplicationYmlSetsOnlyWhatTellsTheDeploymentsApart() {
        // Everything else belongs in the service's config/ file, which the app imports too.
        assertThat(names(commandSideAlone.ownFile())).isEqualTo(DIFFERENT_BY_DESIGN);
        assertThat(names(querySideAlone.ownFile())).isEqualTo(DIFFERENT_BY_DESIGN);
    }

    @Test
    void theAppsApplicationYmlSetsOnlyWhatTellsTheDeploymentsApartAndTheDemoSwitch() {
        // A setting here that an imported file also sets would have no effect: imports take precedence.
        Set<String> expected = new HashSet<>(DIFFERENT_BY_DESIGN);
        expected.addAll(THE_APPS_OWN);

        assertThat(names(oneProcess.ownFile())).isEqualTo(expected);
    }

    @Test
    void theAppSetsEveryCommandSideSettingAsTheCommandSideAloneDoes() {
        assertThat(app).containsAllEntriesOf(comparable(commandSide));
    }

    @Test
    void theAppSetsEveryQuerySideSettingAsTheQuerySideAloneDoes() {
        assertThat(app).containsAllEntriesOf(comparable(querySide));
    }

    @Test
    void bothServicesSetTheSettingsTheyShareAlike() {
        Map<String, String> shared = new TreeMap<>(comparable(commandSide));
        shared.keySet().retainAll(querySide.keySet());

        assertThat(shared).isNotEmpty();
        assertThat(querySide).containsAllEntriesOf(shared);
    }

    @Test
    void theAppAddsNoSettingOfItsOwnButTheDemoSwitch() {
        Set<String> added = new HashSet<>(comparable(app).keySet());
        added.removeAll(commandSide.keySet());
        added.removeAll(querySide.keySet());

        assertThat(added).isEqualTo(THE_APPS_OWN);
    }

    @Test
    void theAppMigratesWithBothServicesScriptsAndNoOthers() {
        Set<String> both = new HashSet<>(locations(commandSide));
        both.addAll(locations(querySide));

        assertThat(locations(app)).isEqualTo(both);
    }

    private static Map<String, String> comparable(Map<String, String> settings) {
        Map<String, String> comparable = new TreeMap<>(settings);
        comparable.keySet().removeIf(DeploymentSettingsTest::differentByDesign);
        return comparable;
    }

    private static boolean differentByDesign(String key) {
        return DIFFERENT_BY_DESIGN.contains(name(key));
    }

    private static Set<String> names(Set<String> keys) {
        return keys.stream().map(DeploymentSettingsTest::name).collect(Collectors.toSet());
    }

    /** A list's items are keys of their own: spring.config.import[0], ... */
    private static String name(String key) {
        return key.replaceFirst("\\[\\d+]$", "");
    }

    private static Set<String> locations(Map<String, String> settings) {
        return Arrays.stream(settings.get("spring.flyway.locations").split(","))
                .map(String::strip)
                .collect(Collectors.toSet());
    }

    /**
     * Every setting a deployment's configuration files define, as written there (placeholders unresolved, so an
     * environment variable's name counts too), the file Spring gives precedence winning where two define one; and the
     * names its own application.yml defines.
     */
    private record Deployment(Map<String, String> settings, Set<String> ownFile) {

        static Deployment of(Class<?> application, Path copy) {
            copyApplicationYml(application, copy);
            Map<String, String> settings = new LinkedHashMap<>();
            Set<String> ownFile = new HashSet<>();
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Nothing.class)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .properties("spring.config.location=file:" + copy)
                    .run()) {
                for (PropertySource<?> source : context.getEnvironment().getPropertySources()) {
                    if (source instanceof OriginTrackedMapPropertySource file) {
                        for (String key : file.getPropertyNames()) {
                            settings.putIfAbsent(key, String.valueOf(file.getProperty(key)));
                        }
                        if (file.getName().contains(copy.toString())) {
                            ownFile.addAll(Arrays.asList(file.getPropertyNames()));
                        }
                    }
                }
            }
            assertThat(settings)
                    .as("settings of " + application.getSimpleName())
                    .isNotEmpty();
            assertThat(ownFile)
                    .as("application.yml of " + application.getSimpleName())
                    .isNotEmpty();
            return new Deployment(settings, ownFile);
        }
    }

    /**
     * The application.yml that ships with the application's own classes (on this classpath all three are called
     * application.yml), copied to a file, since Spring takes a config location from a directory or a file, not from
     * inside a jar. What it imports is found on the classpath, where each name is unique.
     */
    private static void copyApplicationYml(Class<?> application, Path copy) {
        String classes =
                application.getProtectionDomain().getCodeSource().getLocation().toString();
        try {
            URL own =
                    Collections.list(DeploymentSettingsTest.class
                                    .getClassLoader()
                                    .getResources("application.yml"))
                            .stream()
                            .filter(url -> url.toString().contains(classes))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError("no application.yml in " + classes));
            try (InputStream in = own.openStream()) {
                Files.copy(in, copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Nothing {}
}
