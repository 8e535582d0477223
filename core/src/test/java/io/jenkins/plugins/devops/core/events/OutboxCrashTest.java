package io.jenkins.plugins.devops.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
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
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort(); // nothing listens here until the sink comes back
        }
        String url = "http://127.0.0.1:" + port + "/events";
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
        assertThat(published).hasSize(75);

        try (RecordingHttpSink sink = new RecordingHttpSink(port);
                Outbox restarted = Outbox.open(
                        dir.resolve("audit"), new HttpSink(SinkConfig.http("audit", url)), RetryPolicy.defaults(), 4)) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> new HashSet<>(sink.receivedIds()).containsAll(published));
            assertThat(new HashSet<>(sink.receivedIds())).isEqualTo(new HashSet<>(published));
            await().atMost(Duration.ofSeconds(30)).until(() -> restarted.pending() == 0);
        }
    }
}
