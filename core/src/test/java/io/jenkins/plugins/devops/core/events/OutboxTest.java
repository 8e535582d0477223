package io.jenkins.plugins.devops.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.cloudevents.CloudEvent;
import io.jenkins.plugins.devops.core.deploy.Outcome;
import io.jenkins.plugins.devops.core.ledger.Deployments;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
    private static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(200));
    private static final URI SOURCE = URI.create("/jenkins");

    @Test
    void aSinkThatRefusesTwiceGetsTheEventOnTheThirdAttemptWithTheSameId(@TempDir Path dir) throws IOException {
        try (RecordingHttpSink server = new RecordingHttpSink();
                EventPublisher publisher = EventPublisher.builder(dir, SOURCE)
                        .http(SinkConfig.http("audit", server.url()))
                        .retry(FAST)
                        .parallelism(1)
                        .build()) {
            server.failNext(2, 503);
            List<CloudEvent> sent = publisher.publish(Deployments.record("d1", "cart", Outcome.SUCCEEDED, 1));
            await().atMost(Duration.ofSeconds(30)).until(() -> server.received().size() == sent.size());
            assertThat(server.receivedIds())
                    .containsExactlyElementsOf(
                            sent.stream().map(CloudEvent::getId).toList());
            assertThat(publisher.outboxes().get(0).pending()).isZero();
        }
    }

    @Test
    void anEventThatKeepsFailingGoesToTheDeadLetterFileWithTheLastError(@TempDir Path dir) throws IOException {
        try (RecordingHttpSink server = new RecordingHttpSink();
                EventPublisher publisher = EventPublisher.builder(dir, SOURCE)
                        .http(SinkConfig.http("audit", server.url()))
                        .retry(FAST)
                        .parallelism(1)
                        .build()) {
            server.failNext(1000, 500);
            List<CloudEvent> sent = publisher.publish(Deployments.record("d1", "cart", Outcome.SUCCEEDED, 1));
            Outbox outbox = publisher.outboxes().get(0);
            await().atMost(Duration.ofSeconds(30)).until(() -> outbox.deadLettered() == sent.size());
            List<String> lines = Files.readAllLines(outbox.deadLetterFile());
            assertThat(lines).hasSize(sent.size());
            JsonNode first = new ObjectMapper().readTree(lines.get(0));
            assertThat(first.path("lastError").asText()).isEqualTo("sink 'audit' answered HTTP 500: busy, try later");
            assertThat(first.path("attempts").asInt()).isEqualTo(4);
            assertThat(first.path("event").path("id").asText())
                    .isEqualTo(sent.get(0).getId());
            assertThat(outbox.pending()).isZero();
        }
    }

    @Test
    void publishingDoesNotWaitForASinkThatHangs(@TempDir Path dir) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HttpServer hanging = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        hanging.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        hanging.createContext("/", exchange -> {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        hanging.start();
        String url = "http://127.0.0.1:" + hanging.getAddress().getPort() + "/";
        try (EventPublisher publisher = EventPublisher.builder(dir, SOURCE)
                .http(SinkConfig.http("slow", url).withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(60)))
                .build()) {
            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                publisher.publish(Deployments.record("d" + i, "cart", Outcome.SUCCEEDED, i));
            }
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            // 20 publishes while every request hangs for up to 60 s: they only wait for the local disk.
            assertThat(elapsedMillis).isLessThan(10_000);
            assertThat(publisher.outboxes().get(0).pending()).isEqualTo(40);
            release.countDown();
        } finally {
            release.countDown();
            hanging.stop(0);
        }
    }

    @Test
    void jsonlAndListenerSinksReceiveEveryEvent(@TempDir Path dir) throws IOException {
        List<String> heard = new CopyOnWriteArrayList<>();
        Path file = dir.resolve("events.jsonl");
        try (EventPublisher publisher = EventPublisher.builder(dir.resolve("outbox"), SOURCE)
                .jsonl("file", file)
                .listener("dashboard", event -> heard.add(event.getId()))
                .build()) {
            List<CloudEvent> sent = publisher.publish(Deployments.record("d1", "cart", Outcome.FAILED_ROLLED_BACK, 1));
            List<String> ids = sent.stream().map(CloudEvent::getId).toList();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> heard.size() == 3
                            && Files.exists(file)
                            && Files.readAllLines(file).size() == 3);
            assertThat(heard).containsExactlyInAnyOrderElementsOf(ids);
            List<String> fromFile = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                fromFile.add(EventJson.deserialize(line.getBytes()).getId());
            }
            assertThat(fromFile).containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    @Test
    void backoffGrowsExponentiallyWithJitterUpToTheLimit() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(30));
        Random random = new Random(1);
        for (int attempt = 1; attempt <= 8; attempt++) {
            long full = Math.min(30_000, 1000L << (attempt - 1));
            long delay = policy.delayAfter(attempt, random).toMillis();
            assertThat(delay).as("attempt %d", attempt).isBetween(full / 2, full);
        }
    }
}
