package io.jenkins.plugins.devops.core.checklist.secrets;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;

/**
 * The matches in one file: turns the literal prefilter's hits into anchored regex checks of their lines, and runs the
 * rules without a literal prefix over the whole text. Findings leave this class masked; the secret never does.
 */
final class FileMatches implements LiteralMatcher.Hits {
    private static final int WINDOW_BEFORE = 256;
    private static final int WINDOW_AFTER = 4096;

    private final List<SecretRule> rules;
    private final SecretAllowlist allowlist;
    private final Consumer<SecretFinding> sink;
    private final String path;
    private final byte[] bytes;
    private final int length;
    private final int[] matchedUntil;
    private final byte[] applies; // per rule: 0 not yet known, 1 applies to this file, 2 does not
    private int countedPosition;
    private int countedLines = 1;

    /**
     * @param rules the scan's rules (indexes match the literal matcher's)
     * @param allowlist matches not to report
     * @param path the file's root-relative path
     * @param bytes the file's content in {@code [0, length)}
     * @param sink receives masked findings (from several threads: must be thread-safe)
     */
    FileMatches(
            List<SecretRule> rules,
            SecretAllowlist allowlist,
            String path,
            byte[] bytes,
            int length,
            Consumer<SecretFinding> sink) {
        this.rules = rules;
        this.allowlist = allowlist;
        this.sink = sink;
        this.path = path;
        this.bytes = bytes;
        this.length = length;
        this.matchedUntil = new int[rules.size()];
        this.applies = new byte[rules.size()];
    }

    /**
     * A literal ends at {@code end}; each rule whose prefix it is is tried right there with {@code lookingAt},
     * since its matches start with the literal. The regex sees a window of the line (256 bytes before, 4 KB
     * after the literal; transparent bounds let {@code \\b} look behind) so that minified one-line files with
     * thousands of hits stay linear. Line bounds and the column count are kept between hits on the same line.
     */
    @Override
    public void hit(int end, int[] rulesAndLengths) {
        for (int k = 0; k < rulesAndLengths.length; k += 2) {
            int rule = rulesAndLengths[k];
            int start = end - rulesAndLengths[k + 1];
            if (start < matchedUntil[rule]) {
                continue;
            }
            SecretRule secretRule = rules.get(rule);
            if (!appliesHere(rule, secretRule)) {
                continue;
            }
            locateLine(start, end);
            int windowStart = Math.max(lineStart, start - WINDOW_BEFORE);
            while (windowStart > lineStart && (bytes[windowStart] & 0xC0) == 0x80) {
                windowStart--;
            }
            // A multi-line rule (XML element, PEM block) may read on past the end of the line.
            int stop = secretRule.multiline() ? length : lineStop;
            int windowEnd = (int) Math.min(stop, (long) end + WINDOW_AFTER);
            while (windowEnd < stop && (bytes[windowEnd] & 0xC0) == 0x80) {
                windowEnd++;
            }
            boolean ascii = isAscii(windowStart, windowEnd);
            CharSequence window = ascii
                    ? new AsciiView(bytes, windowStart, windowEnd - windowStart)
                    : new String(bytes, windowStart, windowEnd - windowStart, StandardCharsets.UTF_8);
            int from = ascii
                    ? start - windowStart
                    : new String(bytes, windowStart, start - windowStart, StandardCharsets.UTF_8).length();
            Matcher matcher = secretRule.pattern().matcher(window);
            matcher.useTransparentBounds(true);
            matcher.useAnchoringBounds(false);
            matcher.region(from, window.length());
            if (!matcher.lookingAt() || matcher.end() <= matcher.start()) {
                continue;
            }
            int group = secretGroup(secretRule, matcher);
            boolean grouped = group > 0;
            String secret = grouped ? matcher.group(group) : matcher.group();
            if (!SecretFilter.accepts(secretRule, secret, identifierAndMatch(window, matcher))) {
                continue;
            }
            int secretOffset = grouped ? matcher.start(group) : matcher.start();
            int secretByte = ascii ? windowStart + secretOffset : byteOffset(window, windowStart, secretOffset);
            boolean sameLine = secretByte < lineStop;
            int line = lineNumber(lineStart);
            record(
                    rule,
                    sameLine ? line : line + newlines(lineStop, secretByte),
                    sameLine ? column(secretByte) : columnOnItsLine(secretByte),
                    secret,
                    matcher.group(),
                    lineText());
            matchedUntil[rule] = ascii ? windowStart + matcher.end() : end;
        }
    }

    private String decoded;

    private boolean appliesHere(int rule, SecretRule secretRule) {
        if (applies[rule] == 0) {
            boolean yes = secretRule.appliesTo(path, () -> {
                if (decoded == null) {
                    decoded = new String(bytes, 0, length, StandardCharsets.UTF_8);
                }
                return decoded;
            });
            applies[rule] = (byte) (yes ? 1 : 2);
        }
        return applies[rule] == 1;
    }

    private static int secretGroup(SecretRule rule, Matcher matcher) {
        if (rule.secretGroup() != SecretRule.FIRST_MATCHED_GROUP) {
            return rule.secretGroup() > 0 && matcher.start(rule.secretGroup()) >= 0 ? rule.secretGroup() : 0;
        }
        for (int group = 1; group <= matcher.groupCount(); group++) {
            if (matcher.start(group) >= 0) {
                return group;
            }
        }
        return 0;
    }

