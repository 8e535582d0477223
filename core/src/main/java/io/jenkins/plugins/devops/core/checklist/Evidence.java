package io.jenkins.plugins.devops.core.checklist;

/**
 * One piece of evidence behind an item result: a place in the workspace ({@code deploy/web.yaml:12}) or a fact the
 * caller passed ({@code fact:canRollBack}).
 *
 * @param source workspace-relative path, or {@code fact:<name>}
 * @param line 1-based line, 0 when not about a line
 * @param detail what was found there, never a secret
 */
public record Evidence(String source, int line, String detail) {

    public static Evidence at(String source, int line, String detail) {
        return new Evidence(source, Math.max(0, line), detail);
    }

    public static Evidence fact(String name, Object value) {
        return new Evidence("fact:" + name, 0, name + " = " + value);
    }

    /** {@code source:line} or just the source. */
    public String location() {
        return line > 0 ? source + ":" + line : source;
    }

    @Override
    public String toString() {
        return location() + " — " + detail;
    }
}
