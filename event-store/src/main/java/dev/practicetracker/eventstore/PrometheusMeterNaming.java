package dev.practicetracker.eventstore;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes every meter of both services follow Prometheus' conventions, so that {@code promtool check metrics} passes on
 * a scrape and dashboards can rely on one naming style.
 *
 * <p>Axon's dimensional meters are named in camelCase after their type ({@code commandBus.successCounter}, tags
 * {@code payloadType}, {@code processorName}); they become {@code axon.command.bus.success} (scraped as
 * {@code axon_command_bus_success_total}) with tags {@code payload_type} and {@code processor}. Axon's
 * {@code allTimer} becomes a {@code duration} histogram with fixed buckets instead of per-instance quantiles, which
 * cannot be aggregated across instances. Axon's per-outcome timers, capacity and latency gauges are dropped: the
 * counters carry the outcomes, and the latency gauge freezes at its last value when no events arrive (the query side
 * publishes its own projection lag instead); dropping them also ends the "already registered" warnings that the
 * processors' threads caused by registering the same gauge each.
 *
 * <p>A few platform meters break the conventions too: they are given a description (no help text otherwise), renamed
 * ({@code system.cpu.count} reads as a histogram's count) or dropped where the value is in a non-base unit that a
 * rename cannot convert ({@code jvm.compilation.time} in milliseconds, {@code process.cpu.time} in nanoseconds) or
 * meaningless for a stateless API (Tomcat's HTTP sessions).
 */
final class PrometheusMeterNaming implements MeterFilter {

    private static final Set<String> DROPPED_PREFIXES =
            Set.of("jvm.compilation.time", "process.cpu.time", "tomcat.sessions");

    private static final Map<String, String> RENAMED = Map.of("system.cpu.count", "system.cpu.cores");

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "http.server.requests", "HTTP requests handled, by method, URI template, status and outcome",
            "http.server.requests.active", "HTTP requests in progress, by method and URI template",
            "system.cpu.cores", "Logical processors available to the JVM",
            "tasks.scheduled.execution", "Runs of scheduled tasks, by task and outcome",
            "tasks.scheduled.execution.active", "Scheduled tasks running now, by task");

    private static final Map<String, String> TAG_NAMES =
            Map.of("payloadType", "payload_type", "processorName", "processor");

    /** Axon's meter names: a component, then what is measured, such as {@code successCounter} or {@code allTimer}. */
    private static final Pattern AXON_METER = Pattern.compile("([a-z]+(?:[A-Z][a-z]*)+)\\.([a-z]+)(Counter|Timer)?");

    private static final Pattern CAMEL_HUMP = Pattern.compile("(?<=[a-z0-9])([A-Z])");

    /** Buckets of Axon's message durations, in seconds: a command or event handled in milliseconds to a few seconds. */
    private static final double[] AXON_DURATION_BUCKETS = {
        0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
    };

    /** Sees names after {@link #map}: an Axon name still in camelCase is one that was not kept. */
    @Override
    public MeterFilterReply accept(Meter.Id id) {
        String name = id.getName();
        if (DROPPED_PREFIXES.stream().anyMatch(prefix -> name.equals(prefix) || name.startsWith(prefix + "."))
                || AXON_METER.matcher(name).matches()) {
            return MeterFilterReply.DENY;
        }
        return MeterFilterReply.NEUTRAL;
    }

    private static boolean isKeptAxonMeter(Matcher axon) {
        String kind = axon.group(3);
        return "Counter".equals(kind) || ("Timer".equals(kind) && "all".equals(axon.group(2)));
    }

    @Override
    public Meter.Id map(Meter.Id id) {
        String name = RENAMED.getOrDefault(id.getName(), id.getName());
        Matcher axon = AXON_METER.matcher(name);
        if (axon.matches() && isKeptAxonMeter(axon)) {
            String measured = "Timer".equals(axon.group(3)) ? "duration" : snake(axon.group(2));
            name = "axon." + snake(axon.group(1)).replace('_', '.') + "." + measured;
        }
        List<Tag> tags = new ArrayList<>();
        for (Tag tag : id.getTagsAsIterable()) {
            String key = TAG_NAMES.getOrDefault(tag.getKey(), snake(tag.getKey()));
            tags.add(Tag.of(key, tag.getValue()));
        }
        String description = id.getDescription() != null ? id.getDescription() : DESCRIPTIONS.get(name);
        if (description == null && name.startsWith("axon.")) {
            description = "Axon " + name.substring("axon.".length()).replace('.', ' ');
        }
        return new Meter.Id(name, Tags.of(tags), id.getBaseUnit(), description, id.getType());
    }

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (id.getName().startsWith("axon.") && id.getType() == Meter.Type.TIMER) {
            return DistributionStatisticConfig.builder()
                    .percentiles(new double[0])
                    .percentilesHistogram(false)
                    .serviceLevelObjectives(secondsToNanos(AXON_DURATION_BUCKETS))
                    .build()
                    .merge(config);
        }
        return config;
    }

    private static double[] secondsToNanos(double[] seconds) {
        double[] nanos = new double[seconds.length];
        for (int i = 0; i < seconds.length; i++) {
            nanos[i] = seconds[i] * 1e9;
        }
        return nanos;
    }

    static String snake(String camel) {
        return CAMEL_HUMP.matcher(camel).replaceAll("_$1").toLowerCase(Locale.ROOT);
    }
}
