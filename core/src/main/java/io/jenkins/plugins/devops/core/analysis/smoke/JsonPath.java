package io.jenkins.plugins.devops.core.analysis.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simple JSON path subset smoke checks need: {@code $.status}, {@code $.items[0].name},
 * {@code $['odd key'].value}. No filters or wildcards: a check compares one value.
 */
public final class JsonPath {
    private static final Pattern SEGMENT =
            Pattern.compile("\\.([A-Za-z_$][A-Za-z0-9_$-]*)|\\[(\\d+)]|\\['([^']*)']|\\[\"([^\"]*)\"]");

    private final String text;
    private final List<Object> steps;

    private JsonPath(String text, List<Object> steps) {
        this.text = text;
        this.steps = steps;
    }

    /**
     * Parses a path such as {@code $.status}.
     *
     * @throws IllegalArgumentException with the position of the first part that is not understood
     */
    public static JsonPath parse(String text) {
        if (text == null || !text.startsWith("$")) {
            throw new IllegalArgumentException("a JSON path starts with '$', e.g. $.status");
        }
        List<Object> steps = new ArrayList<>();
        Matcher matcher = SEGMENT.matcher(text);
        int position = 1;
        while (position < text.length()) {
            if (!matcher.find(position) || matcher.start() != position) {
                throw new IllegalArgumentException("cannot read the JSON path at '" + text.substring(position)
                        + "'; use .name, [index] or ['name'] (e.g. $.items[0].status)");
            }
            if (matcher.group(1) != null) {
                steps.add(matcher.group(1));
            } else if (matcher.group(2) != null) {
                steps.add(Integer.parseInt(matcher.group(2)));
            } else {
                steps.add(matcher.group(3) != null ? matcher.group(3) : matcher.group(4));
            }
            position = matcher.end();
        }
        return new JsonPath(text, List.copyOf(steps));
    }

    /** The node at this path, or a missing node. */
    public JsonNode select(JsonNode root) {
        JsonNode node = root;
        for (Object step : steps) {
            node = step instanceof Integer index ? node.path(index) : node.path((String) step);
            if (node.isMissingNode()) {
                return MissingNode.getInstance();
            }
        }
        return node;
    }

    @Override
    public String toString() {
        return text;
    }
}
