package io.jenkins.plugins.devops.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies the loosely typed values a Pipeline passes ({@code analysis: [[name: 'errors', query: "..."]]}) into plain
 * serializable Java values: Groovy strings become {@link String}s, maps {@link LinkedHashMap}s, lists
 * {@link ArrayList}s. Everything else that is not a number or boolean is rejected, so nothing live (a closure, a
 * Run) can end up in a step's saved state.
 */
public final class PlainValues {
    private PlainValues() {}

    /** A deep, serializable copy of {@code maps}; null gives an empty list. */
    public static ArrayList<LinkedHashMap<String, Object>> copyMaps(List<? extends Map<?, ?>> maps, String field) {
        ArrayList<LinkedHashMap<String, Object>> copy = new ArrayList<>();
        if (maps == null) {
            return copy;
        }
        for (Map<?, ?> map : maps) {
            copy.add(copyMap(map, field));
        }
        return copy;
    }

    /** A deep, serializable copy of {@code map}. */
    public static LinkedHashMap<String, Object> copyMap(Map<?, ?> map, String field) {
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
        if (map == null) {
            return copy;
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            copy.put(key, copyValue(e.getValue(), field + "." + key));
        }
        return copy;
    }

    private static Object copyValue(Object value, String field) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        if (value instanceof Map<?, ?> map) {
            return copyMap(map, field);
        }
        if (value instanceof List<?> list) {
            ArrayList<Object> copy = new ArrayList<>();
            for (Object item : list) {
                copy.add(copyValue(item, field));
            }
            return copy;
        }
        throw new IllegalArgumentException(field + ": expected text, a number, true/false, a list or a map, but got "
                + value.getClass().getSimpleName());
    }
}
