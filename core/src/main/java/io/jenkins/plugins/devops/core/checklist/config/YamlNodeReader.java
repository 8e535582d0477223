package io.jenkins.plugins.devops.core.checklist.config;

import io.jenkins.plugins.devops.core.checklist.ChecklistInputException;
import io.jenkins.plugins.devops.core.checklist.files.Glob;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Typed reads of composed YAML nodes; every error names the source file and the node's line. */
final class YamlNodeReader {
    private final String source;

    YamlNodeReader(String source) {
        this.source = source;
    }

    ChecklistInputException error(Node node, String message) {
        return new ChecklistInputException(source + " line " + line(node) + ": " + message);
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    Map<String, NodeTuple> mapping(Node node, String what, Set<String> allowedKeys) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, what + " must be a mapping of keys to values");
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode(), "a key of " + what);
            if (allowedKeys != null && !allowedKeys.contains(key)) {
                throw error(
                        tuple.getKeyNode(),
                        "unknown key '" + key + "' in " + what + "; allowed keys: "
                                + String.join(
                                        ", ", allowedKeys.stream().sorted().toList()));
            }
            if (entries.put(key, tuple) != null) {
                throw error(tuple.getKeyNode(), "duplicate key '" + key + "' in " + what);
            }
        }
        return entries;
    }

    String scalar(Node node, String what) {
        if (!(node instanceof ScalarNode scalar)) {
            throw error(node, what + " must be a single value, not a list or mapping");
        }
        return scalar.getValue();
    }

    boolean bool(Node node, String what) {
        String value = scalar(node, what);
        return switch (value) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error(node, what + " must be true or false, was '" + value + "'");
        };
    }

    double number(Node node, String what, double min, double max) {
        String value = scalar(node, what);
        try {
            double number = Double.parseDouble(value);
            if (number < min || number > max) {
                throw error(node, what + " must be between " + min + " and " + max + ", was " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw error(node, what + " must be a number, was '" + value + "'");
        }
    }

    List<String> strings(Node node, String what) {
        if (!(node instanceof SequenceNode sequence)) {
            throw error(node, what + " must be a list, e.g. [\"a\", \"b\"]");
        }
        List<String> values = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            values.add(scalar(item, "an entry of " + what));
        }
        return values;
    }

    <T> T parsed(Node node, String what, Function<String, T> parser) {
        String value = scalar(node, what);
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw error(node, what + ": " + e.getMessage());
        }
    }

    Pattern regex(Node node, String what) {
        String value = scalar(node, what);
        try {
            return Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw error(
                    node,
                    what + " is not a valid regular expression (" + e.getDescription() + " near index " + e.getIndex()
                            + ")");
        }
    }

    List<Glob> globs(Node node, String what) {
        List<Glob> globs = new ArrayList<>();
        for (String glob : strings(node, what)) {
            try {
                globs.add(Glob.of(glob));
            } catch (IllegalArgumentException e) {
                throw error(node, what + ": " + e.getMessage());
            }
        }
        return globs;
    }
}
