package io.jenkins.plugins.devops.core.checklist.files;

import java.util.regex.Pattern;

/**
 * A path glob matched against slash-separated paths relative to the workspace root.
 *
 * <p>{@code *} matches within one path segment, {@code **} matches any number of segments (also none, so
 * {@code **}{@code /*.tf} matches {@code main.tf} at the root), {@code ?} one character, {@code [abc]} a class and
 * {@code {a,b}} alternatives. Example: {@code Glob.of("deploy/**}{@code /*.yaml").matches("deploy/app/web.yaml")}.
 */
public final class Glob {
    private final String text;
    private final Pattern pattern;

    private Glob(String text, Pattern pattern) {
        this.text = text;
        this.pattern = pattern;
    }

    /** Compiles a glob; throws {@link IllegalArgumentException} naming the problem when it is malformed. */
    public static Glob of(String glob) {
        if (glob == null || glob.isBlank()) {
            throw new IllegalArgumentException("empty glob: give a path pattern such as '**/*.yaml'");
        }
        return new Glob(glob, Pattern.compile(toRegex(glob, true)));
    }

    /** The regular expression for a glob; {@code braces} enables {@code {a,b}} alternatives. */
    static String toRegex(String glob, boolean braces) {
        StringBuilder regex = new StringBuilder(glob.length() * 2);
        int depth = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        boolean slashAfter = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                        boolean atSegmentStart = i == 0 || glob.charAt(i - 1) == '/';
                        if (slashAfter && atSegmentStart) {
                            regex.append("(?:[^/]*/)*");
                            i += 2;
                        } else {
                            regex.append(".*");
                            i += 1;
                        }
                    } else {
                        regex.append("[^/]*");
                    }
                }
                case '?' -> regex.append("[^/]");
                case '[' -> {
                    int end = glob.indexOf(']', i + 2);
                    if (end < 0) {
                        throw new IllegalArgumentException("glob '" + glob + "': '[' without a closing ']'");
                    }
                    String body = glob.substring(i + 1, end);
                    if (body.startsWith("!")) {
                        body = "^" + body.substring(1);
                    }
                    regex.append('[').append(body.replace("\\", "\\\\")).append(']');
                    i = end;
                }
                case '{' -> {
                    if (braces) {
                        regex.append("(?:");
                        depth++;
                    } else {
                        regex.append("\\{");
                    }
                }
                case '}' -> {
                    if (braces && depth > 0) {
                        regex.append(')');
                        depth--;
                    } else {
                        regex.append("\\}");
                    }
                }
                case ',' -> regex.append(braces && depth > 0 ? "|" : ",");
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                    }
                }
                default -> {
                    if ("().+^$|".indexOf(c) >= 0) {
                        regex.append('\\');
                    }
                    regex.append(c);
                }
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("glob '" + glob + "': '{' without a closing '}'");
        }
        return regex.toString();
    }

    /** Whether the slash-separated relative path matches. */
    public boolean matches(String relativePath) {
        return pattern.matcher(relativePath).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
