package io.jenkins.plugins.devops.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jenkins.plugins.devops.core.testing.RefusedPort;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sink down, events produced, JVM killed, restarted, sink back: every event arrives, with its original id. */
class OutboxCrashTest {

    @Test
    void eventsPublishedBeforeAKillAreDeliveredAfterARestartWithTheSameIds(@TempDir Path dir) throws Exception {
        List<String> published;
        try (RefusedPort down = RefusedPort.reserve()) { // the sink is down while the child publishes
            published = publishThenKill(dir, down.url("/events"));
        }
        assertThat(published).hasSize(75);

        // The outbox keeps events, not addresses: the sink comes back wherever the restarted configuration says
        // (here a port the test server already holds, so no other process can take it in between).
        try (RecordingHttpSink sink = new RecordingHttpSink();
                Outbox restarted = Outbox.open(
                        dir.resolve("audit"),
                        new HttpSink(SinkConfig.http("audit", sink.url())),
                        RetryPolicy.defaults(),
                        4)) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> new HashSet<>(sink.receivedIds()).containsAll(published));
            assertThat(new HashSet<>(sink.receivedIds())).isEqualTo(new HashSet<>(published));
            await().atMost(Duration.ofSeconds(30)).until(() -> restarted.pending() == 0);
        }
    }

    private static List<String> publishThenKill(Path dir, String url) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        OutboxWriterMain.class.getName(),
                        dir.toString(),
                        url,
                        "25")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        List<String> published = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("done")) {
                if (line.startsWith("published ")) {
                    published.add(line.substring(10));
                }
            }
            child.destroyForcibly(); // SIGKILL while the outbox is retrying against the dead sink
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        return published;
    }
}
