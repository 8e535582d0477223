package io.jenkins.plugins.devops.core.checklist.evidence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Kubernetes label selector with the API server's semantics: {@code matchLabels} and every
 * {@code matchExpressions} requirement ({@code In}, {@code NotIn}, {@code Exists}, {@code DoesNotExist}) must hold.
 * An empty selector ({@code {}}) selects every pod; a missing one (null) selects none; an unknown operator makes
 * the selector invalid, and an invalid selector selects nothing (the API server would reject the object).
 *
 * @param matchLabels required label values
 * @param expressions the requirements
 * @param present false for a missing selector
 * @param valid false when an operator or its values are invalid
 */
public record LabelSelector(
        Map<String, String> matchLabels, List<Requirement> expressions, boolean present, boolean valid) {

    /** One {@code matchExpressions} entry. */
    public record Requirement(String key, String operator, List<String> values) {
        boolean valid() {
            return switch (operator) {
                case "In", "NotIn" -> !values.isEmpty();
                case "Exists", "DoesNotExist" -> values.isEmpty();
                default -> false;
            };
        }

        boolean matches(Map<String, Object> labels) {
            Object value = labels.get(key);
            boolean has = labels.containsKey(key);
            return switch (operator) {
                case "In" -> has && values.contains(String.valueOf(value));
                case "NotIn" -> !has || !values.contains(String.valueOf(value));
                case "Exists" -> has;
                case "DoesNotExist" -> !has;
                default -> false;
            };
        }
    }

    public LabelSelector {
        matchLabels = Map.copyOf(matchLabels);
        expressions = List.copyOf(expressions);
    }

    /** A {@code LabelSelector} object ({@code spec.selector} of a PDB, {@code spec.podSelector}); null = missing. */
    public static LabelSelector of(Object node) {
        if (node == null) {
            return new LabelSelector(Map.of(), List.of(), false, true);
        }
        if (!(node instanceof Map<?, ?>)) {
            return new LabelSelector(Map.of(), List.of(), true, false);
        }
        Map<String, Object> map = YamlDocument.map(node);
        Map<String, String> labels = new LinkedHashMap<>();
        YamlDocument.map(map.get("matchLabels")).forEach((k, v) -> labels.put(k, v == null ? "" : String.valueOf(v)));
        List<Requirement> requirements = YamlDocument.list(map.get("matchExpressions")).stream()
                .map(YamlDocument::map)
                .map(e -> new Requirement(
                        String.valueOf(e.get("key")),
                        String.valueOf(e.get("operator")),
                        YamlDocument.list(e.get("values")).stream()
                                .filter(Objects::nonNull)
                                .map(String::valueOf)
                                .toList()))
                .toList();
        boolean valid = requirements.stream().allMatch(Requirement::valid);
        return new LabelSelector(labels, requirements, true, valid);
    }

    /**
     * A Service's {@code spec.selector}: a plain label map where an empty or missing map selects no pod (the
     * Service's endpoints are then managed by hand).
     */
    public static LabelSelector ofServiceSelector(Object node) {
        Map<String, Object> map = YamlDocument.map(node);
        Map<String, String> labels = new LinkedHashMap<>();
        map.forEach((k, v) -> labels.put(k, v == null ? "" : String.valueOf(v)));
        return new LabelSelector(labels, List.of(), !labels.isEmpty(), true);
    }

    /** Whether the selector selects every pod ({@code {}}). */
    public boolean selectsAll() {
        return present && valid && matchLabels.isEmpty() && expressions.isEmpty();
    }

    /** Whether pods with these labels are selected. */
    public boolean matches(Map<String, Object> podLabels) {
        if (!present || !valid) {
            return false;
        }
        for (Map.Entry<String, String> entry : matchLabels.entrySet()) {
            Object value = podLabels.get(entry.getKey());
            if (value == null || !entry.getValue().equals(String.valueOf(value))) {
                return false;
            }
        }
        return expressions.stream().allMatch(requirement -> requirement.matches(podLabels));
    }

    /** Whether the selector constrains {@code key} at all (for the deploy engine's track and slot labels). */
    public boolean mentions(String key) {
        return matchLabels.containsKey(key)
                || expressions.stream()
                        .anyMatch(requirement -> requirement.key().equals(key));
    }
}
