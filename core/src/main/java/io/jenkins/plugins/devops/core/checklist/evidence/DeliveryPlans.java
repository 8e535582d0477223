package io.jenkins.plugins.devops.core.checklist.evidence;

import io.jenkins.plugins.devops.core.checklist.Evidence;
import io.jenkins.plugins.devops.core.checklist.Facts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Learns the {@link DeliveryPlan}s: the caller's facts first ({@code strategy}, {@code steps}, {@code httpRoute},
 * {@code service} — the Jenkins step passes those of the run's deployments, the CLI takes them from
 * {@code --fact}), otherwise every {@code devopsDeploy} call of the Jenkinsfiles. Groovy is not parsed: the
 * arguments of a call are its balanced brackets, read with patterns, so only literal values count (a strategy held
 * in a variable is not known). The analysis time comes from the call's {@code analysis} maps or, when it has none,
 * from a gates file in the workspace (a YAML document with a top-level {@code analysis} list).
 */
public final class DeliveryPlans {
    private static final Pattern CALL = Pattern.compile("\\bdevopsDeploy\\b");
    private static final Pattern STRATEGY = Pattern.compile("\\bstrategy\\s*:\\s*['\"]([\\w-]+)['\"]");
    private static final Pattern STEPS = Pattern.compile("\\bsteps\\s*:\\s*\\[([\\d\\s,]*)]");
    private static final Pattern ROUTE = Pattern.compile("\\bhttpRoute\\s*:\\s*['\"]([^'\"]+)['\"]");
    private static final Pattern SERVICE = Pattern.compile("\\bservice\\s*:\\s*['\"]([a-z0-9-]+)['\"]");
    private static final Pattern ANALYSIS = Pattern.compile("\\banalysis\\s*:\\s*\\[");
    private static final Pattern SETTING =
            Pattern.compile("\\b(interval|count|initialDelay)\\s*:\\s*['\"]?([\\w.]+)['\"]?");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private DeliveryPlans() {}

    public static List<DeliveryPlan> find(EvidenceContext context) {
        Facts facts = context.facts();
        Map<String, String> other = facts.other();
        Duration gatesFile = gatesFileAnalysis(context);
        List<DeliveryPlan> fromJenkinsfiles = new ArrayList<>();
        for (String file : context.jenkinsfiles()) {
            String text = context.workspace().text(file).orElse("");
            Matcher call = CALL.matcher(text);
            while (call.find()) {
                String args = arguments(text, call.end());
                Matcher strategy = STRATEGY.matcher(args);
                if (!strategy.find()) {
                    continue; // rolling by default, or a strategy we cannot read
                }
                Duration analysis = analysis(args);
                fromJenkinsfiles.add(new DeliveryPlan(
                        canonical(strategy.group(1)),
                        group(SERVICE, args),
                        steps(group(STEPS, args)),
                        group(ROUTE, args),
                        analysis.isZero() ? gatesFile : analysis,
                        Evidence.at(file, lineOf(text, call.start()), "devopsDeploy strategy: " + strategy.group(1))));
            }
        }
        String strategy = other.get("strategy");
        if (strategy != null && !strategy.isBlank()) {
            Duration analysis = fromJenkinsfiles.stream()
                    .map(DeliveryPlan::analysis)
                    .max(Duration::compareTo)
                    .orElse(gatesFile);
            return List.of(new DeliveryPlan(
                    canonical(strategy),
                    other.getOrDefault("service", ""),
                    steps(other.getOrDefault("steps", "")),
                    other.getOrDefault("httpRoute", ""),
                    analysis,
                    Evidence.fact("strategy", strategy)));
        }
        return List.copyOf(fromJenkinsfiles);
    }

    static String canonical(String strategy) {
        String s = strategy.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (s) {
            case "bluegreen" -> "blue-green";
            case "rollingupdate", "rolling-update" -> "rolling";
            default -> s;
        };
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : "";
    }

    static List<Integer> steps(String list) {
        List<Integer> steps = new ArrayList<>();
        for (String part : list.split(",")) {
            String t = part.trim();
            if (t.matches("\\d{1,3}")) {
                steps.add(Integer.parseInt(t));
            }
        }
        return steps;
    }

