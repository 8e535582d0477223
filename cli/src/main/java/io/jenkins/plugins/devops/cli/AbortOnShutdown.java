package io.jenkins.plugins.devops.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (or SIGTERM from a CI runner) during a deployment must not leave the service half switched: the shutdown
 * hook interrupts the deploying thread, which makes the engine roll back and return ABORTED, and holds the JVM open
 * until the command has printed that outcome (or the grace period ends).
 *
 * <pre>{@code
 * try (AbortOnShutdown abort = new AbortOnShutdown(Duration.ofMinutes(5))) {
 *     record = engine.deploy(request, gates, listener);
 *     print(record);
 * }
 * }</pre>
 */
final class AbortOnShutdown implements AutoCloseable {
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile int exitCode = -1;

    AbortOnShutdown(Duration grace) {
        Thread worker = Thread.currentThread();
        hook = new Thread(
                () -> {
                    worker.interrupt();
                    try {
                        if (finished.await(grace.toMillis(), TimeUnit.MILLISECONDS) && exitCode >= 0) {
                            // The JVM would end with 128 + the signal (143, 130); the command's own code says how
                            // the deployment ended (aborted and rolled back: 1), which is what scripts branch on.
                            // Past the grace period the signal's code stays: the outcome is unknown then.
                            Runtime.getRuntime().halt(exitCode);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "devops-abort-on-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The exit code to end with should a signal be what ends the process (streams must be flushed already). */
    void exitWith(int code) {
        exitCode = code;
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running; it returns now that the command has finished.
        }
    }
}
