package io.jenkins.plugins.devops.core.ledger;

import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The append-only record of every deployment and rollback, in a directory of its own.
 *
 * <p>{@code deployments.jsonl} holds one checksummed JSON line per entry and is forced to disk before
 * {@link #append} returns, so after a crash (even {@code kill -9}) an entry is either complete or absent.
 * {@code deployments.idx} is a binary, rebuildable cache of the columns DORA needs ({@link LedgerIndex}).
 * One process writes a ledger at a time (the Jenkins controller, or the CLI on its own copy).
 *
 * <pre>{@code
 * try (DeploymentLedger ledger = DeploymentLedger.open(jenkinsHome.resolve("devops-ledger"))) {
 *     ledger.append(record);
 *     DoraSummary summary = new DoraCalculator(DoraSettings.defaults()).calculate(ledger.index(), Instant.now());
 * }
 * }</pre>
 */
public final class DeploymentLedger implements Closeable {
    static final String LOG = "deployments.jsonl";
    static final String INDEX = "deployments.idx";
    private static final int BATCH = 4096;

    private final Path directory;
    private final AppendOnlyLog log;
    private final List<Consumer<LedgerEntry>> listeners = new CopyOnWriteArrayList<>();
    private LedgerIndex index;
    private long indexedBytes;
    private long savedBytes;

    private DeploymentLedger(Path directory, AppendOnlyLog log) {
        this.directory = directory;
        this.log = log;
    }

    /** Opens the ledger in {@code directory}, creating it if needed and repairing a write torn by a crash. */
    public static DeploymentLedger open(Path directory) throws IOException {
        Objects.requireNonNull(directory, "directory");
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new IOException("ledger location " + directory + " is a file; give a directory");
        }
        Files.createDirectories(directory);
        return new DeploymentLedger(directory, AppendOnlyLog.open(directory.resolve(LOG)));
    }

    public Path directory() {
        return directory;
    }

    /** Records a finished deployment; on return it is on disk. */
    public void append(DeploymentRecord record) throws IOException {
        append(LedgerEntry.of(record));
    }

    /** Records one entry; on return it is on disk. */
    public void append(LedgerEntry entry) throws IOException {
        appendAll(List.of(entry));
    }

    /** Records many entries (an import), forcing them to disk once at the end. */
    public synchronized void appendAll(Iterable<LedgerEntry> entries) throws IOException {
        List<byte[]> batch = new ArrayList<>(BATCH);
        List<LedgerEntry> pending = new ArrayList<>(BATCH);
        for (LedgerEntry entry : entries) {
            batch.add(LedgerEntryCodec.encode(entry));
            pending.add(entry);
            if (batch.size() == BATCH) {
                flush(batch, pending, false);
            }
        }
        flush(batch, pending, true);
    }

    private void flush(List<byte[]> batch, List<LedgerEntry> pending, boolean force) throws IOException {
        if (!batch.isEmpty()) {
            log.append(batch, false);
        }
        if (force) {
            log.force();
        }
        if (index != null) {
            if (indexedBytes + batchBytes(batch) == log.size()) {
                pending.forEach(index::add);
                indexedBytes = log.size();
            } else {
                index = null; // reloaded from disk on next use
            }
        }
        for (LedgerEntry entry : pending) {
            listeners.forEach(listener -> listener.accept(entry));
        }
        batch.clear();
        pending.clear();
    }

    private static long batchBytes(List<byte[]> batch) {
        long total = 0;
        for (byte[] line : batch) {
            total += line.length + 10;
        }
        return total;
    }

    /** Calls {@code listener} with every entry appended from now on (e.g. to update live DORA figures). */
    public void onAppend(Consumer<LedgerEntry> listener) {
        listeners.add(listener);
    }

    /** Every entry, oldest first. */
    public List<LedgerEntry> entries() throws IOException {
        List<LedgerEntry> entries = new ArrayList<>();
        forEach(entries::add);
        return entries;
    }

    /** Streams every entry, oldest first, without holding them all in memory. */
    public void forEach(Consumer<LedgerEntry> consumer) throws IOException {
        log.read(0, (line, end) -> consumer.accept(LedgerEntryCodec.decode(line)));
    }

    /** The number of entries. */
    public synchronized int size() throws IOException {
        return index().size();
    }

    /**
     * The columns DORA needs, loaded from {@code deployments.idx} and brought up to date with the entries appended
     * after it was saved. Kept up to date by {@link #append} from then on.
     */
    public synchronized LedgerIndex index() throws IOException {
        if (index == null) {
            LedgerIndexFile.Loaded loaded = LedgerIndexFile.read(directory.resolve(INDEX))
                    .filter(l -> l.coveredBytes() <= log.size() && madeFromThisLedger(l))
                    .orElseGet(() -> new LedgerIndexFile.Loaded(new LedgerIndex(), 0, 0));
            index = loaded.index();
            indexedBytes = loaded.coveredBytes();
            savedBytes = indexedBytes;
            LedgerIndex target = index;
            log.read(indexedBytes, (line, end) -> target.add(LedgerEntryCodec.decode(line)));
            indexedBytes = log.size();
        }
        return index;
    }

    /**
     * Whether a saved index was made from this ledger file: the ledger line that ends where the index says its
     * coverage ends must have the checksum the index recorded. A ledger deleted or restored from elsewhere next to an
     * old index would otherwise count the old file's deployments (and be read from the middle of a line). Comparing
     * checksums, not parsed fields, keeps JSON parsing out of opening a ledger (a cold {@code devops dora} run).
     */
    private boolean madeFromThisLedger(LedgerIndexFile.Loaded loaded) {
        LedgerIndex saved = loaded.index();
        if (loaded.coveredBytes() == 0 || saved.size() == 0) {
            return loaded.coveredBytes() == 0 && saved.size() == 0;
        }
        try {
            Optional<byte[]> line = log.lineEndingAt(loaded.coveredBytes());
            return line.isPresent() && LedgerIndexFile.lineChecksum(line.get()) == loaded.lastLineChecksum();
        } catch (IOException | RuntimeException e) {
            return false; // unreadable: rebuild the cache from the ledger
        }
    }

    /** Saves the index next to the ledger if it changed, so the next process starts fast. */
    public synchronized void saveIndex() throws IOException {
        LedgerIndex current = index();
        if (indexedBytes != savedBytes) {
            long lastLine = indexedBytes == 0
                    ? 0
                    : log.lineEndingAt(indexedBytes)
                            .map(LedgerIndexFile::lineChecksum)
                            .orElse(0L);
            LedgerIndexFile.write(directory.resolve(INDEX), current, indexedBytes, lastLine);
            savedBytes = indexedBytes;
        }
    }

    /** Saves the index (see {@link #saveIndex}) and closes the ledger file. */
    @Override
    public synchronized void close() throws IOException {
        try {
            saveIndex();
        } finally {
            log.close();
        }
    }
}
