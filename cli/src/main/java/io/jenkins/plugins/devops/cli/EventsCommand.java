package io.jenkins.plugins.devops.cli;

import io.cloudevents.CloudEvent;
import io.jenkins.plugins.devops.core.deploy.Commit;
import io.jenkins.plugins.devops.core.deploy.DeploymentKind;
import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import io.jenkins.plugins.devops.core.deploy.Outcome;
import io.jenkins.plugins.devops.core.events.DeploymentEvents;
import io.jenkins.plugins.devops.core.events.EventMode;
import io.jenkins.plugins.devops.core.events.HmacSignature;
import io.jenkins.plugins.devops.core.events.HttpSink;
import io.jenkins.plugins.devops.core.events.SinkConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code devops events send|verify}: try an event sink, check a signature. */
@Command(
        name = "events",
        mixinStandardHelpOptions = true,
        description = "Test an event sink (send) or check an event's HMAC signature (verify).",
        subcommands = {EventsCommand.Send.class, EventsCommand.Verify.class})
public final class EventsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing the subcommand; use send or verify");
    }

    /** Reads a secret from an environment variable or a file, never from the command line (visible in ps). */
    static String secret(String env, Path file) throws IOException {
        if (env != null && file != null) {
            throw new IllegalArgumentException("give either --secret-env or --secret-file, not both");
        }
        if (env != null) {
            String value = System.getenv(env);
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException(
                        "environment variable " + env + " is not set or empty; export it" + " with the HMAC secret");
            }
            return value;
        }
        if (file != null) {
            try {
                return Files.readString(file).strip();
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("secret file " + file + " does not exist; check --secret-file");
            }
        }
        return "";
    }

    /** {@code devops events send}: sends the events of a sample deployment to a sink. */
    @Command(
            name = "send",
            mixinStandardHelpOptions = true,
            description = {
                "Sends the events of a sample deployment (deployment.completed and service.deployed) to a sink",
                "as CloudEvents over HTTP. Exit codes: 0 delivered, 1 the sink refused or was unreachable,",
                "2 usage or input error."
            })
    static final class Send implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        FormatOption format;

        /** What {@code --format json} prints: the events the sink accepted, in order. */
        record Delivered(String type, String id) {}

        record SendResult(String sink, List<Delivered> delivered) {}

        @Option(names = "--sink", required = true, paramLabel = "URL", description = "The http(s) URL of the sink.")
        String sink;

        @Option(
                names = "--mode",
                defaultValue = "binary",
                description = "binary or structured (default: ${DEFAULT-VALUE}).")
        String mode;

        @Option(names = "--secret-env", paramLabel = "VAR", description = "Sign with the HMAC secret in this variable.")
        String secretEnv;

        @Option(names = "--secret-file", paramLabel = "FILE", description = "Sign with the HMAC secret in this file.")
        Path secretFile;

        @Option(names = "--header", paramLabel = "NAME=VALUE", description = "An extra request header (repeatable).")
        List<String> headers = List.of();

        @Option(names = "--service", defaultValue = "sample", description = "Service of the sample deployment.")
        String service;

        @Option(names = "--environment", defaultValue = "staging", description = "Environment of the sample.")
        String environment;

        @Option(names = "--source", defaultValue = "/devops-cli", description = "CloudEvents source (URI reference).")
        String source;

        @Option(names = "--timeout", defaultValue = "10", paramLabel = "SECONDS", description = "Request timeout.")
        int timeout;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            HttpSink http;
            List<CloudEvent> events;
            try {
                SinkConfig config = SinkConfig.http("cli", sink)
                        .withMode(mode(mode))
                        .withHmacSecret(secret(secretEnv, secretFile))
                        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(Math.max(1, timeout)));
                for (String header : headers) {
                    int eq = header.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--header '" + header + "' must look like NAME=VALUE");
                    }
                    config = config.withHeader(
                            header.substring(0, eq).strip(),
                            header.substring(eq + 1).strip());
                }
                http = new HttpSink(config);
                events = new DeploymentEvents(uri(source)).of(sample());
            } catch (IllegalArgumentException | IOException e) {
                err.println("devops events send: " + e.getMessage());
                err.flush();
                return 2;
            }
            List<Delivered> delivered = new ArrayList<>();
            int exitCode = ExitCodes.OK;
            for (CloudEvent event : events) {
                try {
                    http.deliver(event);
                } catch (IOException e) {
                    err.println("devops events send: " + e.getMessage() + "; check the URL and that the sink is up");
                    err.flush();
                    exitCode = ExitCodes.FAILED;
                    break;
                }
                delivered.add(new Delivered(event.getType(), event.getId()));
                if (!format.json()) {
                    out.println("delivered " + event.getType() + " id=" + event.getId());
                }
            }
            if (format.json()) {
                out.println(CliJson.write(new SendResult(sink, delivered)));
            }
            out.flush();
            return exitCode;
        }

        private static EventMode mode(String value) {
            try {
                return EventMode.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--mode '" + value + "' is not binary or structured");
            }
        }

        private static URI uri(String value) {
            try {
                return new URI(value);
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("--source '" + value + "' is not a URI reference: " + e.getReason());
            }
        }

        private DeploymentRecord sample() {
            Instant finished = Instant.now();
            return new DeploymentRecord(
                    "cli-" + UUID.randomUUID(),
                    DeploymentKind.DEPLOY,
                    service,
                    environment,
                    "",
                    "rolling",
                    Outcome.SUCCEEDED,
                    "1.0.0",
                    "",
                    "",
                    finished.minusSeconds(60),
                    finished,
                    List.of(new Commit("0000000", finished.minusSeconds(600))),
                    "devops events send",
                    "",
                    List.of(),
                    List.of(),
                    List.of());
        }
    }

    /** {@code devops events verify}: checks an HMAC-SHA256 signature against a body. */
    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = {
                "Checks that a signature header value (sha256=<hex>) matches a request body and secret.",
                "Exit codes: 0 valid, 1 does not match, 2 usage or input error."
            })
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        FormatOption format;

        /** What {@code --format json} prints. */
        record VerifyResult(boolean valid) {}

        @Option(names = "--body", required = true, paramLabel = "FILE", description = "The request body, as received.")
        Path body;

        @Option(names = "--signature", required = true, description = "The " + HmacSignature.HEADER + " value.")
        String signature;

        @Option(names = "--secret-env", paramLabel = "VAR", description = "The HMAC secret is in this variable.")
        String secretEnv;

        @Option(names = "--secret-file", paramLabel = "FILE", description = "The HMAC secret is in this file.")
        Path secretFile;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try {
                String secret = secret(secretEnv, secretFile);
                if (secret.isEmpty()) {
                    throw new IllegalArgumentException("give the secret with --secret-env VAR or --secret-file FILE");
                }
                if (!Files.isRegularFile(body)) {
                    throw new IllegalArgumentException("body file " + body + " does not exist; check --body");
                }
                boolean valid = HmacSignature.verify(secret, Files.readAllBytes(body), signature);
                PrintWriter out = spec.commandLine().getOut();
                if (format.json()) {
                    out.println(CliJson.write(new VerifyResult(valid)));
                } else if (valid) {
                    out.println("signature valid");
                }
                out.flush();
                if (valid) {
                    return 0;
                }
                err.println("devops events verify: signature does not match the body; check the secret and that the"
                        + " body file holds the exact bytes received");
                err.flush();
                return 1;
            } catch (IllegalArgumentException | IOException e) {
                err.println("devops events verify: " + e.getMessage());
                err.flush();
                return 2;
            }
        }
    }
}
