package dev.practicetracker.monitoring;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands the macros of Grafana's PostgreSQL datasource the way Grafana's backend does
 * ({@code pkg/tsdb/grafana-postgresql-datasource/macros.go} and {@code sqleng}), so that a panel's SQL can be run as
 * Grafana would run it: first {@code $__interval_ms}, {@code $__interval}, {@code $__unixEpochFrom()} and
 * {@code $__unixEpochTo()}, then every {@code $name(args)}, whose arguments run to the first closing parenthesis and are
 * split at commas. Times are UTC in RFC 3339 with the fraction's trailing zeros trimmed, as Go's
 * {@code time.RFC3339Nano}; interval seconds are printed as Go's {@code %v} prints a float. A macro Grafana does not
 * know fails, as it does in Grafana. Without TimescaleDB, the datasource's default.
 */
final class GrafanaSqlMacros {

    private static final Pattern MACRO = Pattern.compile("\\$([_a-zA-Z0-9]+)\\(([^)]*)\\)");
    private static final Pattern INTERVAL = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");
    private static final DateTimeFormatter RFC3339_NANO = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .appendLiteral('Z')
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    private final Instant from;
    private final Instant to;
    private final Duration interval;

    /** The dashboard's time range, and the panel's interval ({@code $__interval}). */
    GrafanaSqlMacros(Instant from, Instant to, Duration interval) {
        this.from = from;
        this.to = to;
        this.interval = interval;
    }

    String expand(String sql) {
        String interpolated = sql.replace("$__interval_ms", String.valueOf(interval.toMillis()))
                .replace("$__interval", formatInterval(interval))
                .replace("$__unixEpochFrom()", String.valueOf(from.getEpochSecond()))
                .replace("$__unixEpochTo()", String.valueOf(to.getEpochSecond()));
        Matcher macro = MACRO.matcher(interpolated);
        StringBuilder expanded = new StringBuilder();
        while (macro.find()) {
            String name = macro.group(1);
            // Grafana's compatibility with dashboards from before 5.3: a $__timeGroup directly followed by a comma is
            // a column of the select list, and gets the alias.
            if (name.equals("__timeGroup")
                    && macro.end() < interpolated.length()
                    && interpolated.charAt(macro.end()) == ',') {
                name = "__timeGroupAlias";
            }
            List<String> args = new ArrayList<>();
            for (String arg : macro.group(2).split(",", -1)) {
                args.add(arg.strip());
            }
            macro.appendReplacement(expanded, Matcher.quoteReplacement(evaluate(name, args)));
        }
        macro.appendTail(expanded);
        return expanded.toString();
    }

    private String evaluate(String name, List<String> args) {
        return switch (name) {
            case "__time" -> column(name, args) + " AS \"time\"";
            case "__timeEpoch" -> "extract(epoch from " + column(name, args) + ") as \"time\"";
            case "__timeFilter" -> column(name, args) + " BETWEEN '" + rfc3339(from) + "' AND '" + rfc3339(to) + "'";
            case "__timeFrom" -> "'" + rfc3339(from) + "'";
            case "__timeTo" -> "'" + rfc3339(to) + "'";
            case "__timeGroup" -> {
                String seconds = goFloat(groupInterval(name, args));
                yield "floor(extract(epoch from " + args.get(0) + ")/" + seconds + ")*" + seconds;
            }
            case "__timeGroupAlias" -> evaluate("__timeGroup", args) + " AS \"time\"";
            case "__unixEpochFilter" -> {
                String column = column(name, args);
                yield column + " >= " + from.getEpochSecond() + " AND " + column + " <= " + to.getEpochSecond();
            }
            case "__unixEpochNanoFilter" -> {
                String column = column(name, args);
                yield column + " >= " + nanos(from) + " AND " + column + " <= " + nanos(to);
            }
            case "__unixEpochNanoFrom" -> String.valueOf(nanos(from));
            case "__unixEpochNanoTo" -> String.valueOf(nanos(to));
            case "__unixEpochGroup" -> {
                String seconds = goFloat(groupInterval(name, args));
                yield "floor((" + args.get(0) + ")/" + seconds + ")*" + seconds;
            }
            case "__unixEpochGroupAlias" -> evaluate("__unixEpochGroup", args) + " AS \"time\"";
            default -> throw new IllegalArgumentException("unknown macro \"" + name + "\"");
        };
    }

    private static String column(String macro, List<String> args) {
        if (args.isEmpty() || args.get(0).isEmpty()) {
            throw new IllegalArgumentException("missing time column argument for macro " + macro);
        }
        return args.get(0);
    }

    /** The group interval in seconds; a third argument (the fill mode) changes only how Grafana draws gaps. */
    private static double groupInterval(String macro, List<String> args) {
        if (args.size() < 2) {
            throw new IllegalArgumentException(
                    "macro " + macro + " needs time column and interval and optional fill value");
        }
        String text = args.get(1).replace("'", "");
        Matcher matcher = INTERVAL.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("error parsing interval " + args.get(1));
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration duration = switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofDays(7 * amount);
        };
        return duration.toMillis() / 1000.0;
    }

    private static String rfc3339(Instant instant) {
        return RFC3339_NANO.format(instant);
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** Grafana's own interval text: the largest whole unit, as {@code 15s}, {@code 1m}, {@code 1d}. */
    static String formatInterval(Duration interval) {
        long millis = interval.toMillis();
        if (millis % 86_400_000 == 0 && millis > 0) {
            return millis / 86_400_000 + "d";
        }
        if (millis % 3_600_000 == 0 && millis > 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }

    /** A float as Go's {@code %v} prints it: the shortest digits, in exponent form from 1e+06 or below 1e-04. */
    static String goFloat(double value) {
        BigDecimal shortest = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        if (shortest.signum() == 0) {
            return "0";
        }
        int digits = shortest.precision();
        int exponent = digits - shortest.scale() - 1;
        if (exponent < -4 || exponent >= 6) {
            String unscaled = shortest.unscaledValue().abs().toString();
            String mantissa = unscaled.length() == 1 ? unscaled : unscaled.charAt(0) + "." + unscaled.substring(1);
            String sign = shortest.signum() < 0 ? "-" : "";
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        return shortest.toPlainString();
    }
}
