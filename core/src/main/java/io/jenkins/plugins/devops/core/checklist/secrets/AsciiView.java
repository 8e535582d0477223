package io.jenkins.plugins.devops.core.checklist.secrets;

import java.nio.charset.StandardCharsets;

/**
 * A line of ASCII bytes seen as characters without decoding it, so a rule's regex can run on the raw buffer. Only
 * used for lines without bytes above 0x7F, where bytes and characters are the same.
 */
final class AsciiView implements CharSequence {
    private final byte[] bytes;
    private final int offset;
    private final int length;

    AsciiView(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
    }

    static boolean isAscii(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        return (char) bytes[offset + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(bytes, offset + start, end - start, StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return new String(bytes, offset, length, StandardCharsets.US_ASCII);
    }
}
