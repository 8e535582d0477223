package io.jenkins.plugins.devops.core.checklist.evidence;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One YAML document of a file as plain maps, lists and strings (every scalar is a string: no type tags are ever
 * resolved, which keeps parsing safe), with the line it starts on.
 *
 * @param file workspace-relative path
 * @param line 1-based first line of the document
 * @param root the document's content
 */
public record YamlDocument(String file, int line, Object root) {

    /** The value at a dotted path ({@code spec.template.spec}); list elements by index ({@code containers.0}). */
    public Optional<Object> at(String dottedPath) {
        return Optional.ofNullable(at(root, dottedPath));
    }

    /** Like {@link #at(String)} from any node. */
    public static Object at(Object node, String dottedPath) {
        Object current = node;
        if (dottedPath.isEmpty()) {
            return current;
        }
        for (String key : dottedPath.split("\\.")) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(key);
            } else if (current instanceof List<?> list && key.chars().allMatch(Character::isDigit)) {
                int index = Integer.parseInt(key);
                current = index < list.size() ? list.get(index) : null;
            } else {
                return null;
            }
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    public String string(String dottedPath) {
        Object value = at(root, dottedPath);
        return value instanceof String s ? s : null;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    public static List<Object> list(Object node) {
        return node instanceof List<?> list ? List.copyOf(list) : List.of();
    }
}