    /**
     * The match with the identifier it starts in ({@code bucket_key = ...} for a match starting at {@code key}), for
     * the rules' allowlists of names that hold no secret.
     */
    private static CharSequence identifierAndMatch(CharSequence window, Matcher matcher) {
        int from = matcher.start();
        while (from > 0 && from > matcher.start() - 64 && isIdentifierChar(window.charAt(from - 1))) {
            from--;
        }
        return window.subSequence(from, matcher.end());
    }

    private static boolean isIdentifierChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }

    private static int byteOffset(CharSequence window, int windowStart, int charOffset) {
        return windowStart + window.subSequence(0, charOffset).toString().getBytes(StandardCharsets.UTF_8).length;
    }

    private int asciiFrom;
    private int asciiUntil;

    /**
     * Whether {@code bytes[from, to)} is ASCII. The range already known to be ASCII is remembered and only extended,
     * so the overlapping windows of many hits on one line or file check each byte once, and no byte beyond the
     * windows is looked at.
     */
    private boolean isAscii(int from, int to) {
        boolean known = from >= asciiFrom && from <= asciiUntil;
        if (known && to <= asciiUntil) {
            return true;
        }
        int i = known ? asciiUntil : from;
        if (!known) {
            asciiFrom = from;
        }
        for (; i < to; i++) {
            if (bytes[i] < 0) {
                asciiUntil = i;
                return false;
            }
        }
        asciiUntil = to;
        return true;
    }

    private int lineStart = -1;
    private int lineStop = -1;
    private int columnPosition;
    private int columnChars;

    /** Finds the bounds of the line holding {@code start}, reusing them while hits stay on that line. */
    private void locateLine(int start, int end) {
        if (start >= lineStart && start < lineStop) {
            return;
        }
        lineStart = start;
        while (lineStart > 0 && bytes[lineStart - 1] != '\n') {
            lineStart--;
        }
        lineStop = end;
        while (lineStop < length && bytes[lineStop] != '\n') {
            lineStop++;
        }
        columnPosition = lineStart;
        columnChars = 0;
    }

    /**
     * 1-based column in UTF-16 code units (what SARIF counts by default and Java strings index), counted on from the
     * previous hit of the same line: a 4-byte UTF-8 sequence (an emoji) counts two.
     */
    private int column(int start) {
        if (start < columnPosition) {
            columnPosition = lineStart;
            columnChars = 0;
        }
        for (; columnPosition < start; columnPosition++) {
            int b = bytes[columnPosition] & 0xFF;
            if ((b & 0xC0) != 0x80) {
                columnChars += b >= 0xF0 ? 2 : 1;
            }
        }
        return columnChars + 1;
    }

    /** The line breaks in {@code bytes[from, to)}. */
    private int newlines(int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                count++;
            }
        }
        return count;
    }

    /**
     * The 1-based UTF-16 column of a secret that a rule spanning lines found below the line its match starts on
     * (the value under a Kubernetes Secret's {@code data:}), so that the finding points at the value itself.
     */
    private int columnOnItsLine(int position) {
        int from = position;
        while (from > 0 && bytes[from - 1] != '\n') {
            from--;
        }
        int chars = 0;
        for (int i = from; i < position; i++) {
            int b = bytes[i] & 0xFF;
            if ((b & 0xC0) != 0x80) {
                chars += b >= 0xF0 ? 2 : 1;
            }
        }
        return chars + 1;
    }

    /** The current line, for the inline allow marker; only built when a rule matched. */
    private CharSequence lineText() {
        return new AsciiView(bytes, lineStart, Math.min(lineStop - lineStart, 1 << 20));
    }

    private int lineNumber(int lineStart) {
        for (int i = countedPosition; i < lineStart; i++) {
            if (bytes[i] == '\n') {
                countedLines++;
            }
        }
        countedPosition = Math.max(countedPosition, lineStart);
        return countedLines;
    }

    /** A rule without a literal prefix: run it over the whole text, still reporting line by line. */
    void matchWholeFile(int rule) {
        if (!appliesHere(rule, rules.get(rule))) {
            return;
        }
        String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
        Matcher matcher = rules.get(rule).pattern().matcher(text);
        int line = 1;
        int position = 0;
        while (matcher.find()) {
            for (; position < matcher.start(); position++) {
                if (text.charAt(position) == '\n') {
                    line++;
                }
            }
            int lineStart = text.lastIndexOf('\n', Math.max(0, matcher.start() - 1)) + 1;
            if (matcher.start() == 0) {
                lineStart = 0;
            }
            int lineEnd = text.indexOf('\n', matcher.start());
            String lineText = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
            record(rule, line, matcher.start() - lineStart + 1, matcher.group(), matcher.group(), lineText);
        }
    }

    private void record(int rule, int line, int column, String secret, String match, CharSequence lineText) {
        if (secret.isEmpty()
                || allowlist.allowsMatch(secret, lineText)
                || (!match.equals(secret) && allowlist.allowsMatch(match, lineText))) {
            return;
        }
        sink.accept(new SecretFinding(rules.get(rule).id(), path, line, column, SecretFinding.mask(secret)));
    }
}
