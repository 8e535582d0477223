package io.jenkins.plugins.devops.core.checklist.evidence;

import io.jenkins.plugins.devops.core.text.YamlProblem;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Safe YAML parsing: SnakeYAML composes nodes only (no object construction, no type tags), with alias and size
 * limits against "billion laughs" documents; nodes are turned into maps, lists and strings here, with YAML merge keys
 * ({@code <<: *defaults}) resolved.
 */
public final class YamlFiles {
    private YamlFiles() {}

    /** Thrown for invalid YAML, with the 1-based line and column of the problem (0 when unknown). */
    public static final class InvalidYamlException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        InvalidYamlException(YamlProblem problem) {
            super(problem.problem());
            this.line = problem.line();
            this.column = problem.column();
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(8 * 1024 * 1024);
        options.setNestingDepthLimit(100);
        return new Yaml(new SafeConstructor(options));
    }

    /** Parses every document of {@code text}; each as maps, lists and strings. */
    public static List<YamlDocument> parse(String file, String text) throws InvalidYamlException {
        return compose(file, text).stream()
                .map(node -> new YamlDocument(file, node.getStartMark().getLine() + 1, plain(node)))
                .toList();
    }

    /** Composes the nodes of every document, keeping their marks (lines) for error messages. */
    public static List<Node> compose(String file, String text) throws InvalidYamlException {
        List<Node> nodes = new ArrayList<>();
        try {
            for (Node node : newYaml().composeAll(new StringReader(text))) {
                if (node != null) {
                    nodes.add(node);
                }
            }
        } catch (YAMLException e) {
            throw new InvalidYamlException(YamlProblem.of(e));
        } catch (RuntimeException e) {
            throw new InvalidYamlException(new YamlProblem(0, 0, String.valueOf(e.getMessage())));
        }
        return nodes;
    }

    /** A node as plain Java values: maps keep key order, every scalar is a string (null for YAML null). */
    public static Object plain(Node node) {
        if (node instanceof ScalarNode scalar) {
            String value = scalar.getValue();
            return scalar.getTag().getValue().endsWith(":null") || value.equals("~") ? null : value;
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                list.add(plain(item));
            }
            return list;
        }
        if (node instanceof MappingNode mapping) {
            LinkedHashMap<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode().getTag().equals(Tag.MERGE)) {
                    continue;
                }
                Object key = plain(tuple.getKeyNode());
                map.put(String.valueOf(key), plain(tuple.getValueNode()));
            }
            merge(mapping, map);
            return map;
        }
        return null;
    }

    /**
     * Resolves YAML merge keys ({@code <<: *defaults}, {@code <<: [*a, *b]}) as YAML 1.1 and Kubernetes' decoder
     * do: keys written in the mapping win over merged ones, and an earlier merged mapping wins over a later one.
     * Composing leaves {@code <<} as a plain key; only mappings are merged, anything else under {@code <<} is
     * ignored (the aliases were already bounded by the loader's alias limit).
     */
    private static void merge(MappingNode mapping, Map<String, Object> map) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (!tuple.getKeyNode().getTag().equals(Tag.MERGE)) {
                continue;
            }
            Node value = tuple.getValueNode();
            List<Node> sources = value instanceof SequenceNode sequence ? sequence.getValue() : List.of(value);
            for (Node source : sources) {
                if (plain(source) instanceof Map<?, ?> merged) {
                    merged.forEach((k, v) -> map.putIfAbsent(String.valueOf(k), v));
                }
            }
        }
    }
}
