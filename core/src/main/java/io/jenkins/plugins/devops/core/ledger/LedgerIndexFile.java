package io.jenkins.plugins.devops.core.ledger;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The {@link LedgerIndex} saved as a binary file next to the ledger, so that a new process (the CLI, a restarted
 * Jenkins) loads a million deployments in milliseconds instead of parsing every JSON line.
 *
 * <p>The file is a cache: it records how many bytes of the ledger it covers, is replaced atomically, carries a
 * checksum, and is rebuilt from the ledger whenever it is missing, damaged or of another format.
 */
final class LedgerIndexFile {
    private static final int MAGIC = 0x44564958; // "DVIX"
    /** 2: the header carries the checksum of the ledger line the index ends on. */
    private static final int VERSION = 2;

    private LedgerIndexFile() {}

    /**
     * The loaded index, the number of ledger bytes it covers and the CRC-32C of the ledger line that ends there (0
     * when it covers nothing), by which a reader recognises the ledger file the index was made from.
     */
    record Loaded(LedgerIndex index, long coveredBytes, long lastLineChecksum) {}

    /** The CRC-32C of a ledger line's payload, as {@link Loaded#lastLineChecksum()} records it. */
    static long lineChecksum(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return crc.getValue();
    }

    static void write(Path file, LedgerIndex index, long coveredBytes, long lastLineChecksum) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        int n = index.size;
        int[][] bySeries = index.entriesBySeries();
        long body = 4L * n + 8L * n + 4L * n + n + 4L * (n + 1) + 4L * index.leadCount + 4L * n + 4L * bySeries.length;
        try (FileChannel channel = FileChannel.open(
                tmp,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            java.io.ByteArrayOutputStream headerBytes = new java.io.ByteArrayOutputStream();
            DataOutputStream header = new DataOutputStream(headerBytes);
            header.writeInt(MAGIC);
            header.writeInt(VERSION);
            header.writeLong(coveredBytes);
            header.writeLong(lastLineChecksum);
            header.writeInt(n);
            header.writeInt(index.leadCount);
            header.writeInt(index.series().size());
            for (LedgerIndex.Series s : index.series()) {
                header.writeUTF(s.service());
                header.writeUTF(s.environment());
            }
            header.flush();
            byte[] head = headerBytes.toByteArray();
            long total = 4 + head.length + body + 8;
            MappedByteBuffer out = channel.map(FileChannel.MapMode.READ_WRITE, 0, total);
            out.order(ByteOrder.LITTLE_ENDIAN);
            out.putInt(head.length).put(head);
            int bodyStart = out.position();
            out.asIntBuffer().put(index.seriesOf, 0, n);
            out.position(out.position() + 4 * n);
            out.asLongBuffer().put(index.finished, 0, n);
            out.position(out.position() + 8 * n);
            out.asIntBuffer().put(index.duration, 0, n);
            out.position(out.position() + 4 * n);
            out.put(index.flags, 0, n);
            out.asIntBuffer().put(index.leadStart, 0, n + 1);
            out.position(out.position() + 4 * (n + 1));
            out.asIntBuffer().put(index.leads, 0, index.leadCount);
            out.position(out.position() + 4 * index.leadCount);
            for (int[] entries : bySeries) {
                out.putInt(entries.length);
            }
            for (int[] entries : bySeries) {
                out.asIntBuffer().put(entries);
                out.position(out.position() + 4 * entries.length);
            }
            out.putLong(checksum(out, bodyStart, out.position()));
            out.force();
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads the index, or nothing when the file is missing, damaged or of another format. */
    static Optional<Loaded> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            MappedByteBuffer in = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            in.order(ByteOrder.LITTLE_ENDIAN);
            int headLength = in.getInt();
            byte[] head = new byte[headLength];
            in.get(head);
            DataInputStream header = new DataInputStream(new java.io.ByteArrayInputStream(head));
            if (header.readInt() != MAGIC || header.readInt() != VERSION) {
                return Optional.empty();
            }
            long covered = header.readLong();
            long lastLineChecksum = header.readLong();
            int n = header.readInt();
            int leadCount = header.readInt();
            int seriesCount = header.readInt();
            LedgerIndex index = new LedgerIndex(Math.max(16, n));
            for (int i = 0; i < seriesCount; i++) {
                index.seriesId(header.readUTF(), header.readUTF());
            }
            int bodyStart = in.position();
            long bodyEnd = bodyStart
                    + 4L * n
                    + 8L * n
                    + 4L * n
                    + n
                    + 4L * (n + 1)
                    + 4L * leadCount
                    + 4L * n
                    + 4L * seriesCount;
            if (bodyEnd + 8 != channel.size() || in.getLong((int) bodyEnd) != checksum(in, bodyStart, (int) bodyEnd)) {
                return Optional.empty();
            }
            in.asIntBuffer().get(index.seriesOf, 0, n);
            in.position(in.position() + 4 * n);
            in.asLongBuffer().get(index.finished, 0, n);
            in.position(in.position() + 8 * n);
            in.asIntBuffer().get(index.duration, 0, n);
            in.position(in.position() + 4 * n);
            in.get(index.flags, 0, n);
            in.asIntBuffer().get(index.leadStart, 0, n + 1);
            in.position(in.position() + 4 * (n + 1));
            index.leads = new int[Math.max(16, leadCount)];
            in.asIntBuffer().get(index.leads, 0, leadCount);
            in.position(in.position() + 4 * leadCount);
            int[][] bySeries = new int[seriesCount][];
            for (int s = 0; s < seriesCount; s++) {
                bySeries[s] = new int[in.getInt()];
            }
            for (int[] entries : bySeries) {
                in.asIntBuffer().get(entries);
                in.position(in.position() + 4 * entries.length);
            }
            index.size = n;
            index.leadCount = leadCount;
            index.bySeries = bySeries;
            return Optional.of(new Loaded(index, covered, lastLineChecksum));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static long checksum(ByteBuffer buffer, int from, int to) {
        CRC32C crc = new CRC32C();
        ByteBuffer slice = buffer.duplicate();
        slice.position(from).limit(to);
        crc.update(slice);
        return crc.getValue();
    }
}
