package io.jenkins.plugins.devops.core.checklist.evidence;

import java.util.Set;

/**
 * Reads the plain scalars of {@link YamlDocument} (every scalar is kept as its text) as the type the Kubernetes API
 * field has, the way the API server's YAML decoder (go-yaml, YAML 1.1 booleans) does: {@code True}, {@code TRUE},
 * {@code yes} and {@code on} are true in a boolean field. Deciding by the field instead of by the scalar keeps label
 * values such as {@code enabled: "yes"} strings where Kubernetes keeps them strings.
 */
public final class Scalars {
    private static final Set<String> TRUE =
            Set.of("true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y");
    private static final Set<String> FALSE =
            Set.of("false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N");

    private Scalars() {}

    /** The boolean a field holds: {@code Boolean.TRUE}, {@code Boolean.FALSE}, or null when unset or not a boolean. */
    public static Boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (!(value instanceof String text)) {
            return null;
        }
        String trimmed = text.trim();
        if (TRUE.contains(trimmed)) {
            return Boolean.TRUE;
        }
        return FALSE.contains(trimmed) ? Boolean.FALSE : null;
    }

    public static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(bool(value));
    }

    public static boolean isFalse(Object value) {
        return Boolean.FALSE.equals(bool(value));
    }

    /** An integer field (decimal, {@code 0x} hex or {@code 0o} octal as YAML writes them), or null. */
    public static Long integer(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (!(value instanceof String text)) {
            return null;
        }
        String t = text.trim().replace("_", "");
        try {
            if (t.startsWith("0x")) {
                return Long.parseLong(t.substring(2), 16);
            }
            if (t.startsWith("0o")) {
                return Long.parseLong(t.substring(2), 8);
            }
            return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * An int-or-percent field ({@code maxUnavailable: 1}, {@code minAvailable: "50%"}) resolved against a pod count
     * the way the disruption controller does (percentages rounded up), or null when unset or invalid.
     */
    public static Integer countOf(Object value, int pods) {
        if (value instanceof String text && text.trim().endsWith("%")) {
            Long percent = integer(text.trim().substring(0, text.trim().length() - 1));
            return percent == null ? null : (int) Math.ceil(pods * percent / 100.0);
        }
        Long count = integer(value);
        return count == null ? null : count.intValue();
    }
}
