package dev.practicetracker.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the checks need to know of PromQL text, without a parser: variables, comparisons, counters, range selectors. */
final class PromQl {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::\\w+)?}|\\$(\\w+)|\\[\\[(\\w+)]]");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern COUNTER_SERIES = Pattern.compile(".*_(total|count|sum|bucket)");
    private static final Set<String> COUNTER_FUNCTIONS = Set.of("rate", "increase", "irate");
    private static final Pattern RANGE = Pattern.compile("\\[([^]]*)]");

    private PromQl() {}

    /**
     * Replaces {@code $name}, {@code ${name}} and {@code [[name]]}; an unknown variable fails. A {@code $name(} is a
     * macro of Grafana's SQL datasources, expanded after the variables, and stays.
     */
    static String substitute(String text, Map<String, String> values) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            if (matcher.group(2) != null && matcher.end() < text.length() && text.charAt(matcher.end()) == '(') {
                continue;
            }
            String name = matcher.group(1) != null
                    ? matcher.group(1)
                    : matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("no value for variable $" + name + " in: " + text);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * The expression with {@code bool} after each comparison outside label matchers, so that an alert's expression
     * returns a sample for every input series whether or not it fires: empty then means an input series is missing,
     * not that all is well.
     */
    static String withBoolComparisons(String expr) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                int end = endOfString(expr, i);
                out.append(expr, i, end + 1);
                i = end;
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
            String operator = depth == 0 ? comparisonAt(expr, i) : null;
            if (operator == null) {
                out.append(c);
                continue;
            }
            out.append(operator);
            i += operator.length() - 1;
            if (!expr.substring(i + 1).stripLeading().startsWith("bool")) {
                out.append(" bool");
            }
        }
        return out.toString();
    }

    private static String comparisonAt(String expr, int i) {
        for (String operator : List.of("==", "!=", ">=", "<=")) {
            if (expr.startsWith(operator, i)) {
                return operator;
            }
        }
        char c = expr.charAt(i);
        if ((c == '>' || c == '<') && (i + 1 >= expr.length() || expr.charAt(i + 1) != '=')) {
            return String.valueOf(c);
        }
        return null;
    }

    /** Counter-like series ({@code _total}, {@code _count}, {@code _sum}, {@code _bucket}) not directly in a rate. */
    static List<String> countersOutsideRate(String expr) {
        List<String> outside = new ArrayList<>();
        String code = withoutStringsAndMatchers(expr);
        Matcher identifier = IDENTIFIER.matcher(code);
        while (identifier.find()) {
            String name = identifier.group();
            if (COUNTER_SERIES.matcher(name).matches() && !name.contains(":")) {
                String function = enclosingFunction(code, identifier.start());
                if (!COUNTER_FUNCTIONS.contains(function)) {
                    outside.add(name);
                }
            }
        }
        return outside;
    }

    /** The range selectors' durations, such as {@code $__rate_interval} or {@code 5m}. */
    static List<String> ranges(String expr) {
        List<String> ranges = new ArrayList<>();
        Matcher range = RANGE.matcher(withoutStringsAndMatchers(expr));
        while (range.find()) {
            ranges.add(range.group(1).strip());
        }
        return ranges;
    }

    /** The recorded series an expression reads: names with a colon, which only recording rules produce. */
    static List<String> recordedSeries(String expr) {
        List<String> names = new ArrayList<>();
        Matcher identifier = IDENTIFIER.matcher(withoutStringsAndMatchers(expr));
        while (identifier.find()) {
            if (identifier.group().contains(":")) {
                names.add(identifier.group());
            }
        }
        return names;
    }

    private static String enclosingFunction(String code, int position) {
        int depth = 0;
        for (int i = position - 1; i >= 0; i--) {
            char c = code.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(') {
                if (depth == 0) {
                    int end = i;
                    while (end > 0 && code.charAt(end - 1) == ' ') {
                        end--;
                    }
                    int start = end;
                    while (start > 0 && Character.isLetterOrDigit(code.charAt(start - 1))
                            || start > 0 && code.charAt(start - 1) == '_') {
                        start--;
                    }
                    return code.substring(start, end);
                }
                depth--;
            }
        }
        return "";
    }

    /** The expression with string literals and label matchers blanked, keeping every other character's position. */
    private static String withoutStringsAndMatchers(String expr) {
        StringBuilder out = new StringBuilder(expr);
        int braces = 0;
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                int end = endOfString(expr, i);
                for (int j = i; j <= end; j++) {
                    out.setCharAt(j, ' ');
                }
                i = end;
                continue;
            }
            if (c == '{') {
                braces++;
            }
            if (braces > 0) {
                out.setCharAt(i, ' ');
            }
            if (c == '}') {
                braces--;
            }
        }
        return out.toString();
    }

    private static int endOfString(String expr, int start) {
        char quote = expr.charAt(start);
        for (int i = start + 1; i < expr.length(); i++) {
            if (expr.charAt(i) == '\\' && quote != '`') {
                i++;
            } else if (expr.charAt(i) == quote) {
                return i;
            }
        }
        throw new IllegalArgumentException("unterminated string in: " + expr);
    }
}
