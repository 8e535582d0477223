package io.jenkins.plugins.devops.core.analysis.template;

import io.jenkins.plugins.devops.core.gate.GateContext;
import io.jenkins.plugins.devops.core.gate.Track;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {{name}}} placeholders in PromQL queries, URLs and headers from the deployment being judged.
 *
 * <p>Known names: {@code service}, {@code namespace}, {@code environment}, {@code revision},
 * {@code previousRevision}, {@code strategy}, {@code deploymentId}, {@code weight}, {@code track},
 * {@code podRegex} (a PromQL regular expression matching the pods of the track's Deployment, e.g.
 * {@code shop-canary-[a-z0-9]+-[a-z0-9]+}) and
 * {@code targets.<name>} for every object the engine names in {@link GateContext#targets()} (for example
 * {@code {{targets.canaryDeployment}}}).
 *
 * <pre>{@code
 * String q = Placeholders.render("up{service=\"{{service}}\"}", Placeholders.of(context, Track.CANARY));
 * }</pre>
 */
public final class Placeholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_.-]*)\\s*}}");

    /** The plain names every context provides; {@code targets.*} come on top. */
    public static final Set<String> KNOWN = Set.of(
            "service",
            "namespace",
            "environment",
            "revision",
            "previousRevision",
            "strategy",
            "deploymentId",
            "weight",
            "track",
            "podRegex");

    private Placeholders() {}

    /** The values of every placeholder for one deployment moment and track. */
    public static Map<String, String> of(GateContext context, Track track) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("service", context.service());
        values.put("namespace", nullToEmpty(context.namespace()));
        values.put("environment", context.environment());
        values.put("revision", nullToEmpty(context.revision()));
        values.put("previousRevision", context.previousRevision());
        values.put("strategy", nullToEmpty(context.strategy()));
        values.put("deploymentId", nullToEmpty(context.deploymentId()));
        values.put("weight", Integer.toString(context.weight()));
        values.put("track", track.label());
        context.targets().forEach((key, value) -> values.put("targets." + key, value));
        String deployment = track == Track.CANARY
                ? context.targets()
                        .getOrDefault("canaryDeployment", context.targets().get("newDeployment"))
                : context.targets().get("stableDeployment");
        if (deployment != null) {
            // Pods are named <deployment>-<replicaset hash>-<suffix>; exactly two more segments keep the stable
            // Deployment "shop" from matching the canary's "shop-canary-…" pods. The dot is escaped for PromQL.
            values.put("podRegex", deployment.replace(".", "\\\\.") + "-[a-z0-9]+-[a-z0-9]+");
        }
        return values;
    }

    /**
     * Replaces every {@code {{name}}} in {@code text}. A {@code targets.*} name the engine did not provide is left
     * as it is so the failure shows up in the query or URL instead of being silently emptied.
     */
    public static String render(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * Returns the first placeholder name in {@code text} that no deployment can fill, or {@code null} when all are
     * known. Used to reject typos such as {@code {{servce}}} before a deployment starts.
     */
    public static String firstUnknown(String text) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!KNOWN.contains(name) && !name.startsWith("targets.")) {
                return name;
            }
        }
        return null;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