    /** The text between the brackets after a call, or the rest of its statement for a call without parentheses. */
    static String arguments(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '(') {
            return balanced(text, i);
        }
        // devopsDeploy service: 'a', strategy: 'b',\n steps: [...]: up to the first line end outside brackets
        int depth = 0;
        int end = i;
        for (; end < text.length(); end++) {
            char c = text.charAt(end);
            if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || c == ')') {
                depth--;
            } else if (c == '\n'
                    && depth <= 0
                    && !text.substring(i, end).stripTrailing().endsWith(",")) {
                break;
            }
        }
        return text.substring(i, end);
    }

    private static String balanced(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
                if (depth == 0) {
                    return text.substring(open + 1, i);
                }
            }
        }
        return text.substring(open + 1);
    }

    /** The longest {@code initialDelay + interval × count} of the call's analysis maps. */
    static Duration analysis(String args) {
        Matcher list = ANALYSIS.matcher(args);
        if (!list.find()) {
            return Duration.ZERO;
        }
        String items = balanced(args, list.end() - 1);
        Duration longest = Duration.ZERO;
        int depth = 0;
        int start = -1;
        for (int i = 0; i < items.length(); i++) {
            char c = items.charAt(i);
            if (c == '[') {
                if (depth++ == 0) {
                    start = i;
                }
            } else if (c == ']' && --depth == 0 && start >= 0) {
                Duration need = need(items.substring(start, i));
                longest = need.compareTo(longest) > 0 ? need : longest;
            }
        }
        return longest;
    }

    private static Duration need(String metric) {
        Duration interval = Duration.ofSeconds(30);
        long count = 1;
        Duration delay = Duration.ZERO;
        Matcher m = SETTING.matcher(metric);
        while (m.find()) {
            switch (m.group(1)) {
                case "interval" -> interval = duration(m.group(2), interval);
                case "count" -> count = m.group(2).matches("\\d+") ? Long.parseLong(m.group(2)) : count;
                default -> delay = duration(m.group(2), delay);
            }
        }
        return delay.plus(interval.multipliedBy(count));
    }

    private static Duration need(Map<String, Object> metric) {
        Duration interval = duration(String.valueOf(metric.getOrDefault("interval", "30s")), Duration.ofSeconds(30));
        Long count = Scalars.integer(metric.get("count"));
        Duration delay = duration(String.valueOf(metric.getOrDefault("initialDelay", "0s")), Duration.ZERO);
        return delay.plus(interval.multipliedBy(count == null ? 1 : count));
    }

    /** {@code 30s}, {@code 1m30s}, {@code 500ms}, {@code 2h}; a bare number is seconds. */
    static Duration duration(String text, Duration fallback) {
        String t = text.trim();
        if (t.matches("\\d+(\\.\\d+)?")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
        }
        Matcher m = DURATION_PART.matcher(t);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            double amount = Double.parseDouble(m.group(1));
            long millis =
                    switch (m.group(2)) {
                        case "ms" -> Math.round(amount);
                        case "s" -> Math.round(amount * 1000);
                        case "m" -> Math.round(amount * 60_000);
                        default -> Math.round(amount * 3_600_000);
                    };
            total = total.plusMillis(millis);
            end = m.end();
        }
        return end == t.length() && end > 0 ? total : fallback;
    }

    /** The longest analysis of a gates file ({@code analysis:} list at the top of a YAML document). */
    private static Duration gatesFileAnalysis(EvidenceContext context) {
        Duration longest = Duration.ZERO;
        for (String file : context.workspace().filesNamed(".*\\.ya?ml")) {
            String text = context.workspace().text(file).orElse("");
            if (!text.contains("analysis:") || text.contains("apiVersion:")) {
                continue;
            }
            try {
                for (YamlDocument document : YamlFiles.parse(file, text)) {
                    for (Object metric :
                            YamlDocument.list(document.at("analysis").orElse(null))) {
                        Map<String, Object> m = YamlDocument.map(metric);
                        if (m.containsKey("interval") || m.containsKey("count")) {
                            Duration need = need(m);
                            longest = need.compareTo(longest) > 0 ? need : longest;
                        }
                    }
                }
            } catch (YamlFiles.InvalidYamlException e) {
                // not a gates file we can read
            }
        }
        return longest;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
