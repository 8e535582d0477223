package io.jenkins.plugins.devops.cli;

import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import io.jenkins.plugins.devops.core.events.EventMode;
import io.jenkins.plugins.devops.core.events.EventPublisher;
import io.jenkins.plugins.devops.core.events.Outbox;
import io.jenkins.plugins.devops.core.events.SinkConfig;
import io.jenkins.plugins.devops.core.ledger.DeploymentLedger;
import io.jenkins.plugins.devops.core.ledger.LedgerEntry;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * Where {@code devops deploy} and {@code devops rollback} record what they did, as the plugin does: the deployment
 * ledger ({@code --ledger}) and the event sinks ({@code --events-url}, {@code --events-file}) through the same
 * durable outbox. Everything is checked and opened before the cluster is touched, so bad settings change nothing.
 */
final class RecordingOptions {
    @Option(
            names = "--ledger",
            paramLabel = "DIR",
            description = "Append the deployment to this ledger (the DORA source, as devops dora --ledger reads it).")
    Path ledger;

    @Option(
            names = "--events-url",
            paramLabel = "URL",
            description = "Send the deployment's events (CloudEvents over HTTP, CDEvents 0.5.1 inside) to this sink.")
    String eventsUrl;

    @Option(
            names = "--events-file",
            paramLabel = "FILE",
            description = "Append the deployment's events to this JSONL file, one CloudEvent per line.")
    Path eventsFile;

    @Option(
            names = "--events-mode",
            defaultValue = "binary",
            paramLabel = "MODE",
            description = "CloudEvents HTTP mode for --events-url: binary or structured (default: ${DEFAULT-VALUE}).")
    String eventsMode;

    @Option(
            names = "--events-secret-env",
            paramLabel = "VAR",
            description = "Sign the HTTP events with the HMAC secret in this environment variable.")
    String secretEnv;

    @Option(
            names = "--events-secret-file",
            paramLabel = "FILE",
            description = "Sign the HTTP events with the HMAC secret in this file.")
    Path secretFile;

    @Option(
            names = "--events-outbox",
            paramLabel = "DIR",
            description = "The outbox: events not delivered before the command ends wait here and go out with the"
                    + " next deploy or rollback using it (default: ~/.devops/outbox).")
    Path outbox;

    @Option(
            names = "--events-source",
            defaultValue = "/devops-cli",
            paramLabel = "URI",
            description = "CloudEvents source of the events (default: ${DEFAULT-VALUE}).")
    String source;

    @Option(
            names = "--events-wait",
            defaultValue = "10",
            paramLabel = "SECONDS",
            description = "How long to wait for delivery before the command ends (default: ${DEFAULT-VALUE}).")
    int waitSeconds;

    /** Checks every option and opens the ledger and the outboxes; call before touching the cluster. */
    Recording open() {
        if (waitSeconds < 0) {
            throw new UsageException("--events-wait must be 0 or more seconds, got " + waitSeconds);
        }
        boolean events = eventsUrl != null || eventsFile != null;
        if (!events && (secretEnv != null || secretFile != null || outbox != null)) {
            throw new UsageException("--events-secret-env, --events-secret-file and --events-outbox need"
                    + " --events-url or --events-file");
        }
        if ((secretEnv != null || secretFile != null) && eventsUrl == null) {
            throw new UsageException("an HMAC secret signs HTTP events only; add --events-url");
        }
        if (ledger != null && Files.exists(ledger) && !Files.isDirectory(ledger)) {
            throw new UsageException("--ledger " + ledger + " is a file; give a directory (it is created if missing)");
        }
        if (eventsFile != null && Files.isDirectory(eventsFile)) {
            throw new UsageException("--events-file " + eventsFile + " is a directory; give a file");
        }
        EventPublisher publisher = null;
        DeploymentLedger opened = null;
        try {
            if (events) {
                EventPublisher.Builder builder =
                        EventPublisher.builder(outboxRoot(), source()).consumerEvents();
                if (eventsUrl != null) {
                    builder.http(SinkConfig.http("http-" + shortHash(eventsUrl), eventsUrl)
                            .withMode(mode())
                            .withHmacSecret(EventsCommand.secret(secretEnv, secretFile)));
                }
                if (eventsFile != null) {
                    Path file = eventsFile.toAbsolutePath().normalize();
                    builder.jsonl("file-" + shortHash(file.toString()), file);
                }
                publisher = builder.build();
            }
            if (ledger != null) {
                opened = DeploymentLedger.open(ledger);
            }
            return new Recording(opened, publisher, Duration.ofSeconds(waitSeconds));
        } catch (IllegalArgumentException e) {
            closeQuietly(publisher);
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            closeQuietly(publisher);
            throw new UsageException("cannot open the ledger or the event outbox: " + e.getMessage());
        }
    }

    private Path outboxRoot() {
        return outbox != null ? outbox : Path.of(System.getProperty("user.home"), ".devops", "outbox");
    }

    private URI source() {
        try {
            return new URI(source);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--events-source '" + source + "' is not a URI reference");
        }
    }

    private EventMode mode() {
        try {
            return EventMode.valueOf(eventsMode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--events-mode '" + eventsMode + "' is not binary or structured");
        }
    }

    /** One outbox per destination: a changed URL never receives the events pending for another. */
    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void closeQuietly(EventPublisher publisher) {
        if (publisher != null) {
            try {
                publisher.close();
            } catch (IOException e) {
                // nothing was published yet
            }
        }
    }

    /** The opened ledger and outboxes of one command. */
    static final class Recording implements AutoCloseable {
        private final DeploymentLedger ledger;
        private final EventPublisher publisher;
        private final Duration wait;

        Recording(DeploymentLedger ledger, EventPublisher publisher, Duration wait) {
            this.ledger = ledger;
            this.publisher = publisher;
            this.wait = wait;
        }

        /**
         * Appends the record to the ledger and queues its events, then waits (up to {@code --events-wait}) for their
         * delivery. A sink that is down does not change the exit code: the events stay in the outbox.
         */
        void record(DeploymentRecord record, boolean rework, String command, PrintWriter err) throws IOException {
            if (ledger != null) {
                ledger.append(LedgerEntry.of(record, rework));
            }
            if (publisher == null) {
                return;
            }
            publisher.publish(record, rework);
            long deadline = System.nanoTime() + wait.toNanos();
            while (pending() > 0 && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            for (Outbox outbox : publisher.outboxes()) {
                if (outbox.pending() > 0) {
                    err.println("devops " + command + ": " + outbox.pending() + " event(s) not delivered yet to '"
                            + outbox.sink().name() + "'"
                            + (outbox.lastError().isEmpty() ? "" : " (" + outbox.lastError() + ")")
                            + "; they wait in the outbox and go out with the next command that uses it");
                }
            }
            err.flush();
        }

        private int pending() {
            int total = 0;
            for (Outbox outbox : publisher.outboxes()) {
                total += outbox.pending();
            }
            return total;
        }

        @Override
        public void close() throws IOException {
            try {
                if (publisher != null) {
                    publisher.close();
                }
            } finally {
                if (ledger != null) {
                    ledger.close();
                }
            }
        }
    }
}
