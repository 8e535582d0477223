package io.jenkins.plugins.devops.core.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.jenkins.plugins.devops.core.ledger.AppendOnlyLog;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A durable queue in front of one {@link EventSink}: events are on disk before {@link #enqueue} returns, delivered
 * by a background thread (so a slow or dead sink never slows the deployment), retried with exponential backoff and
 * jitter, moved to {@code dead-letter.jsonl} with the last error when the attempts run out, and delivered after a
 * restart if the process died first. Delivery is at least once: a receiver may see an event twice, with the same id.
 *
 * <p>Files in the outbox directory: {@code pending.log} (every event enqueued, checksummed lines),
 * {@code done.log} (ids delivered or dead-lettered), {@code dead-letter.jsonl}. Both logs are emptied when everything
 * in them is done.
 */
public final class Outbox implements Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long COMPACT_ABOVE_BYTES = 4L << 20;

    private final Path directory;
    private final EventSink sink;
    private final RetryPolicy retry;
    private final int parallelism;
    private final Random random = new Random();
    private final Object lock = new Object();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final Thread worker;
    private final ExecutorService senders;
    private AppendOnlyLog pendingLog;
    private AppendOnlyLog doneLog;
    private volatile boolean closed;
    private volatile String lastError = "";

    private static final class Pending {
        final CloudEvent event;
        int attempts;
        long notBeforeNanos;
        String error = "";

        Pending(CloudEvent event) {
            this.event = event;
        }
    }

    private Outbox(Path directory, EventSink sink, RetryPolicy retry, int parallelism) throws IOException {
        this.directory = directory;
        this.sink = sink;
        this.retry = retry;
        this.parallelism = parallelism;
        Files.createDirectories(directory);
        pendingLog = AppendOnlyLog.open(directory.resolve("pending.log"));
        doneLog = AppendOnlyLog.open(directory.resolve("done.log"));
        recover();
        senders = parallelism > 1 ? Executors.newFixedThreadPool(parallelism, daemon("sender")) : null;
        worker = daemon("outbox").newThread(this::run);
        worker.start();
    }

    /**
     * Opens the outbox in {@code directory} for {@code sink} and starts delivering what a previous run left.
     *
     * @param parallelism how many events may be in flight to the sink at once (1 keeps them in order)
     */
    public static Outbox open(Path directory, EventSink sink, RetryPolicy retry, int parallelism) throws IOException {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(retry, "retry");
        if (parallelism < 1 || parallelism > 64) {
            throw new IllegalArgumentException("outbox parallelism must be between 1 and 64, got " + parallelism);
        }
        return new Outbox(directory, sink, retry, parallelism);
    }

    private static java.util.concurrent.ThreadFactory daemon(String role) {
        return runnable -> {
            Thread thread = new Thread(runnable, "devops-" + role);
            thread.setDaemon(true);
            return thread;
        };
    }

    private void recover() throws IOException {
        Set<String> done = new HashSet<>();
        doneLog.read(0, (line, end) -> done.add(new String(line, StandardCharsets.UTF_8)));
        pendingLog.read(0, (line, end) -> {
            CloudEvent event = EventJson.deserialize(line);
            if (!done.contains(event.getId())) {
                queue.add(new Pending(event));
            }
        });
        if (queue.isEmpty()) {
            compact();
        }
    }

    /** Stores the events durably and hands them to the delivery thread. Returns once they are on disk. */
    public void enqueue(List<CloudEvent> events) throws IOException {
        if (closed) {
            throw new IllegalStateException("outbox " + directory + " is closed");
        }
        List<byte[]> lines = new ArrayList<>(events.size());
        events.forEach(e -> lines.add(EventJson.serialize(e)));
        synchronized (lock) {
            pendingLog.append(lines, true);
            events.forEach(e -> queue.add(new Pending(e)));
            lock.notifyAll();
        }
    }

    private void run() {
        while (!closed) {
            List<Pending> batch = nextBatch();
            if (batch.isEmpty()) {
                continue;
            }
            try {
                settle(batch, deliver(batch));
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    lastError = "outbox " + directory + ": " + e.getMessage();
                }
            }
        }
    }

    private List<Pending> nextBatch() {
        synchronized (lock) {
            try {
                if (queue.isEmpty()) {
                    lock.wait(1000);
                    return List.of();
                }
                long wait = queue.peek().notBeforeNanos - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.timedWait(lock, wait);
                    return List.of();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
                return List.of();
            }
            List<Pending> batch = new ArrayList<>(parallelism * 4);
            long now = System.nanoTime();
            for (Pending p : queue) {
                if (batch.size() == parallelism * 4 || p.notBeforeNanos > now) {
                    break;
                }
                batch.add(p);
            }
            return batch;
        }
    }

    private List<String> deliver(List<Pending> batch) {
        String[] errors = new String[batch.size()];
        if (senders == null) {
            for (int i = 0; i < batch.size(); i++) {
                errors[i] = attempt(batch.get(i));
            }
        } else {
            CompletableFuture<?>[] futures = new CompletableFuture<?>[batch.size()];
            for (int i = 0; i < batch.size(); i++) {
                int n = i;
                futures[i] = CompletableFuture.runAsync(() -> errors[n] = attempt(batch.get(n)), senders);
            }
            CompletableFuture.allOf(futures).join();
        }
        return java.util.Arrays.asList(errors);
    }

    /** Null on success, else the error message. */
    private String attempt(Pending pending) {
        try {
            sink.deliver(pending.event);
            return null;
        } catch (Exception e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    private void settle(List<Pending> batch, List<String> errors) throws IOException {
        List<byte[]> doneIds = new ArrayList<>();
        List<Pending> dead = new ArrayList<>();
        long retryAt = 0;
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            String error = errors.get(i);
            if (error == null) {
                doneIds.add(p.event.getId().getBytes(StandardCharsets.UTF_8));
                delivered.incrementAndGet();
                continue;
            }
            p.attempts++;
            p.error = error;
            lastError = error;
            if (p.attempts >= retry.maxAttempts()) {
                dead.add(p);
                doneIds.add(p.event.getId().getBytes(StandardCharsets.UTF_8));
            } else {
                retryAt = Math.max(
                        retryAt,
                        System.nanoTime() + retry.delayAfter(p.attempts, random).toNanos());
                p.notBeforeNanos = retryAt;
            }
        }
        for (Pending p : dead) {
            writeDeadLetter(p);
        }
        synchronized (lock) {
            // Written without fsync: if this is lost in a crash the event is delivered again, which is allowed.
            doneLog.append(doneIds, false);
            for (int i = 0; i < batch.size(); i++) {
                if (errors.get(i) == null || batch.get(i).attempts >= retry.maxAttempts()) {
                    queue.remove(batch.get(i));
                } else if (retryAt > 0) {
                    batch.get(i).notBeforeNanos = retryAt;
                }
            }
            if (queue.isEmpty() && pendingLog.size() > COMPACT_ABOVE_BYTES) {
                compact();
            }
        }
    }

    private void writeDeadLetter(Pending p) throws IOException {
        ObjectNode line = JSON.createObjectNode();
        line.put("failedAt", Instant.now().toString());
        line.put("sink", sink.name());
        line.put("attempts", p.attempts);
        line.put("lastError", p.error);
        line.set("event", JSON.readTree(EventJson.serialize(p.event)));
        Files.write(
                deadLetterFile(),
                (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        deadLettered.incrementAndGet();
    }

    /** Empties both logs once everything in them is done (the pending log first: a crash in between only redelivers). */
    private void compact() throws IOException {
        pendingLog.close();
        doneLog.close();
        Files.deleteIfExists(directory.resolve("pending.log"));
        Files.deleteIfExists(directory.resolve("done.log"));
        pendingLog = AppendOnlyLog.open(directory.resolve("pending.log"));
        doneLog = AppendOnlyLog.open(directory.resolve("done.log"));
    }

    /** Events not yet delivered nor dead-lettered. */
    public int pending() {
        synchronized (lock) {
            return queue.size();
        }
    }

    /** Events delivered since this outbox was opened. */
    public long delivered() {
        return delivered.get();
    }

    /** Events moved to the dead-letter file since this outbox was opened. */
    public long deadLettered() {
        return deadLettered.get();
    }

    /** The last delivery error, empty if none; never contains a secret (sinks do not put them in messages). */
    public String lastError() {
        return lastError;
    }

    public Path deadLetterFile() {
        return directory.resolve("dead-letter.jsonl");
    }

    public EventSink sink() {
        return sink;
    }

    /** Stops delivering; what is not delivered stays on disk for the next {@link #open}. */
    @Override
    public void close() throws IOException {
        closed = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        // Requests in flight are abandoned, not awaited: their events stay pending on disk.
        if (senders != null) {
            senders.shutdownNow();
        }
        worker.interrupt();
        try {
            worker.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            pendingLog.close();
            doneLog.close();
        }
    }
}
