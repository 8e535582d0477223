package io.jenkins.plugins.devops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devops.core.events.HmacSignature;
import io.jenkins.plugins.devops.core.events.RecordingHttpSink;
import io.jenkins.plugins.devops.core.testing.RefusedPort;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EventsCommandTest {
    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = DevopsCommand.commandLine(args);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void sendDeliversSignedSampleEventsThatVerifyAcceptsAndRejectsWhenChanged(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret"), "s3cret\n");
        try (RecordingHttpSink sink = new RecordingHttpSink()) {
            Run sent = run(
                    "events",
                    "send",
                    "--sink",
                    sink.url(),
                    "--secret-file",
                    secret.toString(),
                    "--service",
                    "checkout",
                    "--header",
                    "X-Team=payments");
            assertThat(sent.exit()).as(sent.err()).isZero();
            assertThat(sent.out())
                    .contains("delivered io.jenkins.devops.deployment.completed id=")
                    .contains("delivered dev.cdevents.service.deployed.0.3.0 id=");
            RecordingHttpSink.Received first = sink.received().get(0);
            assertThat(first.headers()).containsEntry("x-team", "payments");
            assertThat(new String(first.body(), StandardCharsets.UTF_8)).contains("\"service\":\"checkout\"");

            Path body = Files.write(dir.resolve("body.json"), first.body());
            String signature = first.headers().get(HmacSignature.HEADER.toLowerCase(java.util.Locale.ROOT));
            Run valid = run(
                    "events",
                    "verify",
                    "--body",
                    body.toString(),
                    "--signature",
                    signature,
                    "--secret-file",
                    secret.toString());
            assertThat(valid.exit()).isZero();
            assertThat(valid.out().strip()).isEqualTo("signature valid");

            Files.writeString(body, "{\"tampered\":true}");
            Run invalid = run(
                    "events",
                    "verify",
                    "--body",
                    body.toString(),
                    "--signature",
                    signature,
                    "--secret-file",
                    secret.toString());
            assertThat(invalid.exit()).isEqualTo(1);
            assertThat(invalid.err()).contains("signature does not match the body");
        }
    }

    @Test
    void aSinkThatIsDownIsExitCode1AndABadUrlIsExitCode2() throws IOException {
        try (RefusedPort port = RefusedPort.reserve()) {
            Run down = run("events", "send", "--sink", port.url("/events"), "--timeout", "2");
            assertThat(down.exit()).isEqualTo(1);
            assertThat(down.err())
                    .startsWith("devops events send: sink 'cli' (" + port.url("/events") + ") unreachable")
                    .contains("check the URL and that the sink is up");
        }

        Run bad = run("events", "send", "--sink", "ftp://example.com/x");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err().strip())
                .isEqualTo("devops events send: sink 'cli' URL 'ftp://example.com/x' is not an"
                        + " http(s) URL; use e.g. https://events.example.com/cd");

        Run mode = run("events", "send", "--sink", "http://127.0.0.1:1/x", "--mode", "batch");
        assertThat(mode.exit()).isEqualTo(2);
        assertThat(mode.err().strip()).isEqualTo("devops events send: --mode 'batch' is not binary or structured");
    }

    @Test
    void sendAndVerifyPrintJsonForMachines(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret"), "s3cret\n");
        try (RecordingHttpSink sink = new RecordingHttpSink()) {
            Run sent =
                    run("events", "send", "--sink", sink.url(), "--secret-file", secret.toString(), "--format", "json");

            assertThat(sent.exit()).as(sent.err()).isZero();
            com.fasterxml.jackson.databind.JsonNode json = CliJson.MAPPER.readTree(sent.out());
            assertThat(json.path("sink").asText()).isEqualTo(sink.url());
            assertThat(json.path("delivered")).hasSize(2);
            assertThat(json.path("delivered").get(0).path("type").asText())
                    .isEqualTo("io.jenkins.devops.deployment.completed");
            assertThat(json.path("delivered").get(0).path("id").asText())
                    .isEqualTo(sink.receivedIds().get(0));

            Path body =
                    Files.write(dir.resolve("body.json"), sink.received().get(0).body());
            String signature =
                    sink.received().get(0).headers().get(HmacSignature.HEADER.toLowerCase(java.util.Locale.ROOT));
            Run valid = run(
                    "events",
                    "verify",
                    "--body",
                    body.toString(),
                    "--signature",
                    signature,
                    "--secret-file",
                    secret.toString(),
                    "--format",
                    "json");
            assertThat(valid.exit()).isZero();
            assertThat(CliJson.MAPPER.readTree(valid.out()).path("valid").asBoolean())
                    .isTrue();
        }
    }
}
