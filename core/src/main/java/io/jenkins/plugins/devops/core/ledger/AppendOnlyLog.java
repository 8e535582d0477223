package io.jenkins.plugins.devops.core.ledger;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * An append-only file of checksummed lines, the storage under the ledger and the event outbox.
 *
 * <p>Each line is {@code <crc32c as 8 hex digits> <payload>\n}. A process killed in the middle of a write leaves
 * at most one torn or unchecked line at the end; {@link #open} cuts it off, so every line that survives is one
 * complete payload. A damaged line followed by good lines is not a crash artefact but damage to the disk: that is
 * reported, never silently skipped.
 */
public final class AppendOnlyLog implements Closeable {
    private static final int HEADER = 9;
    private static final int TAIL_WINDOW = 1 << 20;

    private final Path file;
    private final FileChannel channel;
    private long size;

    private AppendOnlyLog(Path file, FileChannel channel, long size) {
        this.file = file;
        this.channel = channel;
        this.size = size;
    }

    /** Opens (creating if needed) the log at {@code file}, cutting off a torn last line left by a crash. */
    public static AppendOnlyLog open(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            long good = tailRecovery(channel).orElse(-1);
            if (good < 0) {
                good = lastCompleteOffset(file, channel);
            }
            if (good < channel.size()) {
                channel.truncate(good);
                channel.force(true);
            }
            channel.position(good);
            return new AppendOnlyLog(file, channel, good);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Finds the end of the last intact line by looking only at the end of the file (a crash can only damage what
     * was being appended), so opening a ledger of a million entries costs no more than opening an empty one.
     * Empty when the tail window holds no line break (a line longer than the window): then the caller scans it all.
     */
    private static java.util.OptionalLong tailRecovery(FileChannel channel) throws IOException {
        long size = channel.size();
        int window = (int) Math.min(size, TAIL_WINDOW);
        long base = size - window;
        ByteBuffer tail = ByteBuffer.allocate(window);
        while (tail.hasRemaining() && channel.read(tail, base + tail.position()) >= 0) {
            // read fully
        }
        byte[] bytes = tail.array();
        int end = window; // candidate end (exclusive) of the intact part, relative to base
        CRC32C crc = new CRC32C();
        while (end > 0) {
            int newline = end - 1;
            while (newline >= 0 && bytes[newline] != '\n') {
                newline--;
            }
            if (newline < 0) {
                return base == 0 ? java.util.OptionalLong.of(0) : java.util.OptionalLong.empty();
            }
            int lineStart = newline - 1;
            while (lineStart >= 0 && bytes[lineStart] != '\n') {
                lineStart--;
            }
            lineStart++;
            if (lineStart == 0 && base > 0) {
                return java.util.OptionalLong.empty(); // the line may start before the window
            }
            if (intact(bytes, lineStart, newline, crc)) {
                return java.util.OptionalLong.of(base + newline + 1);
            }
            end = lineStart;
        }
        return java.util.OptionalLong.of(base);
    }

    private static boolean intact(byte[] bytes, int from, int newline, CRC32C crc) {
        if (newline - from < HEADER || bytes[from + 8] != ' ') {
            return false;
        }
        try {
            long expected = Long.parseLong(new String(bytes, from, 8, StandardCharsets.US_ASCII), 16);
            crc.reset();
            crc.update(bytes, from + HEADER, newline - from - HEADER);
            return crc.getValue() == expected;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static long lastCompleteOffset(Path file, FileChannel channel) throws IOException {
        long[] good = {0};
        long[] lineNo = {0};
        try {
            scan(Channels.newInputStream(channel.position(0)), 0, (payload, end) -> {
                good[0] = end;
                lineNo[0]++;
            });
        } catch (TornLineException torn) {
            // Only a damaged LAST line is a crash artefact; anything after it means real damage.
            if (torn.nextLineStart < channel.size() && hasCompleteLineAfter(channel, torn.nextLineStart)) {
                throw new IOException("file " + file + " is damaged at byte " + torn.start + " (line "
                        + (lineNo[0] + 1) + ": " + torn.getMessage() + ") and has records after it; restore it from"
                        + " a backup, or truncate it at byte " + torn.start + " to keep the " + lineNo[0]
                        + " records before the damage");
            }
        }
        return good[0];
    }

    private static boolean hasCompleteLineAfter(FileChannel channel, long from) throws IOException {
        long[] found = {0};
        try {
            scan(Channels.newInputStream(channel.position(from)), from, (p, e) -> found[0]++);
        } catch (TornLineException ignored) {
            // a second damaged line: the count so far decides
        }
        return found[0] > 0;
    }

    /** Appends the payloads (each one line, without line breaks); with {@code force} they are on disk on return. */
    public synchronized void append(List<byte[]> payloads, boolean force) throws IOException {
        int total = 0;
        for (byte[] payload : payloads) {
            total += HEADER + payload.length + 1;
        }
        ByteBuffer buffer = ByteBuffer.allocate(total);
        CRC32C crc = new CRC32C();
        for (byte[] payload : payloads) {
            for (byte b : payload) {
                if (b == '\n' || b == '\r') {
                    throw new IllegalArgumentException("a log payload must be one line; it contains a line break");
                }
            }
            crc.reset();
            crc.update(payload);
            buffer.put(String.format("%08x ", crc.getValue()).getBytes(StandardCharsets.US_ASCII));
            buffer.put(payload);
            buffer.put((byte) '\n');
        }
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (force) {
                channel.force(false);
            }
        } catch (IOException e) {
            // e.g. disk full: cut the partial write off, so later appends do not land behind a damaged line
            try {
                channel.truncate(size);
                channel.position(size);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        size += total;
    }

    /** Forces everything appended so far to disk. */
    public synchronized void force() throws IOException {
        channel.force(false);
    }

    /** The size in bytes of the complete lines. */
    public synchronized long size() {
        return size;
    }

    public Path file() {
        return file;
    }

    /** Calls {@code visitor} for every line from byte {@code from} (a line start) to the current end. */
    public void read(long from, LineVisitor visitor) throws IOException {
        long end = size();
        try (FileChannel reader = FileChannel.open(file, StandardOpenOption.READ)) {
            InputStream in = new BoundedStream(Channels.newInputStream(reader.position(from)), end - from);
            scan(in, from, visitor);
        } catch (TornLineException e) {
            throw new IOException("file " + file + " changed while it was read: " + e.getMessage(), e);
        }
    }

    /**
     * The payload of the intact line that ends exactly at byte {@code end}, or empty if no such line ends there:
     * lets a cache that says "I cover the first {@code end} bytes" check that it was made from this file.
     */
    public java.util.Optional<byte[]> lineEndingAt(long end) throws IOException {
        if (end <= 0 || end > size()) {
            return java.util.Optional.empty();
        }
        long from = Math.max(0, end - TAIL_WINDOW);
        ByteBuffer buffer = ByteBuffer.allocate((int) (end - from));
        try (FileChannel reader = FileChannel.open(file, StandardOpenOption.READ)) {
            while (buffer.hasRemaining()) {
                if (reader.read(buffer, from + buffer.position()) < 0) {
                    return java.util.Optional.empty();
                }
            }
        }
        byte[] bytes = buffer.array();
        int last = bytes.length - 1;
        if (bytes[last] != '\n') {
            return java.util.Optional.empty();
        }
        int start = last;
        while (start > 0 && bytes[start - 1] != '\n') {
            start--;
        }
        if (start == 0 && from > 0) {
            return java.util.Optional.empty(); // a line longer than the window: not one this log writes
        }
        if (!intact(bytes, start, last, new CRC32C())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(java.util.Arrays.copyOfRange(bytes, start + HEADER, last));
    }

    /** Receives one verified payload and the offset just after its line. */
    @FunctionalInterface
    public interface LineVisitor {
        void accept(byte[] payload, long endOffset) throws IOException;
    }

    private static void scan(InputStream raw, long start, LineVisitor visitor) throws IOException {
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        long offset = start;
        long lineStart = start;
        CRC32C crc = new CRC32C();
        int b;
        while ((b = in.read()) != -1) {
            offset++;
            if (b != '\n') {
                line.write(b);
                continue;
            }
            byte[] bytes = line.toByteArray();
            line.reset();
            if (bytes.length < HEADER || bytes[8] != ' ') {
                throw new TornLineException("no checksum", lineStart, offset);
            }
            long expected;
            try {
                expected = Long.parseLong(new String(bytes, 0, 8, StandardCharsets.US_ASCII), 16);
            } catch (NumberFormatException e) {
                throw new TornLineException("unreadable checksum", lineStart, offset);
            }
            crc.reset();
            crc.update(bytes, HEADER, bytes.length - HEADER);
            if (crc.getValue() != expected) {
                throw new TornLineException("checksum mismatch", lineStart, offset);
            }
            byte[] payload = new byte[bytes.length - HEADER];
            System.arraycopy(bytes, HEADER, payload, 0, payload.length);
            visitor.accept(payload, offset);
            lineStart = offset;
        }
        if (line.size() > 0) {
            throw new TornLineException("incomplete last line", lineStart, offset);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    private static final class TornLineException extends IOException {
        final long start;
        final long nextLineStart;

        TornLineException(String message, long start, long nextLineStart) {
            super(message);
            this.start = start;
            this.nextLineStart = nextLineStart;
        }
    }

    private static final class BoundedStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedStream(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            left--;
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
