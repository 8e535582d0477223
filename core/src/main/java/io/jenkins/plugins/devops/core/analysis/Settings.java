package io.jenkins.plugins.devops.core.analysis;

import io.jenkins.plugins.devops.core.analysis.template.Placeholders;
import io.jenkins.plugins.devops.core.gate.GatePoint;
import io.jenkins.plugins.devops.core.text.DidYouMean;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed, checked reading of one configuration item (a map from a Jenkinsfile or YAML). Every problem becomes an
 * {@link InvalidGateConfigurationException} naming the item and the key.
 */
final class Settings {
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private final String item;
    private final Map<String, Object> values;

    Settings(String item, Map<String, ?> values, Collection<String> allowedKeys) {
        this.item = item;
        this.values = new LinkedHashMap<>();
        if (values == null) {
            throw error("is empty; give at least a name");
        }
        values.forEach((key, value) -> this.values.put(String.valueOf(key), value));
        for (String key : this.values.keySet()) {
            if (!allowedKeys.contains(key)) {
                throw error("unknown setting '" + key + "'" + suggestion(key, allowedKeys) + "; known settings: "
                        + String.join(", ", allowedKeys));
            }
        }
    }

    String item() {
        return item;
    }

    boolean has(String key) {
        return values.get(key) != null;
    }

    InvalidGateConfigurationException error(String message) {
        return new InvalidGateConfigurationException(item + ": " + message);
    }

    String string(String key, String fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Map || value instanceof Collection) {
            throw error("'" + key + "' must be text, not " + value.getClass().getSimpleName());
        }
        return value.toString();
    }

    String requiredString(String key, String example) {
        String value = string(key, null);
        if (value == null || value.isBlank()) {
            throw error("'" + key + "' is missing or empty; set it, e.g. " + key + ": " + example);
        }
        return value.strip();
    }

    Double number(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        try {
            double number =
                    value instanceof Number n ? n.doubleValue() : new BigDecimal(value.toString()).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw error("'" + key + "' must be a number, was '" + value + "'");
        }
    }

    double number(String key, double fallback, double lowest, double highest) {
        Double value = number(key);
        if (value == null) {
            return fallback;
        }
        if (value < lowest || value > highest) {
            throw error("'" + key + "' must be between " + plain(lowest) + " and " + plain(highest) + ", was "
                    + plain(value));
        }
        return value;
    }

    int integer(String key, int fallback, int lowest) {
        Double value = number(key);
        if (value == null) {
            return fallback;
        }
        if (value != Math.rint(value)) {
            throw error("'" + key + "' must be a whole number, was " + plain(value));
        }
        if (value < lowest) {
            throw error("'" + key + "' must be at least " + lowest + ", was " + plain(value));
        }
        return value.intValue();
    }

    boolean bool(String key, boolean fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        return switch (value.toString().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw error("'" + key + "' must be true or false, was '" + value + "'");
        };
    }

    /**
     * A duration such as {@code 30s}, {@code 500ms}, {@code 1m30s} or {@code 2h}; a plain number means seconds
     * (as in Argo Rollouts).
     */
    Duration duration(String key, Duration fallback, boolean positive) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        String text = value.toString().strip();
        if (text.startsWith("-")) {
            throw error("'" + key + "' must not be negative, was '" + text + "'; use e.g. 30s");
        }
        Duration duration;
        if (value instanceof Number || text.matches("\\d+(\\.\\d+)?")) {
            duration = Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000));
        } else {
            duration = Duration.ZERO;
            Matcher matcher = DURATION_PART.matcher(text);
            int position = 0;
            while (position < text.length()) {
                if (!matcher.find(position) || matcher.start() != position) {
                    throw error("'" + key + "' is not a duration: '" + text + "'; use e.g. 500ms, 30s, 5m or 1h");
                }
                double amount = Double.parseDouble(matcher.group(1));
                long millis =
                        switch (matcher.group(2)) {
                            case "ms" -> 1;
                            case "s" -> 1_000;
                            case "m" -> 60_000;
                            default -> 3_600_000;
                        };
                duration = duration.plusMillis(Math.round(amount * millis));
                position = matcher.end();
            }
        }
        if (positive && duration.isZero()) {
            throw error("'" + key + "' must be longer than 0, was '" + text + "'");
        }
        return duration;
    }

    List<String> strings(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (value instanceof Map) {
            throw error("'" + key + "' must be a list");
        }
        return List.of(value.toString());
    }

    Map<String, String> stringMap(String key) {
        Object value = values.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw error("'" + key + "' must be a map of names to values, e.g. " + key + ": {X-Team: payments}");
        }
        Map<String, String> result = new LinkedHashMap<>();
        map.forEach((k, v) -> result.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        return result;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> maps(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof Collection<?> list)) {
            throw error("'" + key + "' must be a list of maps");
        }
        List<Map<String, Object>> result = new ArrayList<>();
        for (Object element : list) {
            if (!(element instanceof Map)) {
                throw error("'" + key + "' must be a list of maps, found '" + element + "'");
            }
            result.add((Map<String, Object>) element);
        }
        return result;
    }

    Set<GatePoint> points(String key, Set<GatePoint> fallback) {
        List<String> names = strings(key);
        if (names.isEmpty()) {
            return fallback;
        }
        Set<GatePoint> points = EnumSet.noneOf(GatePoint.class);
        for (String name : names) {
            String normal = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            try {
                points.add(GatePoint.valueOf(normal));
            } catch (IllegalArgumentException e) {
                throw error("'" + key + "' has unknown point '" + name
                        + "'; use pre-rollout, step, confirm-promotion, post-rollout or rollback");
            }
        }
        return points;
    }

    /** An http(s) URL, placeholders allowed anywhere (they are checked for known names). */
    String url(String key, String example) {
        String url = requiredString(key, example);
        placeholders(key, url);
        String probe = url.replaceAll("\\{\\{[^}]*}}", "x");
        try {
            URI uri = URI.create(probe);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw error("'" + key + "' is not an http(s) URL: '" + url + "'; use e.g. " + example);
        }
        return url;
    }

    /** Rejects placeholders no deployment can fill. */
    void placeholders(String key, String text) {
        String unknown = Placeholders.firstUnknown(text);
        if (unknown != null) {
            throw error("'" + key + "' uses unknown placeholder {{" + unknown + "}}"
                    + suggestion(unknown, Placeholders.KNOWN)
                    + "; known: "
                    + String.join(", ", Placeholders.KNOWN.stream().sorted().toList())
                    + ", targets.<name>");
        }
    }

    static String suggestion(String key, Collection<String> known) {
        return DidYouMean.hint(key, known);
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
