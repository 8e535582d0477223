package io.jenkins.plugins.devops.core.checklist.secrets;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Derives from a regular expression a small set of literal strings one of which every match must start with, so
 * the scanner can look for cheap literals first and run the regex only on lines that contain one (the same trick
 * ripgrep uses). Literals are lower-cased: the prefilter is case-insensitive, which only widens it.
 *
 * <p>Example: {@code gh[pousr]_[A-Za-z0-9]{36}} gives {@code ghp_, gho_, ghu_, ghs_, ghr_}. An expression with no
 * usable prefix (it starts with {@code .} or {@code \w}) gives an empty list and is run on every line.
 */
final class LiteralPrefixes {
    private static final int MAX_ALTERNATIVES = 64;
    private static final int MAX_CLASS_SIZE = 10;
    private static final int MIN_LENGTH = 3;

    private final String regex;
    private int pos;

    private LiteralPrefixes(String regex) {
        this.regex = regex;
    }

    /** The prefixes, or an empty list when no literal of at least three characters starts every match. */
    static List<String> of(String regex) {
        String body = regex;
        while (body.startsWith("(?i)") || body.startsWith("(?u)") || body.startsWith("(?iu)") || body.startsWith("^")) {
            body = body.startsWith("^") ? body.substring(1) : body.substring(body.indexOf(')') + 1);
        }
        try {
            Sequence sequence = new LiteralPrefixes(body).sequence();
            for (String literal : sequence.prefixes) {
                if (literal.length() < MIN_LENGTH) {
                    return List.of();
                }
            }
            return List.copyOf(sequence.prefixes);
        } catch (RuntimeException e) {
            return List.of(); // anything unusual: no prefilter, the regex alone decides
        }
    }

    /** Prefixes of a sequence; {@code complete} when the whole sequence is literal (so a caller may continue). */
    private record Sequence(Set<String> prefixes, boolean complete) {}

    private Sequence sequence() {
        Set<String> current = new LinkedHashSet<>(List.of(""));
        while (pos < regex.length()) {
            char c = regex.charAt(pos);
            if (c == '|' || c == ')') {
                return new Sequence(current, true);
            }
            List<String> atom = atom();
            if (atom == null) {
                return new Sequence(current, false);
            }
            boolean atomComplete = lastAtomComplete;
            char quantifier = pos < regex.length() ? regex.charAt(pos) : 0;
            if (quantifier == '?' || quantifier == '*' || (quantifier == '{' && regex.startsWith("{0", pos))) {
                return new Sequence(current, false);
            }
            Set<String> next = new LinkedHashSet<>();
            for (String prefix : current) {
                for (String tail : atom) {
                    next.add(prefix + tail);
                }
            }
            if (next.size() > MAX_ALTERNATIVES) {
                return new Sequence(current, false);
            }
            current = next;
            if (quantifier == '+' || quantifier == '{' || !atomComplete) {
                return new Sequence(current, false);
            }
        }
        return new Sequence(current, true);
    }

    private boolean lastAtomComplete;

    /** The literal alternatives of the next atom, or null when it is not literal. */
    private List<String> atom() {
        char c = regex.charAt(pos);
        lastAtomComplete = true;
        if (c == '\\') {
            char escaped = regex.charAt(pos + 1);
            if (escaped == 'b' || escaped == 'B') {
                pos += 2;
                return List.of(""); // a word boundary matches no character
            }
            if (Character.isLetterOrDigit(escaped)) {
                return null; // \d, \s, \w, back-references ...
            }
            pos += 2;
            return List.of(lower(escaped));
        }
        if (c == '[') {
            return characterClass();
        }
        if (c == '(') {
            return group();
        }
        if (".^$*+?{}|".indexOf(c) >= 0) {
            return null;
        }
        pos++;
        return List.of(lower(c));
    }

    private List<String> characterClass() {
        int end = regex.indexOf(']', pos + 2);
        if (end < 0 || regex.charAt(pos + 1) == '^') {
            return null;
        }
        String body = regex.substring(pos + 1, end);
        if (body.contains("\\") || body.contains("[")) {
            return null;
        }
        Set<String> members = new LinkedHashSet<>();
        for (int i = 0; i < body.length(); i++) {
            char from = body.charAt(i);
            if (i + 2 < body.length() && body.charAt(i + 1) == '-') {
                char to = body.charAt(i + 2);
                if (to - from + 1 > MAX_CLASS_SIZE) {
                    return null;
                }
                for (char x = from; x <= to; x++) {
                    members.add(lower(x));
                }
                i += 2;
            } else {
                members.add(lower(from));
            }
            if (members.size() > MAX_CLASS_SIZE) {
                return null;
            }
        }
        pos = end + 1;
        return new ArrayList<>(members);
    }

    private List<String> group() {
        pos++;
        if (regex.startsWith("?:", pos)) {
            pos += 2;
        } else if (regex.charAt(pos) == '?') {
            return null; // look-arounds, named groups, inline flags
        }
        List<String> alternatives = new ArrayList<>();
        boolean allComplete = true;
        while (true) {
            Sequence alternative = sequence();
            if (!alternative.complete) {
                allComplete = false;
                skipToAlternativeEnd();
            }
            alternatives.addAll(alternative.prefixes);
            if (pos >= regex.length()) {
                return null;
            }
            char c = regex.charAt(pos++);
            if (c == ')') {
                break;
            }
        }
        lastAtomComplete = allComplete;
        return alternatives;
    }

    /** Moves past the rest of an alternative that stopped being literal, to its '|' or closing ')'. */
    private void skipToAlternativeEnd() {
        int depth = 0;
        boolean inClass = false;
        while (pos < regex.length()) {
            char c = regex.charAt(pos);
            if (c == '\\') {
                pos += 2;
                continue;
            }
            if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    return;
                }
                depth--;
            } else if (c == '|' && depth == 0) {
                return;
            }
            pos++;
        }
    }

    private static String lower(char c) {
        return String.valueOf(c).toLowerCase(Locale.ROOT);
    }
}
