package io.jenkins.plugins.devops.core.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the new version replaces the old one, and the knobs of that strategy.
 *
 * <pre>{@code
 * StrategySettings.canary(List.of(10, 50, 100));
 * StrategySettings.fromOptions("canary", Map.of("steps", List.of(10, 50, 100), "pauseSeconds", 0));
 * }</pre>
 *
 * @param name {@code rolling}, {@code recreate}, {@code blue-green} or {@code canary}
 * @param steps canary traffic weights in percent, strictly increasing, each 1-100 (empty for other strategies)
 * @param pause canary pause after each step's gate (zero for none)
 * @param httpRoute name of a Gateway API HTTPRoute whose backendRef weights carry the canary traffic, or empty to
 *     realise weights by replica ratio
 * @param maxSurge rolling update maxSurge (count or percentage), default {@code 25%}
 * @param maxUnavailable rolling update maxUnavailable (count or percentage), default {@code 0} (Kubernetes' own
 *     default is 25%, which lets ready pods drop by a quarter during the update)
 * @param scaleDownDelaySeconds blue-green: how long the old slot keeps running after the switch; 0 keeps it
 */
public record StrategySettings(
        String name,
        List<Integer> steps,
        Duration pause,
        String httpRoute,
        String maxSurge,
        String maxUnavailable,
        int scaleDownDelaySeconds) {

    public static final String ROLLING = "rolling";
    public static final String RECREATE = "recreate";
    public static final String BLUE_GREEN = "blue-green";
    public static final String CANARY = "canary";

    private static final Map<String, Set<String>> OPTIONS = Map.of(
            ROLLING, Set.of("maxSurge", "maxUnavailable"),
            RECREATE, Set.of(),
            BLUE_GREEN, Set.of("scaleDownDelaySeconds"),
            CANARY, Set.of("steps", "pauseSeconds", "httpRoute"));

    public StrategySettings {
        name = canonicalName(name);
        steps = steps == null ? List.of() : List.copyOf(steps);
        pause = pause == null ? Duration.ZERO : pause;
        httpRoute = httpRoute == null ? "" : httpRoute.trim();
        maxSurge = maxSurge == null || maxSurge.isBlank() ? "25%" : maxSurge.trim();
        // 0, not Kubernetes' 25%: a rolling update then never has fewer ready pods than desired.
        maxUnavailable = maxUnavailable == null || maxUnavailable.isBlank() ? "0" : maxUnavailable.trim();
        validate(name, steps, pause, maxSurge, maxUnavailable, scaleDownDelaySeconds);
    }

    /** Rolling update with maxSurge 25% and maxUnavailable 0. */
    public static StrategySettings rolling() {
        return rolling("25%", "0");
    }

    public static StrategySettings rolling(String maxSurge, String maxUnavailable) {
        return new StrategySettings(ROLLING, List.of(), Duration.ZERO, "", maxSurge, maxUnavailable, 0);
    }

    public static StrategySettings recreate() {
        return new StrategySettings(RECREATE, List.of(), Duration.ZERO, "", null, null, 0);
    }

    /** Blue-green with the old slot scaled down 30 s after the switch. */
    public static StrategySettings blueGreen() {
        return blueGreen(30);
    }

    /** Blue-green; {@code scaleDownDelaySeconds} 0 keeps the old slot running. */
    public static StrategySettings blueGreen(int scaleDownDelaySeconds) {
        return new StrategySettings(BLUE_GREEN, List.of(), Duration.ZERO, "", null, null, scaleDownDelaySeconds);
    }

    /** Canary with weights realised by replica ratio and no pause. */
    public static StrategySettings canary(List<Integer> steps) {
        return canary(steps, Duration.ZERO, "");
    }

    public static StrategySettings canary(List<Integer> steps, Duration pause, String httpRoute) {
        return new StrategySettings(CANARY, steps, pause, httpRoute, null, null, 0);
    }

    /**
     * Builds settings from loosely typed options, as a pipeline step or command line passes them.
     *
     * @param strategyName {@code rolling}, {@code recreate}, {@code blue-green} ({@code bluegreen}) or {@code canary}
     * @param options e.g. {@code {steps: [10, 50, 100], pauseSeconds: 0, httpRoute: "shop-route"}}
     * @throws InvalidRequestException for an unknown strategy, an option the strategy does not take, or a value
     *     of the wrong type
     */
    public static StrategySettings fromOptions(String strategyName, Map<String, Object> options) {
        String name = canonicalName(strategyName);
        Map<String, Object> opts = options == null ? Map.of() : options;
        Set<String> allowed = OPTIONS.get(name);
        for (String key : opts.keySet()) {
            if (!allowed.contains(key)) {
                throw new InvalidRequestException("strategy '" + name + "' has no option '" + key + "'; "
                        + (allowed.isEmpty() ? "it takes no options" : "allowed: " + new TreeSet<>(allowed)));
            }
        }
        return switch (name) {
            case ROLLING -> rolling(text(opts, "maxSurge"), text(opts, "maxUnavailable"));
            case RECREATE -> recreate();
            case BLUE_GREEN -> blueGreen(integer(opts, "scaleDownDelaySeconds", 30));
            default -> canary(
                    opts.containsKey("steps") ? integers(opts.get("steps")) : List.of(10, 50, 100),
                    Duration.ofSeconds(integer(opts, "pauseSeconds", 0)),
                    text(opts, "httpRoute"));
        };
    }

    public boolean isCanary() {
        return CANARY.equals(name);
    }

    public boolean isBlueGreen() {
        return BLUE_GREEN.equals(name);
    }

    public boolean usesHttpRoute() {
        return !httpRoute.isEmpty();
    }

    private static String canonicalName(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidRequestException("strategy is missing; use one of rolling, recreate, blue-green, canary");
        }
        String n = raw.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (n) {
            case "rolling", "rollingupdate", "rolling-update" -> ROLLING;
            case "recreate" -> RECREATE;
            case "blue-green", "bluegreen" -> BLUE_GREEN;
            case "canary" -> CANARY;
            default -> throw new InvalidRequestException(
                    "unknown strategy '" + raw + "'; use one of rolling, recreate, blue-green, canary");
        };
    }

    private static void validate(
            String name, List<Integer> steps, Duration pause, String surge, String unavailable, int delay) {
        if (CANARY.equals(name)) {
            if (steps.isEmpty()) {
                throw new InvalidRequestException("canary needs at least one step weight, e.g. [10, 50, 100]");
            }
            int previous = 0;
            for (Integer w : steps) {
                if (w == null || w < 1 || w > 100) {
                    throw new InvalidRequestException("canary step weight " + w + " is outside 1-100; weights are "
                            + "percentages of traffic, e.g. [10, 50, 100]");
                }
                if (w <= previous) {
                    throw new InvalidRequestException("canary step weights " + steps + " must be strictly increasing;"
                            + " " + w + " follows " + previous);
                }
                previous = w;
            }
        }
        if (pause.isNegative()) {
            throw new InvalidRequestException("canary pause must not be negative");
        }
        if (delay < 0) {
            throw new InvalidRequestException("scaleDownDelaySeconds must be 0 (keep the old slot) or positive");
        }
        checkIntOrPercent("maxSurge", surge);
        checkIntOrPercent("maxUnavailable", unavailable);
        if (ROLLING.equals(name) && isZero(surge) && isZero(unavailable)) {
            throw new InvalidRequestException("maxSurge and maxUnavailable cannot both be 0; the rollout could not "
                    + "make progress. Set one of them, e.g. maxSurge 25%");
        }
    }

    private static void checkIntOrPercent(String option, String value) {
        if (!value.matches("\\d+%?")) {
            throw new InvalidRequestException(
                    option + " '" + value + "' is neither a count nor a percentage; use e.g. 1 or 25%");
        }
        if (value.endsWith("%") && Integer.parseInt(value.substring(0, value.length() - 1)) > 100) {
            throw new InvalidRequestException(option + " '" + value + "' is above 100%");
        }
    }

    private static boolean isZero(String intOrPercent) {
        return intOrPercent.equals("0") || intOrPercent.equals("0%");
    }

    private static String text(Map<String, Object> opts, String key) {
        Object v = opts.get(key);
        return v == null ? null : String.valueOf(v);
    }

    private static int integer(Map<String, Object> opts, String key, int fallback) {
        Object v = opts.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("option " + key + " must be a whole number, got '" + v + "'");
        }
    }

    private static List<Integer> integers(Object raw) {
        List<Object> items = new ArrayList<>();
        if (raw instanceof List<?> list) {
            items.addAll(list);
        } else if (raw instanceof String s) {
            for (String part : s.replace("[", "").replace("]", "").split(",")) {
                if (!part.isBlank()) {
                    items.add(part.trim());
                }
            }
        } else {
            throw new InvalidRequestException("option steps must be a list of weights, e.g. [10, 50, 100]");
        }
        List<Integer> out = new ArrayList<>();
        for (Object item : items) {
            out.add(integer(Map.of("steps", item), "steps", 0));
        }
        return out;
    }
}
