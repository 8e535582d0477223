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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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
            Outbox outbox = publisher.outboxes().get(0);
            // The sink has the event before the outbox has marked it done: wait for both, then look.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> server.received().size() == sent.size() && outbox.pending() == 0);
            assertThat(server.receivedIds())
                    .containsExactlyElementsOf(
                            sent.stream().map(CloudEvent::getId).toList());
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
            // The dead-letter count rises before the outbox drops the event from its queue: wait for both.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> outbox.deadLettered() == sent.size() && outbox.pending() == 0);
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
    // Guards against a hang only: a publish that waited for this sink would block until its 10-minute read timeout.
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void publishingDoesNotWaitForASinkThatHangs(@TempDir Path dir) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch requestArrived = new CountDownLatch(1);
        AtomicInteger answered = new AtomicInteger();
        HttpServer hanging = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        hanging.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        hanging.createContext("/", exchange -> {
            requestArrived.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answered.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        hanging.start();
        String url = "http://127.0.0.1:" + hanging.getAddress().getPort() + "/";
        try (EventPublisher publisher = EventPublisher.builder(dir, SOURCE)
                .http(SinkConfig.http("slow", url).withTimeouts(Duration.ofSeconds(5), Duration.ofMinutes(10)))
                .build()) {
            for (int i = 0; i < 20; i++) {
                publisher.publish(Deployments.record("d" + i, "cart", Outcome.SUCCEEDED, i));
            }
            // Every publish returned while the sink holds a request and has answered none: they only waited for
            // the local disk, not for delivery.
            assertThat(requestArrived.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(answered.get()).isZero();
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
    void aReopenedOutboxWithEverythingDeliveredStartsWithEmptyLogs(@TempDir Path dir) throws IOException {
        List<String> heard = new CopyOnWriteArrayList<>();
        try (Outbox outbox = Outbox.open(dir, new ListenerSink("l", e -> heard.add(e.getId())), FAST, 1)) {
            outbox.enqueue(new DeploymentEvents(SOURCE).of(Deployments.record("d1", "cart", Outcome.SUCCEEDED, 1)));
            await().atMost(Duration.ofSeconds(30)).until(() -> outbox.pending() == 0);
        }
        assertThat(Files.size(dir.resolve("pending.log"))).isPositive();
        try (Outbox reopened = Outbox.open(dir, new ListenerSink("l", e -> heard.add(e.getId())), FAST, 1)) {
            assertThat(reopened.pending()).isZero();
            assertThat(Files.size(dir.resolve("pending.log"))).isZero();
            assertThat(Files.size(dir.resolve("done.log"))).isZero();
        }
        assertThat(heard).hasSize(2); // nothing delivered twice after a clean stop
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
